//===- DoubleFreeCheck.h ----------------------------------------------*- C++ -*-===//
//
// An object released twice on the same path.
// See docs/checks/ for what it finds, its confidence and its known false
// positives.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_CHECKS_DOUBLEFREECHECK_H
#define KMODLINT_CHECKS_DOUBLEFREECHECK_H

#include "checks/Check.h"

namespace kmodlint {

class DoubleFreeCheck : public Check {
public:
  llvm::StringRef id() const override;
  llvm::StringRef summary() const override;
  void onRelease(const ReleaseEvent &E, const PathState &S,
                 CheckContext &C) override;
};

} // namespace kmodlint

#endif
