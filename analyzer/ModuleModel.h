//===- ModuleModel.h - A module's lifecycle entry points --------*- C++ -*-===//
//
// Which functions set a module or device up and which tear it down, found
// from the AST rather than macro text: under -DMODULE, module_init(fn)
// leaves `init_module` with AliasAttr("fn") (likewise cleanup_module), and
// driver structs (platform_driver, pci_driver, ...) name probe and remove in
// their initializers. Which struct fields mean what is API-model data.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ANALYZER_MODULEMODEL_H
#define KMODLINT_ANALYZER_MODULEMODEL_H

#include "checks/ApiModel.h"
#include "clang/AST/ASTContext.h"
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
};

class ModuleModel {
public:
  static ModuleModel build(clang::ASTContext &AST, const ApiModel &Model);

  /// The pair whose setup function is \p FD, if \p FD sets something up.
  const LifecyclePair *setupPair(const clang::FunctionDecl *FD) const;
  const std::vector<LifecyclePair> &pairs() const { return Pairs; }

private:
  std::vector<LifecyclePair> Pairs;
};

} // namespace kmodlint

#endif
