//===- StoredFamilies.cpp - Which allocations each field receives ---------===//
#include "analyzer/engine/StoredFamilies.h"
#include "analyzer/engine/ModuleModel.h"
#include "analyzer/engine/PathEngine.h"
#include "analyzer/engine/Summaries.h"

#include "clang/AST/RecursiveASTVisitor.h"

namespace kmodlint {

static const clang::Decl *storeTarget(const AccessPath &P) {
  if (!P.Fields.empty())
    return P.Fields.back()->getCanonicalDecl();
  if (P.isGlobal())
    return P.Root->getCanonicalDecl();
  return nullptr;
}

const clang::CallExpr *StoredFamilies::allocationCall(const clang::Expr *E,
                                                      const ApiModel &Model) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenCasts();
  if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E))
    return Call;
  // 6.10+: p = ({ typeof(kmalloc_noprof(..)) _res; ... _res = kmalloc_noprof(..); _res; })
  if (const auto *SE = llvm::dyn_cast<clang::StmtExpr>(E)) {
    llvm::SmallVector<const clang::Stmt *, 16> Todo{SE->getSubStmt()};
    while (!Todo.empty()) {
      const clang::Stmt *S = Todo.pop_back_val();
      if (!S)
        continue;
      if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(S))
        if (Model.findAcquire(PathEngine::calleeName(Call)))
          return Call;
      for (const clang::Stmt *Child : S->children())
        Todo.push_back(Child);
    }
  }
  return nullptr;
}

void StoredFamilies::recordStore(const clang::Decl *Target,
                                 const StoredFamily *Store) {
  auto [It, Inserted] = Entries.try_emplace(Target);
  Entry &E = It->second;
  if (!Store) {
    E.Conflict = true;
    return;
  }
  if (Inserted || !E.Store.Family) {
    E.Store = *Store;
    return;
  }
  if (E.Store.Family != Store->Family)
    E.Conflict = true;
}

const clang::RecordDecl *StoredFamilies::drvdataKey(clang::QualType Pointer) {
  if (!Pointer->isPointerType())
    return nullptr;
  const auto *Record = Pointer->getPointeeType()->getAsRecordDecl();
  return Record ? llvm::cast<clang::RecordDecl>(Record->getCanonicalDecl()) : nullptr;
}

namespace {
class StoreCollector : public clang::RecursiveASTVisitor<StoreCollector> {
public:
  StoreCollector(StoredFamilies &Out, clang::ASTContext &AST,
                 const ApiModel &Model, Summaries *FunctionSummaries)
      : Out(Out), AST(AST), Model(Model), FunctionSummaries(FunctionSummaries) {}

  /// What a store of \p RHS puts into memory: an allocation family, or
  /// nothing known (null Family).
  StoredFamily storedValue(const clang::Expr *RHS, clang::SourceLocation At) {
    StoredFamily Store;
    Store.StoreLoc = pointOf(AST.getSourceManager(), At);
    const clang::CallExpr *Call = StoredFamilies::allocationCall(RHS, Model);
    if (!Call)
      return Store;
    llvm::StringRef Name = PathEngine::calleeName(Call);
    if (const AcquireFunction *Acq = Model.findAcquire(Name)) {
      Store.Family = Acq->Family;
      Store.AcquiredBy = PathEngine::spelledCallee(Call, AST, Model);
    } else if (FunctionSummaries) {
      if (const FunctionSummary *S =
              FunctionSummaries->get(Call->getDirectCallee());
          S && S->ReturnedFamily) {
        Store.Family = S->ReturnedFamily;
        Store.AcquiredBy = Name.str();
      }
    }
    return Store;
  }

  bool isNull(const clang::Expr *E) {
    return E->IgnoreParenCasts()->isNullPointerConstant(
        AST, clang::Expr::NPC_ValueDependentIsNotNull);
  }

  bool isDrvdataLoad(const clang::Expr *E) {
    const auto *Call = llvm::dyn_cast<clang::CallExpr>(E->IgnoreParenCasts());
    return Call && Model.isDrvdataGetter(PathEngine::calleeName(Call));
  }

  void store(const clang::Decl *Target, const clang::Expr *RHS,
             clang::SourceLocation At) {
    if (isNull(RHS))
      return; // clearing a pointer says nothing about its family
    StoredFamily Store = storedValue(RHS, At);
    Out.recordStore(Target, Store.Family ? &Store : nullptr);
  }

  void assign(const clang::Expr *LHS, const clang::Expr *RHS,
              clang::SourceLocation At) {
    auto Path = AccessPath::of(LHS);
    if (!Path || !LHS->getType()->isPointerType())
      return;
    if (const clang::Decl *Target = storeTarget(*Path)) {
      store(Target, RHS, At);
      return;
    }
    // Locals feed driver-data stores and are fed by driver-data loads.
    if (const auto *Local = llvm::dyn_cast<clang::VarDecl>(Path->Root);
        Local && Path->Fields.empty() && Local->hasLocalStorage()) {
      if (isDrvdataLoad(RHS))
        Out.recordDrvdataLoad(Local);
      else
        store(Local, RHS, At);
    }
  }

