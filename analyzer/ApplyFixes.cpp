//===- ApplyFixes.cpp - --fix: write the findings' fix-its to disk --------===//
#include "analyzer/ApplyFixes.h"

#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include <map>

namespace kmodlint {

FixOutcome applyFixes(const std::vector<Finding> &Findings,
                      llvm::raw_ostream &Log) {
  FixOutcome Outcome;
  std::map<std::string, clang::tooling::Replacements> ByFile;
  llvm::StringMap<unsigned> TakenPerFile;
  for (const Finding &F : Findings) {
    if (!F.Fix)
      continue;
    clang::tooling::Replacement R(F.Fix->File, F.Fix->Offset, F.Fix->Length,
                                  F.Fix->Replacement);
    if (llvm::Error E = ByFile[F.Fix->File].add(R)) {
      llvm::consumeError(std::move(E));
      Log << "kmodlint: not applying the fix for " << F.Where.File << ":"
          << F.Where.Line << ": it overlaps another fix\n";
      ++Outcome.Skipped;
      continue;
    }
    ++TakenPerFile[F.Fix->File];
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
    if (!Fixed) {
      Log << "kmodlint: cannot fix " << File << ": "
          << llvm::toString(Fixed.takeError()) << "\n";
      Outcome.Skipped += Count;
      continue;
    }
    std::error_code EC;
    llvm::raw_fd_ostream Out(File, EC);
    if (EC) {
      Log << "kmodlint: cannot write " << File << ": " << EC.message() << "\n";
      Outcome.Skipped += Count;
      continue;
    }
    Out << *Fixed;
    Outcome.Applied += Count;
    ++Outcome.FilesChanged;
  }
  return Outcome;
}

} // namespace kmodlint
