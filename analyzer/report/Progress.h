//===- Progress.h - Files done and findings so far, on a terminal -*- C++ -*-===//
#ifndef KMODLINT_ANALYZER_PROGRESS_H
#define KMODLINT_ANALYZER_PROGRESS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace kmodlint {

/// One status line, rewritten in place ("\r") as files finish:
///   kmodlint: [12/83] 3 findings  drivers/misc/phantom.c
/// Only for a terminal: a log or a CI job must not fill with these lines.
class ProgressLine {
public:
  ProgressLine(llvm::raw_ostream &OS, unsigned Total) : OS(OS), Total(Total) {}
  void fileDone(llvm::StringRef File, unsigned FindingsInFile);
  /// Erases the line, so what follows starts on a clean one.
  void finish();

private:
  llvm::raw_ostream &OS;
  unsigned Total;
  unsigned Done = 0;
  unsigned Findings = 0;
};

} // namespace kmodlint

#endif