  bool VisitBinaryOperator(clang::BinaryOperator *BO) {
    if (BO->getOpcode() == clang::BO_Assign)
      assign(BO->getLHS(), BO->getRHS(), BO->getBeginLoc());
    return true;
  }

  bool VisitDeclStmt(clang::DeclStmt *DS) {
    for (const clang::Decl *D : DS->decls())
      if (const auto *Var = llvm::dyn_cast<clang::VarDecl>(D);
          Var && Var->hasLocalStorage() && Var->getInit() &&
          Var->getType()->isPointerType()) {
        if (isDrvdataLoad(Var->getInit()))
          Out.recordDrvdataLoad(Var);
        else
          store(Var, Var->getInit(), Var->getLocation());
      }
    return true;
  }

  bool VisitCallExpr(clang::CallExpr *Call) {
    recordAdoption(Call);
    auto Arg = Model.drvdataSetterArg(PathEngine::calleeName(Call));
    if (!Arg || *Arg >= Call->getNumArgs())
      return true;
    const clang::Expr *Stored = Call->getArg(*Arg)->IgnoreParenCasts();
    const clang::Decl *Key = StoredFamilies::drvdataKey(Stored->getType());
    if (!Key)
      return true;
    PendingDrvdata.push_back({Key, Stored, Call->getBeginLoc()});
    return true;
  }

  void recordAdoption(const clang::CallExpr *Call) {
    llvm::StringRef Name = PathEngine::calleeName(Call);
    auto Adopter = Model.findAdopter(Name);
    if (!Adopter || Adopter->second >= Call->getNumArgs())
      return;
    auto Path = AccessPath::ofAddressOrValue(Call->getArg(Adopter->second));
    if (const clang::Decl *Target = Path ? storeTarget(*Path) : nullptr)
      Out.recordAdoption(Target);
  }

  /// Driver-data stores are resolved once every local is known.
  void resolveDrvdataStores() {
    for (const auto &[Key, Stored, At] : PendingDrvdata) {
      StoredFamily Store = storedValue(Stored, At);
      if (!Store.Family)
        if (auto Path = AccessPath::of(Stored); Path && Path->Fields.empty())
          if (const StoredFamily *Local = Out.localFamily(Path->Root)) {
            Store = *Local;
            Store.StoreLoc = pointOf(AST.getSourceManager(), At);
          }
      Store.ThroughDrvdata = true;
      Store.DrvdataStruct = recordName(llvm::cast<clang::RecordDecl>(Key));
      Out.recordStore(Key, Store.Family ? &Store : nullptr);
      Out.recordDrvdataKey(Key);
    }
  }

private:
  struct PendingStore {
    const clang::Decl *Key;
    const clang::Expr *Stored;
    clang::SourceLocation At;
  };
  std::vector<PendingStore> PendingDrvdata;
  StoredFamilies &Out;
  clang::ASTContext &AST;
  const ApiModel &Model;
  Summaries *FunctionSummaries;
};
} // namespace

void StoredFamilies::collect(clang::ASTContext &AST, const ApiModel &Model,
                             Summaries *FunctionSummaries) {
  StoreCollector Collector(*this, AST, Model, FunctionSummaries);
  for (const clang::FunctionDecl *FD : mainFileDefinitions(AST))
    Collector.TraverseStmt(FD->getBody());
  Collector.resolveDrvdataStores();
}

const StoredFamily *StoredFamilies::localFamily(const clang::ValueDecl *Local) const {
  auto It = Entries.find(Local);
  if (It == Entries.end() || It->second.Conflict || !It->second.Store.Family)
    return nullptr;
  return &It->second.Store;
}

const StoredFamily *StoredFamilies::soleDrvdata() const {
  if (DrvdataKeys.size() != 1)
    return nullptr;
  auto It = Entries.find(DrvdataKeys.front());
  if (It == Entries.end() || It->second.Conflict || !It->second.Store.Family)
    return nullptr;
  return &It->second.Store;
}

const StoredFamily *StoredFamilies::lookup(const AccessPath &P) const {
  const clang::Decl *Target = storeTarget(P);
  if (!Target && P.Fields.empty())
    if (const auto *Local = llvm::dyn_cast<clang::VarDecl>(P.Root);
        Local && DrvdataLocals.contains(Local))
      Target = drvdataKey(Local->getType());
  if (!Target)
    return nullptr;
  // kzalloc()ed, then kobject_init_and_add()ed: kobject_put() releases it
  // everywhere but in the ktype's release callback, which kfree()s it.
  // Either family's release may be right, so claim neither.
  if (Adoptions.contains(Target))
    return nullptr;
  auto It = Entries.find(Target);
  if (It == Entries.end() || It->second.Conflict || !It->second.Store.Family)
    return nullptr;
  return &It->second.Store;
}

} // namespace kmodlint
