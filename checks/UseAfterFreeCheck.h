//===- UseAfterFreeCheck.h ----------------------------------------------*- C++ -*-===//
//
// A pointer dereferenced after the object it points to was released.
// See docs/checks/ for what it finds, its confidence and its known false
// positives.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_CHECKS_USEAFTERFREECHECK_H
#define KMODLINT_CHECKS_USEAFTERFREECHECK_H

#include "checks/Check.h"

namespace kmodlint {

class UseAfterFreeCheck : public Check {
public:
  llvm::StringRef id() const override;
  llvm::StringRef summary() const override;
  void onUse(const UseEvent &E, const PathState &S, CheckContext &C) override;
};

} // namespace kmodlint

#endif
