//===- ModuleModel.cpp - A module's lifecycle entry points ----------------===//
#include "analyzer/engine/ModuleModel.h"
#include "analyzer/engine/AccessPath.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringMap.h"

namespace kmodlint {

static const clang::FunctionDecl *definitionOf(const clang::FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  const clang::FunctionDecl *Def = nullptr;
  return FD->hasBody(Def) ? Def : nullptr;
}

/// The function an initializer names: `.probe = foo_probe`, possibly cast.
static const clang::FunctionDecl *functionIn(const clang::Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenCasts();
  if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(E))
    E = UO->getSubExpr()->IgnoreParenCasts();
  if (const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(E))
    return definitionOf(llvm::dyn_cast<clang::FunctionDecl>(DRE->getDecl()));
  return nullptr;
}

/// The initializer of field \p Path ("probe" or "ops.add") in \p Init.
static const clang::Expr *fieldInit(const clang::InitListExpr *Init,
                                    llvm::StringRef Path) {
  auto [Head, Rest] = Path.split('.');
  const clang::RecordDecl *Record = Init->getType()->getAsRecordDecl();
  if (!Record)
    return nullptr;
  if (Record->isUnion()) {
    const clang::FieldDecl *Field = Init->getInitializedFieldInUnion();
    if (Field && Field->isAnonymousStructOrUnion() && Init->getNumInits() == 1)
      if (const auto *Nested =
              llvm::dyn_cast<clang::InitListExpr>(Init->getInit(0)))
        return fieldInit(Nested, Path);
    if (!Field || Field->getName() != Head || Init->getNumInits() != 1)
      return nullptr;
    return Rest.empty() ? Init->getInit(0) : nullptr;
  }
  for (const clang::FieldDecl *Field : Record->fields()) {
    if (Field->getFieldIndex() >= Init->getNumInits())
      continue;
    // 6.12's platform_driver has `union { remove; remove_new; }`: the
    // members of an anonymous union or struct are the record's own.
    if (Field->isAnonymousStructOrUnion()) {
      if (const auto *Nested = llvm::dyn_cast<clang::InitListExpr>(
              Init->getInit(Field->getFieldIndex())))
        if (const clang::Expr *Value = fieldInit(Nested, Path))
          return Value;
      continue;
    }
    if (Field->getName() != Head)
      continue;
    const clang::Expr *Value = Init->getInit(Field->getFieldIndex());
    if (Rest.empty())
      return Value;
    if (const auto *Nested = llvm::dyn_cast<clang::InitListExpr>(Value))
      return fieldInit(Nested, Rest);
    return nullptr;
  }
  return nullptr;
}

