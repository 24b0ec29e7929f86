//===- Suppressions.h - Inline suppressions in the analyzed source -*- C++ -*-===//
//
// A finding is suppressed by a comment on its line or the line above:
//   /* kmodlint: ignore[release.mismatch] freed by the firmware loader */
//   // NOLINT(kmodlint-leak.local): handed to the DMA engine
// The check list takes globs (`leak.*`). kmodlint's own syntax requires a
// reason after the bracket: a suppression nobody can review is not one.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ANALYZER_SUPPRESSIONS_H
#define KMODLINT_ANALYZER_SUPPRESSIONS_H

#include "analyzer/Finding.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace kmodlint {

/// Whether \p Line suppresses \p Check.
bool lineSuppresses(llvm::StringRef Line, llvm::StringRef Check);

/// Removes the findings their source suppresses; returns how many.
unsigned applySuppressions(std::vector<Finding> &Findings);

} // namespace kmodlint

#endif
