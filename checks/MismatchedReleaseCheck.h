//===- MismatchedReleaseCheck.h ----------------------------------------------*- C++ -*-===//
//
// An object released by a function of another allocation family.
// See docs/checks/ for what it finds, its confidence and its known false
// positives.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_CHECKS_MISMATCHEDRELEASECHECK_H
#define KMODLINT_CHECKS_MISMATCHEDRELEASECHECK_H

#include "checks/Check.h"

namespace kmodlint {

class MismatchedReleaseCheck : public Check {
public:
  llvm::StringRef id() const override;
  llvm::StringRef summary() const override;
  void onRelease(const ReleaseEvent &E, const PathState &S,
                 CheckContext &C) override;
};

} // namespace kmodlint

#endif
