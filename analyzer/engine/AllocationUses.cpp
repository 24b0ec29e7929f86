//===- AllocationUses.cpp - Where allocations go and what needs them ------===//
#include "analyzer/engine/AllocationUses.h"
#include "analyzer/engine/AccessPath.h"
#include "analyzer/engine/ModuleModel.h"
#include "analyzer/engine/PathEngine.h"
#include "analyzer/engine/StoredFamilies.h"

#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace kmodlint {

/// A pointer, or the unsigned long __get_free_pages() returns.
static bool holdsAddress(clang::QualType T) {
  return T->isPointerType() || T->isIntegerType();
}

/// The variable or field an array (of pointers) is.
static const clang::ValueDecl *arrayHolder(const clang::Expr *Base) {
  Base = Base->IgnoreParenImpCasts();
  if (const auto *ME = llvm::dyn_cast<clang::MemberExpr>(Base))
    if (ME->getType()->isArrayType())
      if (const auto *Field = llvm::dyn_cast<clang::FieldDecl>(ME->getMemberDecl()))
        return Field->getCanonicalDecl();
  if (const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(Base))
    if (const auto *Var = llvm::dyn_cast<clang::VarDecl>(DRE->getDecl()))
      return Var->getCanonicalDecl();
  return nullptr;
}

const clang::ValueDecl *AllocationUses::holderOf(const clang::Expr *E) {
  for (unsigned Depth = 0; E && Depth < 16; ++Depth) {
    E = E->IgnoreParenCasts();
    if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(E)) {
      if (UO->getOpcode() != clang::UO_AddrOf)
        return nullptr;
      E = UO->getSubExpr();
      continue;
    }
    if (const auto *AS = llvm::dyn_cast<clang::ArraySubscriptExpr>(E)) {
      // bufs[i] of an array of pointers is held by that array; &buf[i] is
      // buf's memory.
      if (AS->getType()->isPointerType())
        return arrayHolder(AS->getBase());
      E = AS->getBase();
      continue;
    }
    if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(E)) {
      if (!BO->isAdditiveOp() || !BO->getType()->isPointerType())
        return nullptr;
      E = BO->getLHS()->getType()->isPointerType() ? BO->getLHS() : BO->getRHS();
      continue;
    }
    if (const auto *ME = llvm::dyn_cast<clang::MemberExpr>(E)) {
      const auto *Field = llvm::dyn_cast<clang::FieldDecl>(ME->getMemberDecl());
      if (!Field)
        return nullptr;
      if (holdsAddress(Field->getType()))
        return Field->getCanonicalDecl();
      // An embedded array or struct is the memory of the object around it.
      E = ME->getBase();
      continue;
    }
    if (const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(E)) {
      const auto *Var = llvm::dyn_cast<clang::VarDecl>(DRE->getDecl());
      return Var && holdsAddress(Var->getType()) ? Var->getCanonicalDecl()
                                                 : nullptr;
    }
    return nullptr;
  }
  return nullptr;
}