ModuleModel ModuleModel::build(clang::ASTContext &AST, const ApiModel &Model) {
  ModuleModel Module;
  llvm::StringMap<const clang::FunctionDecl *> ByName;
  const clang::FunctionDecl *InitAlias = nullptr, *ExitAlias = nullptr;
  std::vector<const clang::VarDecl *> DriverVars;
  for (const clang::Decl *D : AST.getTranslationUnitDecl()->decls()) {
    if (const auto *FD = llvm::dyn_cast<clang::FunctionDecl>(D)) {
      if (FD->doesThisDeclarationHaveABody() && FD->getIdentifier())
        ByName[FD->getName()] = FD;
      const ModuleEntryPoints &Entry = Model.moduleEntryPoints();
      if (FD->getIdentifier() && FD->hasAttr<clang::AliasAttr>()) {
        if (FD->getName() == Entry.InitAlias)
          InitAlias = FD;
        else if (FD->getName() == Entry.ExitAlias)
          ExitAlias = FD;
      }
      continue;
    }
    if (const auto *Var = llvm::dyn_cast<clang::VarDecl>(D))
      if (Var->hasGlobalStorage() && Var->getInit())
        if (const auto *Record = Var->getType()->getAsRecordDecl();
            Record && Record->getIdentifier() &&
            Model.findDriverStruct(Record->getName()))
          DriverVars.push_back(Var);
  }
  auto Aliasee = [&](const clang::FunctionDecl *Alias)
      -> const clang::FunctionDecl * {
    if (!Alias)
      return nullptr;
    auto It = ByName.find(Alias->getAttr<clang::AliasAttr>()->getAliasee());
    return It == ByName.end() ? nullptr : It->second;
  };
  if (const clang::FunctionDecl *Init = Aliasee(InitAlias)) {
    LifecyclePair Pair;
    Pair.Setup = Init;
    if (const clang::FunctionDecl *Exit = Aliasee(ExitAlias))
      Pair.Teardowns.push_back(Exit);
    Pair.SetupRole = "module_init";
    Pair.TeardownRole = "module_exit function";
    Pair.DeclaredAt = InitAlias->getLocation();
    // module_init() written as subsys_initcall() or builtin_driver().
    Pair.BuiltinStyle = llvm::any_of(
        macrosExpandedAt(Pair.DeclaredAt, AST), [&](llvm::StringRef Macro) {
          return Model.moduleEntryPoints().BuiltinInitMacros.count(Macro.str());
        });
    Module.Pairs.push_back(Pair);
  }
  for (const clang::VarDecl *Var : DriverVars) {
    const auto *Init = llvm::dyn_cast<clang::InitListExpr>(
        Var->getInit()->IgnoreImplicit());
    if (!Init)
      continue;
    const DriverStruct &Driver =
        *Model.findDriverStruct(Var->getType()->getAsRecordDecl()->getName());
    std::vector<const clang::FunctionDecl *> Teardowns;
    for (const std::string &Field : Driver.TeardownFields)
      if (const clang::FunctionDecl *FD = functionIn(fieldInit(Init, Field)))
        Teardowns.push_back(FD);
    for (const std::string &Field : Driver.SetupFields) {
      const clang::FunctionDecl *Setup = functionIn(fieldInit(Init, Field));
      if (!Setup)
        continue;
      LifecyclePair Pair;
      Pair.Setup = Setup;
      Pair.Teardowns = Teardowns;
      Pair.SetupRole = Driver.Name + " " + Field;
      Pair.TeardownRole = "remove callback";
      Pair.DeclaredAt = Var->getLocation();
      Module.Pairs.push_back(Pair);
    }
  }
  Module.findAtomicCallbacks(AST, Model);
  return Module;
}

namespace {
/// Registrations (request_irq(irq, handler, ...)), ops-struct initializers
/// (.ndo_start_xmit = foo_xmit) and callback-field stores (t.function = cb)
/// that make a function run in atomic context.
class AtomicCallbackFinder
    : public clang::RecursiveASTVisitor<AtomicCallbackFinder> {
public:
  AtomicCallbackFinder(const ApiModel &Model,
                       llvm::DenseMap<const clang::FunctionDecl *,
                                      AtomicCallbackUse> &Uses,
                       std::vector<ModuleModel::Registration> &Registrations)
      : Model(Model), Uses(Uses), Registrations(Registrations) {}

  void record(const clang::FunctionDecl *FD, const AtomicContext &Context,
              std::string By, clang::SourceLocation At) {
    if (FD)
      Uses.try_emplace(FD, AtomicCallbackUse{Context.What, Context.InInterrupt,
                                             Context.HardIrq, std::move(By),
                                             At});
  }

  bool VisitCallExpr(clang::CallExpr *Call) {
    const clang::FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return true;
    if (const AtomicCallback *CB = Model.atomicCallback(Callee->getName()))
      if (CB->Arg < Call->getNumArgs()) {
        const clang::FunctionDecl *Callback = functionIn(Call->getArg(CB->Arg));
        record(Callback, AtomicContext{CB->Context, CB->InInterrupt, CB->HardIrq},
               Callee->getName().str(), Call->getBeginLoc());
        // init_timer_key(&priv->timer, fn, ...): fn runs for that timer.
        std::optional<AccessPath> Subject;
        if (Call->getNumArgs() > 0)
          Subject = AccessPath::ofAddressOrValue(Call->getArg(0));
        if (auto Class = Subject ? lockClass(*Subject) : std::nullopt;
            Class && Callback)
          Registrations.push_back({Callee->getName().str(), *Class, Callback});
      }
    return true;
  }

  bool VisitInitListExpr(clang::InitListExpr *Init) {
    // Designated initializers: field indexes hold in the semantic form.
    if (Init->isSyntacticForm() && Init->getSemanticForm())
      Init = Init->getSemanticForm();
    const clang::RecordDecl *Record = Init->getType()->getAsRecordDecl();
    if (!Record || !Record->getIdentifier())
      return true;
    for (const clang::FieldDecl *Field : Record->fields()) {
      if (Field->getFieldIndex() >= Init->getNumInits())
        break;
      if (auto Context = Model.atomicField(Record->getName(), Field->getName()))
        record(functionIn(Init->getInit(Field->getFieldIndex())), *Context,
               (Record->getName() + "." + Field->getName()).str(),
               Init->getInit(Field->getFieldIndex())->getBeginLoc());
    }
    return true;
  }

  bool VisitBinaryOperator(clang::BinaryOperator *BO) {
    if (BO->getOpcode() != clang::BO_Assign)
      return true;
    const auto *ME =
        llvm::dyn_cast<clang::MemberExpr>(BO->getLHS()->IgnoreParenCasts());
    const auto *Field =
        ME ? llvm::dyn_cast<clang::FieldDecl>(ME->getMemberDecl()) : nullptr;
    if (!Field || !Field->getParent()->getIdentifier())
      return true;
    if (auto Context =
            Model.atomicField(Field->getParent()->getName(), Field->getName()))
      record(functionIn(BO->getRHS()), *Context,
             (Field->getParent()->getName() + "." + Field->getName()).str(),
             BO->getBeginLoc());
    return true;
  }

private:
  const ApiModel &Model;
  llvm::DenseMap<const clang::FunctionDecl *, AtomicCallbackUse> &Uses;
  std::vector<ModuleModel::Registration> &Registrations;
};
} // namespace

