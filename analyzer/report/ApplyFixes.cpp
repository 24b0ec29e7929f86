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

FixOutcome applyFixes(const std::vector<Finding> &Findings,
                      llvm::raw_ostream &Log) {
  FixOutcome Outcome;
  std::map<std::string, clang::tooling::Replacements> ByFile;
  llvm::StringMap<unsigned> TakenPerFile;
  std::set<std::tuple<std::string, unsigned, unsigned, std::string>> Taken;
  for (const Finding &F : Findings) {
    if (!F.Fix)
      continue;
    // One file reached by two spellings (a symlink, ./a.c) is one file.
    llvm::SmallString<256> Real;
    std::string File = llvm::sys::fs::real_path(F.Fix->File, Real)
                           ? F.Fix->File
                           : std::string(Real);
    // Two findings may carry the same edit; it is applied once.
    if (!Taken.emplace(File, F.Fix->Offset, F.Fix->Length, F.Fix->Replacement)
             .second)
      continue;
    clang::tooling::Replacement R(File, F.Fix->Offset, F.Fix->Length,
                                  F.Fix->Replacement);
    if (llvm::Error E = ByFile[File].add(R)) {
      llvm::consumeError(std::move(E));
      Log << "kmodlint: not applying the fix for " << F.Where.File << ":"
          << F.Where.Line << ": it overlaps another fix\n";
      ++Outcome.Skipped;
      continue;
    }
    ++TakenPerFile[File];
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
