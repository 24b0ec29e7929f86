//===- Progress.cpp - Files done and findings so far, on a terminal -------===//
#include "analyzer/report/Progress.h"

#include "llvm/Support/Path.h"

namespace kmodlint {

void ProgressLine::fileDone(llvm::StringRef File, unsigned FindingsInFile) {
  ++Done;
  Findings += FindingsInFile;
  // "\x1b[K" clears what a longer previous line left behind.
  OS << "\rkmodlint: [" << Done << "/" << Total << "] " << Findings
     << (Findings == 1 ? " finding  " : " findings  ")
     << llvm::sys::path::filename(File) << "\x1b[K";
  OS.flush();
}

void ProgressLine::finish() {
  if (Done == 0)
    return;
  OS << "\r\x1b[K";
  OS.flush();
}

} // namespace kmodlint