void ModuleModel::findAtomicCallbacks(clang::ASTContext &AST,
                                      const ApiModel &Model) {
  AtomicCallbackFinder Finder(Model, AtomicUses, Registrations);
  const clang::SourceManager &SM = AST.getSourceManager();
  for (clang::Decl *D : AST.getTranslationUnitDecl()->decls())
    if (SM.isInMainFile(SM.getExpansionLoc(D->getLocation())))
      Finder.TraverseDecl(D);
}

const AtomicCallbackUse *
ModuleModel::atomicUse(const clang::FunctionDecl *FD) const {
  auto It = AtomicUses.find(FD);
  if (It == AtomicUses.end() && FD->getDefinition())
    It = AtomicUses.find(FD->getDefinition());
  return It == AtomicUses.end() ? nullptr : &It->second;
}

std::vector<const clang::FunctionDecl *> ModuleModel::hardIrqHandlers() const {
  std::vector<const clang::FunctionDecl *> Handlers;
  for (const auto &[FD, Use] : AtomicUses)
    if (Use.HardIrq)
      Handlers.push_back(FD);
  return Handlers;
}

std::vector<const clang::FunctionDecl *>
ModuleModel::callbacksOn(llvm::StringRef RegisteredBy,
                         llvm::StringRef Subject) const {
  std::vector<const clang::FunctionDecl *> Callbacks;
  for (const Registration &R : Registrations)
    if (R.By == RegisteredBy && R.Subject == Subject)
      Callbacks.push_back(R.Callback);
  return Callbacks;
}

const LifecyclePair *
ModuleModel::setupPair(const clang::FunctionDecl *FD) const {
  for (const LifecyclePair &Pair : Pairs)
    if (Pair.Setup == FD || Pair.Setup == FD->getDefinition())
      return &Pair;
  return nullptr;
}

std::vector<const clang::FunctionDecl *>
mainFileDefinitions(clang::ASTContext &AST) {
  const clang::SourceManager &SM = AST.getSourceManager();
  std::vector<const clang::FunctionDecl *> Definitions;
  for (const clang::Decl *D : AST.getTranslationUnitDecl()->decls()) {
    const auto *FD = llvm::dyn_cast<clang::FunctionDecl>(D);
    if (FD && FD->doesThisDeclarationHaveABody() &&
        SM.isInMainFile(SM.getExpansionLoc(FD->getLocation())))
      Definitions.push_back(FD);
  }
  return Definitions;
}

} // namespace kmodlint
