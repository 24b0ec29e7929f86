//===- Baseline.h - Known findings to hide, by fingerprint ------*- C++ -*-===//
//
// A baseline lets a tree with old findings gate CI on new ones only:
//   kmodlint -p build --write-baseline kmodlint-baseline.json   (once)
//   kmodlint -p build --baseline kmodlint-baseline.json         (in CI)
// Findings are matched by fingerprint (check, file name, function and the
// expressions involved; no line numbers), so moving code does not make an
// old finding new. A fingerprint that occurs N times in the baseline hides
// at most N findings: a second identical leak in the same function is new.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ANALYZER_BASELINE_H
#define KMODLINT_ANALYZER_BASELINE_H

#include "analyzer/support/Finding.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <vector>

namespace kmodlint {

struct Baseline {
  llvm::StringMap<unsigned> Fingerprints; ///< fingerprint -> how many
};

llvm::Expected<Baseline> readBaseline(llvm::StringRef Path);

/// Writes \p Findings as a baseline (JSON; each entry keeps check, file,
/// function and message so a reviewer can read what was accepted).
llvm::Error writeBaseline(llvm::StringRef Path,
                          const std::vector<Finding> &Findings);

/// Removes the findings \p Known covers; returns how many.
unsigned removeBaselined(std::vector<Finding> &Findings, Baseline Known);

} // namespace kmodlint

#endif
