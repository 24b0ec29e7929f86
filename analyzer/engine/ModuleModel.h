//===- ModuleModel.h - A module's lifecycle entry points --------*- C++ -*-===//
//
// Which functions set a module or device up and which tear it down, found
// from the AST rather than macro text: under -DMODULE, module_init(fn)
// leaves `init_module` with AliasAttr("fn") (likewise cleanup_module), and
// driver structs (platform_driver, pci_driver, ...) name probe and remove in
// their initializers. Which struct fields mean what is API-model data.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ENGINE_MODULEMODEL_H
#define KMODLINT_ENGINE_MODULEMODEL_H

#include "analyzer/model/ApiModel.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include <string>
#include <vector>

namespace kmodlint {

/// A setup function and the functions that must undo what it keeps:
/// module_init/module_exit, or a driver's probe and remove.
struct LifecyclePair {
  const clang::FunctionDecl *Setup = nullptr;
  std::vector<const clang::FunctionDecl *> Teardowns;
  /// "module_init" or "platform_driver probe", for messages.
  std::string SetupRole;
  /// "module_exit function" or "remove callback".
  std::string TeardownRole;
  clang::SourceLocation DeclaredAt; ///< the module_init() or driver struct
  /// Declared with an initcall for the built-in kernel (subsys_initcall,
  /// builtin_platform_driver): never unloaded, so no teardown is missing.
  bool BuiltinStyle = false;
};

/// A function the kernel calls in atomic context, and why we know.
struct AtomicCallbackUse {
  std::string Context;      ///< "hard IRQ handler"
  bool InInterrupt = false; ///< in_interrupt() is true when it runs
  bool HardIrq = false;     ///< it runs in hard IRQ context
  std::string RegisteredBy; ///< "request_irq" or "net_device_ops.ndo_start_xmit"
  clang::SourceLocation RegisteredAt;
};

/// The function definitions written in the TU's main file, in order: what
/// kmodlint analyzes and collects stores from (headers' inline bodies are
/// reached only through calls).
std::vector<const clang::FunctionDecl *>
mainFileDefinitions(clang::ASTContext &AST);

class ModuleModel {
public:
  /// A callback registered on an object: init_timer_key(&p->timer, fn).
  struct Registration {
    std::string By, Subject;
    const clang::FunctionDecl *Callback = nullptr;
  };

  static ModuleModel build(clang::ASTContext &AST, const ApiModel &Model);

  /// The pair whose setup function is \p FD, if \p FD sets something up.
  const LifecyclePair *setupPair(const clang::FunctionDecl *FD) const;

  /// How \p FD is registered to run in atomic context, if it is.
  const AtomicCallbackUse *atomicUse(const clang::FunctionDecl *FD) const;

  /// The functions registered as hard IRQ handlers (and hrtimer callbacks).
  std::vector<const clang::FunctionDecl *> hardIrqHandlers() const;
  /// The callbacks \p RegisteredBy registered on an object of \p Subject
  /// (lockClass() of the registration's first argument: init_timer_key(
  /// &priv->timer, fn, ...) registers fn on "struct foo_priv.timer").
  std::vector<const clang::FunctionDecl *>
  callbacksOn(llvm::StringRef RegisteredBy, llvm::StringRef Subject) const;

private:
  void findAtomicCallbacks(clang::ASTContext &AST, const ApiModel &Model);

  std::vector<LifecyclePair> Pairs;
  llvm::DenseMap<const clang::FunctionDecl *, AtomicCallbackUse> AtomicUses;
  std::vector<Registration> Registrations;
};

} // namespace kmodlint

#endif
