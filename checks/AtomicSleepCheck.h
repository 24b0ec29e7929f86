//===- AtomicSleepCheck.h ---------------------------------------*- C++ -*-===//
//
// A call that may sleep (a GFP_KERNEL allocation, mutex_lock(), msleep(),
// copy_from_user(), a helper that does one of these...) while a spinlock or
// rwlock is held, IRQs, preemption or bottom halves are disabled, inside an
// RCU read section, or in a callback that runs in atomic context (IRQ
// handler, timer, tasklet, ndo_start_xmit...). See docs/checks/atomic.sleep.md.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_CHECKS_ATOMICSLEEPCHECK_H
#define KMODLINT_CHECKS_ATOMICSLEEPCHECK_H

#include "checks/Check.h"

namespace kmodlint {

class AtomicSleepCheck : public Check {
public:
  llvm::StringRef id() const override;
  llvm::StringRef summary() const override;
  void onSleep(const SleepEvent &E, const PathState &S, CheckContext &C) override;
};

} // namespace kmodlint

#endif
