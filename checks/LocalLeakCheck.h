//===- LocalLeakCheck.h -----------------------------------------*- C++ -*-===//
//
// An object acquired in a function and lost on some path: the function
// returns, or its last pointer is overwritten, while nothing released it,
// stored it where it outlives the function, or handed it on.
// See docs/checks/leak.local.md.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_CHECKS_LOCALLEAKCHECK_H
#define KMODLINT_CHECKS_LOCALLEAKCHECK_H

#include "checks/Check.h"

namespace kmodlint {

class LocalLeakCheck : public Check {
public:
  llvm::StringRef id() const override;
  llvm::StringRef summary() const override;
  void onLost(const LostEvent &E, const PathState &S, CheckContext &C) override;
  void onExit(const PathState &S, CheckContext &C) override;
};

} // namespace kmodlint

#endif