class AllocationUseCollector
    : public clang::RecursiveASTVisitor<AllocationUseCollector> {
public:
  AllocationUseCollector(AllocationUses &Out, const ApiModel &Model,
                         const clang::ASTContext &AST)
      : Out(Out), Model(Model), AST(&AST) {}

  const clang::FunctionDecl *Function = nullptr;

  bool VisitBinaryOperator(const clang::BinaryOperator *BO) {
    if (BO->getOpcode() == clang::BO_Assign)
      store(AllocationUses::holderOf(BO->getLHS()), BO->getRHS());
    if (BO->isAssignmentOp())
      define(BO->getLHS(), BO->getOpcode() == clang::BO_Assign ? BO->getRHS() : nullptr);
    return true;
  }

  bool VisitUnaryOperator(const clang::UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp())
      define(UO->getSubExpr(), nullptr);
    return true;
  }

  bool VisitVarDecl(const clang::VarDecl *Var) {
    if (Var->getInit() && holdsAddress(Var->getType()))
      store(Var->getCanonicalDecl(), Var->getInit());
    if (Var->isLocalVarDecl() && Var->getInit())
      defineLocal(Var, Var->getInit());
    return true;
  }

  /// `struct spi_transfer t = { .tx_buf = buf }`.
  bool VisitInitListExpr(const clang::InitListExpr *Init) {
    const clang::RecordDecl *Record = Init->getType()->getAsRecordDecl();
    if (!Record || Record->isUnion())
      return true;
    unsigned I = 0;
    for (const clang::FieldDecl *Field : Record->fields()) {
      if (I >= Init->getNumInits())
        break;
      if (holdsAddress(Field->getType()))
        store(Field->getCanonicalDecl(), Init->getInit(I));
      ++I;
    }
    return true;
  }

  bool VisitCallExpr(const clang::CallExpr *Call) {
    llvm::StringRef Name = PathEngine::calleeName(Call);
    auto Need = [&](std::optional<unsigned> Arg,
                    llvm::DenseMap<const clang::ValueDecl *, MemoryNeed> &Into) {
      if (!Arg || *Arg >= Call->getNumArgs())
        return;
      if (const clang::ValueDecl *H = AllocationUses::holderOf(Call->getArg(*Arg)))
        Into.try_emplace(H, MemoryNeed{(Name + "()").str(), Call->getBeginLoc()});
    };
    Need(Model.contiguousUseArg(Name), Out.Contiguous);
    Need(Model.vmallocUseArg(Name), Out.Vmalloc);
    // Memory passed to the TU's own function reaches its parameter.
    const clang::FunctionDecl *Callee = Call->getDirectCallee();
    const clang::FunctionDecl *Definition = nullptr;
    if (Callee && Callee->hasBody(Definition)) {
      for (unsigned I = 0;
           I < Call->getNumArgs() && I < Definition->getNumParams(); ++I)
        if (const clang::ValueDecl *H = AllocationUses::holderOf(Call->getArg(I)))
          Out.FlowsTo[H].push_back(Definition->getParamDecl(I)->getCanonicalDecl());
      // A header's inline wrapper (ib_dma_map_single() over
      // dma_map_single()) is walked once, as deep as wrappers go.
      if (!AST->getSourceManager().isInMainFile(Definition->getLocation()) &&
          Wrappers.insert(Definition).second)
        PendingWrappers.push_back(Definition);
    }
    return true;
  }

  /// Walks the header functions the main file's code called.
  void walkWrappers() {
    for (unsigned I = 0; I < PendingWrappers.size() && I < MaxWrappers; ++I) {
      Function = PendingWrappers[I];
      TraverseStmt(Function->getBody());
    }
  }

private:
  /// An assignment to \p Target: \p Value, or null for `+=`, `++`.
  void define(const clang::Expr *Target, const clang::Expr *Value) {
    const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(Target->IgnoreParenImpCasts());
    const auto *Var = DRE ? llvm::dyn_cast<clang::VarDecl>(DRE->getDecl()) : nullptr;
    if (Var && Var->isLocalVarDecl())
      defineLocal(Var, Value);
  }

  void defineLocal(const clang::VarDecl *Var, const clang::Expr *Value) {
    auto &D = Out.LocalDefinitions[Var->getCanonicalDecl()];
    ++D.Count;
    D.AllBounded &= Value && bounding(Value);
  }

  /// A constant, or the whole of a min()/clamp() expansion.
  bool bounding(const clang::Expr *Value) const {
    Value = Value->IgnoreParenImpCasts();
    if (!Value->isValueDependent() && Value->isIntegerConstantExpr(*AST))
      return true;
    clang::SourceLocation Begin = Value->getBeginLoc();
    if (!Begin.isMacroID())
      return false;
    const clang::SourceManager &SM = AST->getSourceManager();
    auto Macros = macrosExpandedAt(Begin, *AST);
    if (Macros.empty() ||
        !Model.allocationShape().BoundingMacros.contains(Macros.back()))
      return false;
    // The macro is the whole value, not a part of it (`x + min(a, b)`).
    return SM.getExpansionRange(Begin).getAsRange() ==
           SM.getExpansionRange(Value->getEndLoc()).getAsRange();
  }

  void store(const clang::ValueDecl *Into, const clang::Expr *Value) {
    if (!Into || !Value)
      return;
    if (const auto *Field = llvm::dyn_cast<clang::FieldDecl>(Into)) {
      std::string Name =
          (Field->getParent()->getName() + "." + Field->getName()).str();
      if (Model.allocationShape().ContiguousFields.contains(Name))
        Out.Contiguous.try_emplace(Into,
                                   MemoryNeed{"struct " + Name, Value->getBeginLoc()});
    }
    if (const clang::CallExpr *Call = StoredFamilies::allocationCall(Value, Model);
        Call && Model.findAcquire(PathEngine::calleeName(Call))) {
      // The outer store wins: `p = kzalloc(...)` in 6.12 is `p = ({ ...
      // _res = kzalloc_noprof(...); _res; })`, visited before its _res.
      if (Out.Destinations.try_emplace(Out.siteOf(Call), Into).second) {
        Out.MadeIn[Out.siteOf(Call)] = Function;
        if (++Out.AllocationsInto[{Function, Into}] == 1)
          if (const auto *Local = llvm::dyn_cast<clang::VarDecl>(Into))
            Out.AllocatedLocals[Function].push_back(Local);
      }
      return;
    }
    if (const clang::ValueDecl *From = AllocationUses::holderOf(Value))
      if (From != Into)
        Out.FlowsTo[From].push_back(Into);
  }

  AllocationUses &Out;
  const ApiModel &Model;
  const clang::ASTContext *AST;
  /// A TU calls a few hundred header functions; their own calls are
  /// walked too, up to this many functions.
  static constexpr unsigned MaxWrappers = 2000;
  llvm::DenseSet<const clang::FunctionDecl *> Wrappers;
  std::vector<const clang::FunctionDecl *> PendingWrappers;
};

