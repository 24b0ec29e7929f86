//===- ApplyFixes.cpp - --fix: write the findings' fix-its to disk --------===//
#include "analyzer/report/ApplyFixes.h"
#include "analyzer/support/OutputFile.h"

#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include <map>
#include <set>
#include <tuple>

namespace kmodlint {

using TakenEdits = std::set<std::tuple<std::string, unsigned, unsigned, std::string>>;

/// One file reached by two spellings (a symlink, ./a.c) is one file.
static std::string realFile(const std::string &File) {
  llvm::SmallString<256> Real;
  return llvm::sys::fs::real_path(File, Real) ? File : std::string(Real);
}

/// Adds every edit of \p Fix, or none when one overlaps an edit already
/// taken. An edit another finding already carries is applied once.
static bool addFix(const FixIt &Fix,
                   std::map<std::string, clang::tooling::Replacements> &ByFile,
                   llvm::StringMap<unsigned> &TakenPerFile, TakenEdits &Taken) {
  // Only the files the fix touches are copied, then committed together.
  std::map<std::string, clang::tooling::Replacements> Trial;
  TakenEdits NewlyTaken;
  llvm::StringMap<unsigned> Counted;
  for (const TextEdit &Edit : Fix.Edits) {
    std::string File = realFile(Edit.File);
    auto Key = std::make_tuple(File, Edit.Offset, Edit.Length, Edit.Replacement);
    if (Taken.count(Key) || !NewlyTaken.insert(Key).second)
      continue;
    clang::tooling::Replacement R(File, Edit.Offset, Edit.Length, Edit.Replacement);
    auto [It, New] = Trial.try_emplace(File);
    if (New)
      It->second = ByFile[File];
    if (llvm::Error E = It->second.add(R)) {
      llvm::consumeError(std::move(E));
      return false;
    }
    Counted[File] = 1;
  }
  for (auto &[File, Replacements] : Trial)
    ByFile[File] = std::move(Replacements);
  Taken.insert(NewlyTaken.begin(), NewlyTaken.end());
  for (const auto &Entry : Counted)
    ++TakenPerFile[Entry.getKey()];
  return true;
}

FixOutcome applyFixes(const std::vector<Finding> &Findings,
                      llvm::raw_ostream &Log) {
  FixOutcome Outcome;
  std::map<std::string, clang::tooling::Replacements> ByFile;
  llvm::StringMap<unsigned> TakenPerFile;
  std::set<std::tuple<std::string, unsigned, unsigned, std::string>> Taken;
  for (const Finding &F : Findings) {
    if (!F.Fix)
      continue;
    if (!addFix(*F.Fix, ByFile, TakenPerFile, Taken)) {
      Log << "kmodlint: not applying the fix for " << F.Where.File << ":"
          << F.Where.Line << ": it overlaps another fix\n";
      ++Outcome.Skipped;
    }
  }
  for (auto &[File, Replacements] : ByFile) {
    unsigned Count = TakenPerFile.lookup(File);
    if (Count == 0)
      continue;
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    llvm::Expected<std::string> Fixed =
        Buffer ? clang::tooling::applyAllReplacements((*Buffer)->getBuffer(),
                                                      Replacements)
               : llvm::Expected<std::string>(llvm::createStringError(
                     Buffer.getError(), "cannot read it"));
    if (Fixed && isReadOnlyFile(File))
      Fixed = llvm::createStringError(
          std::make_error_code(std::errc::permission_denied),
          "it is read-only (make it writable to let --fix change it)");
    llvm::Error Written =
        Fixed ? writeOutputFile(File, [&](llvm::raw_ostream &OS) { OS << *Fixed; })
              : llvm::Error::success();
    if (!Fixed || Written) {
      Log << "kmodlint: cannot fix " << File << ": "
          << llvm::toString(Fixed ? std::move(Written) : Fixed.takeError())
          << "\n";
      Outcome.Skipped += Count;
      ++Outcome.FilesFailed;
      continue;
    }
    Outcome.Applied += Count;
    ++Outcome.FilesChanged;
  }
  return Outcome;
}

} // namespace kmodlint
