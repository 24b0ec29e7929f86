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

#include "analyzer/support/Finding.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace kmodlint {

/// Whether \p Line suppresses \p Check.
bool lineSuppresses(llvm::StringRef Line, llvm::StringRef Check);

/// A suppression comment: where, and the check globs it names.
struct SuppressionComment {
  SourcePoint Where;
  std::vector<std::string> Globs;
};

/// The suppression comments of one source text.
std::vector<SuppressionComment> suppressionComments(llvm::StringRef Text,
                                                    llvm::StringRef File);

/// Removes the findings their source suppresses; returns how many. Adds the
/// lines of the comments that suppressed something to \p Used
/// ("file:line"), when given.
unsigned applySuppressions(std::vector<Finding> &Findings,
                           std::vector<SourcePoint> *Used = nullptr);

/// The suppression comments of \p File that suppressed nothing, as
/// suppression.unused findings. Only comments naming at least one check
/// that \p IsEnabled accepts count: a comment for a disabled check may be
/// needed by another configuration.
std::vector<Finding>
unusedSuppressions(llvm::StringRef File, llvm::ArrayRef<SourcePoint> Used,
                   llvm::function_ref<bool(llvm::StringRef Glob)> NamesEnabled);

} // namespace kmodlint

#endif