void AllocationUses::collect(clang::ASTContext &AST, const ApiModel &Model) {
  SM = &AST.getSourceManager();
  AllocationUseCollector Collector(*this, Model, AST);
  for (const clang::FunctionDecl *FD : mainFileDefinitions(AST)) {
    Collector.Function = FD;
    Collector.TraverseStmt(FD->getBody());
    findLocalsThatStay(FD, Model, AST);
  }
  Collector.walkWrappers();
  propagate(Contiguous);
  propagate(Vmalloc);
}

namespace {
/// The uses of some locals in one function body.
class LocalUses : public clang::RecursiveASTVisitor<LocalUses> {
public:
  explicit LocalUses(const llvm::DenseSet<const clang::VarDecl *> &Wanted)
      : Wanted(Wanted) {}
  bool VisitDeclRefExpr(const clang::DeclRefExpr *DRE) {
    if (const auto *Var = llvm::dyn_cast<clang::VarDecl>(DRE->getDecl()))
      if (Wanted.contains(Var->getCanonicalDecl()))
        Uses.push_back(DRE);
    return true;
  }
  const llvm::DenseSet<const clang::VarDecl *> &Wanted;
  std::vector<const clang::DeclRefExpr *> Uses;
};
} // namespace

/// Whether \p Use of a local leaves the object where it is.
static bool keepsObjectHere(const clang::DeclRefExpr *Use, clang::ParentMap &PM,
                            const ApiModel &Model, clang::ASTContext &AST) {
  const clang::Stmt *Parent = PM.getParentIgnoreParenCasts(Use);
  // Not in the body's statements: a typeof() of 6.12's alloc_hooks(), which
  // evaluates nothing.
  if (!Parent)
    return true;
  if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(Parent)) {
    if (BO->getOpcode() == clang::BO_Assign)
      return BO->getLHS()->IgnoreParenCasts() == Use &&
             (StoredFamilies::allocationCall(BO->getRHS(), Model) ||
              BO->getRHS()->IgnoreParenCasts()->isNullPointerConstant(
                  AST, clang::Expr::NPC_ValueDependentIsNotNull));
    return BO->isEqualityOp() || BO->isLogicalOp();
  }
  if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(Parent))
    return UO->getOpcode() == clang::UO_Deref || UO->getOpcode() == clang::UO_LNot;
  if (const auto *ME = llvm::dyn_cast<clang::MemberExpr>(Parent))
    return ME->getBase()->IgnoreParenCasts() == Use;
  if (const auto *AS = llvm::dyn_cast<clang::ArraySubscriptExpr>(Parent))
    return AS->getBase()->IgnoreParenCasts() == Use;
  if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(Parent)) {
    llvm::StringRef Name = PathEngine::calleeName(Call);
    return Model.findRelease(Name) || Model.isBorrowingCall(Name);
  }
  // `if (p)`, `while (p)`, `p ? a : b`.
  if (const auto *If = llvm::dyn_cast<clang::IfStmt>(Parent))
    return If->getCond()->IgnoreParenCasts() == Use;
  if (const auto *Cond = llvm::dyn_cast<clang::ConditionalOperator>(Parent))
    return Cond->getCond()->IgnoreParenCasts() == Use;
  return false;
}

