//===- ErrorPathLeakCheck.h -------------------------------------*- C++ -*-===//
//
// A module_init or probe function that fails while it still holds what it
// acquired on that path: the `goto err_x` unwind ladder that forgets a step,
// or `return platform_driver_register(&drv);` after setting up something
// else. See docs/checks/leak.error-path.md.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_CHECKS_ERRORPATHLEAKCHECK_H
#define KMODLINT_CHECKS_ERRORPATHLEAKCHECK_H

#include "checks/Check.h"

namespace kmodlint {

class ErrorPathLeakCheck : public Check {
public:
  llvm::StringRef id() const override;
  llvm::StringRef summary() const override;
  void onExit(const PathState &S, CheckContext &C) override;
};

} // namespace kmodlint

#endif
