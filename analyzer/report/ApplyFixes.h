//===- ApplyFixes.h - --fix: write the findings' fix-its to disk -*- C++ -*-===//
#ifndef KMODLINT_ANALYZER_APPLYFIXES_H
#define KMODLINT_ANALYZER_APPLYFIXES_H

#include "analyzer/support/Finding.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace kmodlint {

struct FixOutcome {
  unsigned Applied = 0;
  unsigned Skipped = 0; ///< conflicting with another fix, or unwritable
  unsigned FilesChanged = 0;
  unsigned FilesFailed = 0; ///< unreadable, read-only or unwritable (exit 2)
};

/// Applies every fix of \p Findings with clang's Replacements, file by file.
/// A fix that overlaps one already taken is skipped and reported on \p Log:
/// applying both would corrupt the file. A file is rewritten whole through
/// a temporary file and keeps its mode; a read-only one is refused.
FixOutcome applyFixes(const std::vector<Finding> &Findings,
                      llvm::raw_ostream &Log);

} // namespace kmodlint

#endif