void AllocationUses::findLocalsThatStay(const clang::FunctionDecl *F,
                                        const ApiModel &Model,
                                        clang::ASTContext &AST) {
  llvm::DenseSet<const clang::VarDecl *> Candidates;
  for (const clang::VarDecl *Var : AllocatedLocals.lookup(F))
    if (Var->isLocalVarDecl() && !Var->isStaticLocal() &&
        !Var->hasAttr<clang::CleanupAttr>())
      Candidates.insert(Var);
  if (Candidates.empty())
    return;
  LocalUses Uses(Candidates);
  Uses.TraverseStmt(F->getBody());
  clang::ParentMap PM(F->getBody());
  llvm::DenseSet<const clang::VarDecl *> Escaping;
  for (const clang::DeclRefExpr *Use : Uses.Uses)
    if (!keepsObjectHere(Use, PM, Model, AST))
      Escaping.insert(llvm::cast<clang::VarDecl>(Use->getDecl())->getCanonicalDecl());
  for (const clang::VarDecl *Var : Candidates)
    if (!Escaping.contains(Var))
      StaysLocal.insert(Var);
}

/// A holder whose memory flows into one that needs contiguous (or vmalloc)
/// memory needs it too.
void AllocationUses::propagate(llvm::DenseMap<Holder, MemoryNeed> &Needs) const {
  llvm::DenseMap<Holder, llvm::SmallVector<Holder, 2>> FlowsFrom;
  for (const auto &[From, Tos] : FlowsTo)
    for (Holder To : Tos)
      FlowsFrom[To].push_back(From);
  llvm::SmallVector<Holder, 16> Todo;
  for (const auto &Entry : Needs)
    Todo.push_back(Entry.first);
  while (!Todo.empty()) {
    Holder H = Todo.pop_back_val();
    MemoryNeed Need = Needs.find(H)->second;
    auto It = FlowsFrom.find(H);
    if (It == FlowsFrom.end())
      continue;
    for (Holder From : It->second)
      if (Needs.try_emplace(From, Need).second)
        Todo.push_back(From);
  }
}

clang::SourceLocation AllocationUses::siteOf(const clang::CallExpr *Call) const {
  return SM->getExpansionLoc(Call->getBeginLoc());
}

const clang::ValueDecl *
AllocationUses::destination(const clang::CallExpr *Call) const {
  auto It = Destinations.find(siteOf(Call));
  return It == Destinations.end() ? nullptr : It->second;
}

const MemoryNeed *AllocationUses::contiguousNeed(const clang::ValueDecl *H) const {
  auto It = Contiguous.find(H);
  return It == Contiguous.end() ? nullptr : &It->second;
}

const MemoryNeed *AllocationUses::vmallocNeed(const clang::ValueDecl *H) const {
  auto It = Vmalloc.find(H);
  return It == Vmalloc.end() ? nullptr : &It->second;
}

bool AllocationUses::boundedByDefinition(const clang::VarDecl *Var) const {
  auto It = LocalDefinitions.find(Var->getCanonicalDecl());
  return It != LocalDefinitions.end() && It->second.Count > 0 &&
         It->second.AllBounded;
}

bool AllocationUses::hasFallback(const clang::CallExpr *Call) const {
  Holder Into = destination(Call);
  auto Made = MadeIn.find(siteOf(Call));
  if (!Into || Made == MadeIn.end())
    return false;
  auto It = AllocationsInto.find({Made->second, Into});
  return It != AllocationsInto.end() && It->second > 1;
}

} // namespace kmodlint
