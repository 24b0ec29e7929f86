//===- CallbackLocks.h - Locks a wait for a callback must not hold -*- C++ -*-===//
//
// del_timer_sync() does not sleep: it spins until the timer's callback has
// finished. That deadlocks only when the callback cannot finish: the
// caller holds a lock the callback takes, or a lock an IRQ handler takes
// (the handler interrupts the callback on another CPU and spins on the
// lock), or the caller is itself a hard IRQ handler. This finds, per TU,
// which lock classes (lockClass()) the callbacks and IRQ handlers take,
// themselves or in same-TU callees a few calls down.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ENGINE_CALLBACKLOCKS_H
#define KMODLINT_ENGINE_CALLBACKLOCKS_H

#include "analyzer/engine/ModuleModel.h"
#include "analyzer/model/ApiModel.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <map>
#include <set>
#include <string>

namespace kmodlint {

class CallbackLocks {
public:
  CallbackLocks(const ApiModel &Model, const ModuleModel &Module)
      : Model(Model), Module(Module) {}

  /// Lock class -> why holding it while waiting for the callbacks
  /// registered on \p Subject deadlocks ("amd8111e_interrupt(), an IRQ
  /// handler, takes it").
  std::map<std::string, std::string> conflicts(const CallbackWait &Wait,
                                               llvm::StringRef Subject);

  /// The lock classes \p FD takes, itself or in same-TU callees.
  const std::set<std::string> &takenBy(const clang::FunctionDecl *FD);

private:
  void collect(const clang::FunctionDecl *FD, unsigned Depth,
               std::set<std::string> &Out,
               llvm::DenseSet<const clang::FunctionDecl *> &Visited);

  const ApiModel &Model;
  const ModuleModel &Module;
  llvm::DenseMap<const clang::FunctionDecl *, std::set<std::string>> Taken;
};

} // namespace kmodlint

#endif
