//===- PathEngine.cpp - Path-sensitive typestate engine on clang::CFG -----===//
#include "analyzer/PathEngine.h"
#include "analyzer/StoredFamilies.h"
#include "analyzer/Summaries.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/FormatVariadic.h"
#include <deque>

namespace kmodlint {

EngineListener::~EngineListener() = default;

llvm::StringRef PathEngine::calleeName(const clang::CallExpr *Call) {
  const clang::FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return {};
  return FD->getName();
}

ObjectId PathEngine::objectIdFor(const std::string &Key) {
  auto [It, Inserted] = ObjectIds.try_emplace(Key, ObjectIds.size() + 1);
  return It->second;
}

std::string PathEngine::spell(const clang::Expr *E) const {
  if (auto P = AccessPath::of(E))
    return P->str();
  const clang::SourceManager &SM = TU.AST.getSourceManager();
  clang::CharSourceRange Range = clang::CharSourceRange::getTokenRange(
      SM.getExpansionRange(E->getSourceRange()).getAsRange());
  std::string Text(clang::Lexer::getSourceText(Range, SM, TU.AST.getLangOpts()));
  return Text.empty() || Text.size() > 60 ? "the pointer" : Text;
}

void PathEngine::note(PathState &S, clang::SourceLocation Loc,
                      std::string Message) {
  // Long paths keep their most recent steps; the finding shows those.
  constexpr size_t MaxNotes = 64;
  if (S.Notes.size() >= MaxNotes)
    return;
  S.Notes.push_back({Loc, std::move(Message)});
}

/// The name the user wrote for a call: in 6.10+ `kzalloc(...)` is a macro
/// that expands to kmalloc_noprof(..|__GFP_ZERO); prefer the macro's name
/// when the model knows it.
static std::string spelledCallee(const clang::CallExpr *Call,
                                 const clang::ASTContext &AST,
                                 const ApiModel &Model) {
  std::string Name = PathEngine::calleeName(Call).str();
  clang::SourceLocation Loc = Call->getBeginLoc();
  const clang::SourceManager &SM = AST.getSourceManager();
  while (Loc.isMacroID()) {
    llvm::StringRef Macro =
        clang::Lexer::getImmediateMacroName(Loc, SM, AST.getLangOpts());
    if (Model.findAcquire(Macro) || Model.findRelease(Macro))
      return Macro.str();
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return ApiModel::canonicalName(Name).str();
}

//===----------------------------------------------------------------------===//
// Values and conditions
//===----------------------------------------------------------------------===//

Value PathEngine::evaluate(PathState &S, const clang::Expr *E) {
  if (!E)
    return {};
  E = stripValuePreservingWrappers(E);
  if (auto It = S.ExprValues.find(E); It != S.ExprValues.end())
    return It->second;
  if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E))
    if (Call->getBuiltinCallee() == clang::Builtin::BI__builtin_expect &&
        Call->getNumArgs() > 0)
      return evaluate(S, Call->getArg(0));
  if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(E))
    if (BO->getOpcode() == clang::BO_Assign)
      return evaluate(S, BO->getLHS());
  if (auto Path = AccessPath::of(E)) {
    auto It = S.Bindings.find(*Path);
    if (It != S.Bindings.end())
      return It->second;
    return {};
  }
  if (E->isNullPointerConstant(TU.AST, clang::Expr::NPC_ValueDependentIsNotNull))
    return Value::integer(IntKnowledge::Zero);
  if (!E->isValueDependent() && E->getType()->isIntegerType()) {
    clang::Expr::EvalResult Result;
    if (E->EvaluateAsInt(Result, TU.AST)) {
      const llvm::APSInt &N = Result.Val.getInt();
      if (N.isZero())
        return Value::integer(IntKnowledge::Zero);
      return Value::integer(N.isNegative() ? IntKnowledge::Negative
                                           : IntKnowledge::NonZero);
    }
  }
  return {};
}

static const clang::Expr *stripCondition(const clang::Expr *E) {
  return E ? E->IgnoreParenImpCasts() : nullptr;
}

static bool isZeroConstant(const clang::Expr *E, clang::ASTContext &AST) {
  E = E->IgnoreParenCasts();
  if (E->isNullPointerConstant(AST, clang::Expr::NPC_ValueDependentIsNotNull))
    return true;
  clang::Expr::EvalResult R;
  return !E->isValueDependent() && E->EvaluateAsInt(R, AST) &&
         R.Val.getInt().isZero();
}

bool PathEngine::refine(PathState &S, const clang::Expr *Cond, bool Truth) {
  Cond = stripCondition(Cond);
  if (!Cond)
    return true;
  if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(Cond))
    if (UO->getOpcode() == clang::UO_LNot)
      return refine(S, UO->getSubExpr(), !Truth);
  if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(Cond)) {
    if (Call->getBuiltinCallee() == clang::Builtin::BI__builtin_expect &&
        Call->getNumArgs() > 0)
      return refine(S, Call->getArg(0), Truth);
    if (auto Kind = TU.Model.conditionKind(calleeName(Call));
        Kind && Call->getNumArgs() == 1) {
      const clang::Expr *Arg = Call->getArg(0);
      Value V = evaluate(S, Arg);
      std::string Spelling = spell(Arg);
      auto Path = AccessPath::of(Arg);
      TrackedObject *Obj = S.object(V);
      if (Truth) {
        // An error pointer (or NULL): nothing was acquired.
        if (V.isNull() && *Kind == ConditionKind::IsError)
          return false;
        if (Obj && Obj->Status == ObjectStatus::Held &&
            !Obj->MaybeError && !(Obj->MaybeNull && *Kind == ConditionKind::IsErrorOrNull))
          return false;
        if (Obj) {
          S.Objects.erase(V.Object);
          note(S, Call->getBeginLoc(),
               llvm::formatv("assuming '{0}' is an error pointer", Spelling));
        }
        if (Path) // pointers known Negative are error pointers
          S.bind(*Path, Value::integer(IntKnowledge::Negative));
        return true;
      }
      if (Obj) {
        Obj->MaybeError = false;
        if (*Kind == ConditionKind::IsErrorOrNull)
          Obj->MaybeNull = false;
      }
      return true;
    }
  }
  if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(Cond)) {
    switch (BO->getOpcode()) {
    case clang::BO_EQ:
    case clang::BO_NE: {
      bool Equal = BO->getOpcode() == clang::BO_EQ;
      if (isZeroConstant(BO->getRHS(), TU.AST))
        return refine(S, BO->getLHS(), Equal ? !Truth : Truth);
      if (isZeroConstant(BO->getLHS(), TU.AST))
        return refine(S, BO->getRHS(), Equal ? !Truth : Truth);
      return true;
    }
    case clang::BO_LT:
    case clang::BO_GE: {
      // ret < 0 / ret >= 0: the kernel's "did it fail" test.
      if (!isZeroConstant(BO->getRHS(), TU.AST))
        return true;
      bool Negative = (BO->getOpcode() == clang::BO_LT) == Truth;
      const clang::Expr *Operand = BO->getLHS();
      Value V = evaluate(S, Operand);
      IntKnowledge Known = V.isInt() ? V.Int.Known : IntKnowledge::Unknown;
      if (Negative && (Known == IntKnowledge::Zero ||
                       Known == IntKnowledge::NonNegative))
        return false;
      if (!Negative && Known == IntKnowledge::Negative)
        return false;
      if (auto Path = AccessPath::of(Operand)) {
        IntKnowledge New = Negative ? IntKnowledge::Negative
                           : Known == IntKnowledge::Zero ? IntKnowledge::Zero
                                                         : IntKnowledge::NonNegative;
        std::string Origin = V.isInt() ? V.Int.OriginCall : std::string();
        if (!Origin.empty() && Known == IntKnowledge::Unknown)
          note(S, BO->getBeginLoc(),
               llvm::formatv("assuming {0}() {1} ('{2}' {3} 0)", Origin,
                             Negative ? "fails" : "succeeds", Path->str(),
                             Negative ? "<" : ">="));
        S.bind(*Path, Value::integer(New, Origin));
      }
      return true;
    }
    case clang::BO_Assign:
      return refine(S, BO->getLHS(), Truth);
    default:
      return true;
    }
  }
  return assumeTruth(S, Cond, Truth);
}

bool PathEngine::assumeTruth(PathState &S, const clang::Expr *E, bool Truth) {
  Value V = evaluate(S, E);
  auto Path = AccessPath::of(E);
  std::string Spelling = spell(E);
  bool IsPointer = E->getType()->isPointerType();
  if (TrackedObject *Obj = S.object(V)) {
    if (Obj->Status == ObjectStatus::Released)
      return true;
    if (Truth) {
      if (Obj->MaybeNull)
        note(S, E->getBeginLoc(),
             llvm::formatv("assuming '{0}' is non-NULL", Spelling));
      Obj->MaybeNull = false;
      return true;
    }
    if (!Obj->MaybeNull)
      return false;
    // The allocation failed on this path: there is no object.
    ObjectId Id = V.Object;
    note(S, E->getBeginLoc(), llvm::formatv("assuming '{0}' is NULL", Spelling));
    S.Objects.erase(Id);
    for (auto &[P, Bound] : S.Bindings)
      if (Bound.isObject() && Bound.Object == Id)
        Bound = Value::integer(IntKnowledge::Zero);
    for (auto &[Ex, Bound] : S.ExprValues)
      if (Bound.isObject() && Bound.Object == Id)
        Bound = Value::integer(IntKnowledge::Zero);
    return true;
  }
  IntKnowledge Known = V.isInt() ? V.Int.Known : IntKnowledge::Unknown;
  if (Truth && Known == IntKnowledge::Zero)
    return false;
  if (!Truth && (Known == IntKnowledge::NonZero || Known == IntKnowledge::Negative))
    return false;
  if (Known == IntKnowledge::Unknown || Known == IntKnowledge::NonNegative) {
    std::string Origin = V.isInt() ? V.Int.OriginCall : std::string();
    if (!Origin.empty()) {
      std::string What = IsPointer ? (Truth ? "returns non-NULL" : "returns NULL")
                                   : (Truth ? "fails" : "succeeds");
      std::string Detail = Path ? llvm::formatv(" ('{0}' is {1})", Path->str(),
                                                Truth ? (IsPointer ? "non-NULL" : "non-zero")
                                                      : (IsPointer ? "NULL" : "0"))
                                      .str()
                                : std::string();
      note(S, E->getBeginLoc(),
           llvm::formatv("assuming {0}() {1}{2}", Origin, What, Detail));
    }
    IntKnowledge New = Truth ? (Known == IntKnowledge::NonNegative
                                    ? IntKnowledge::NonZero
                                    : IntKnowledge::NonZero)
                             : IntKnowledge::Zero;
    if (Path && (IsPointer || E->getType()->isIntegerType()))
      S.bind(*Path, Value::integer(New, Origin));
  }
  return true;
}

//===----------------------------------------------------------------------===//
// Transfer functions
//===----------------------------------------------------------------------===//

void PathEngine::acquire(PathState &S, const clang::CallExpr *Call,
                         const AllocFamily &Family, llvm::StringRef By,
                         FailureValue Fails) {
  const clang::SourceManager &SM = TU.AST.getSourceManager();
  // Allocations in one macro expansion (6.10+ alloc_hooks() calls the
  // allocator on two branches) are one site.
  clang::SourceLocation Site = SM.getExpansionLoc(Call->getBeginLoc());
  ObjectId Id = objectIdFor("site:" + std::to_string(Site.getRawEncoding()));
  TrackedObject Obj;
  Obj.Family = &Family;
  Obj.AcquiredBy = By.str();
  Obj.AcquireLoc = Site;
  Obj.MaybeNull = Fails == FailureValue::Null;
  Obj.MaybeError = Fails == FailureValue::ErrPtr;
  Obj.NoteMark = S.Notes.size();
  S.Objects[Id] = Obj;
  S.ExprValues[Call] = Value::object(Id);
}

void PathEngine::release(PathState &S, const clang::CallExpr *Call,
                         const ReleaseFunction &Fn, const clang::Expr *Arg,
                         std::optional<AccessPath> Path,
                         llvm::StringRef ViaHelper,
                         clang::SourceLocation HelperLoc) {
  Value V;
  std::string Spelling;
  if (Arg) {
    V = evaluate(S, Arg);
    Path = AccessPath::of(Arg);
    Spelling = spell(Arg);
  } else if (Path) {
    V = S.lookup(*Path);
    Spelling = Path->str();
  }
  // kfree(NULL) does nothing; an error pointer (a pointer known Negative)
  // was never an object.
  if (V.isNull() || (V.isInt() && V.Int.Known == IntKnowledge::Negative))
    return;
  if (V.isInt())
    V = Value(); // a pointer we know only as "not NULL" or "from foo()"
  if (V.K == Value::Kind::None && !Path)
    return; // nothing we can name
  if (V.K == Value::Kind::None) {
    // First meeting with this object: it was allocated before this function
    // (or before an unknown call). Stores elsewhere in the TU may tell its
    // family.
    TrackedObject Obj;
    Obj.FirstPath = *Path;
    Obj.Origin = llvm::formatv("'{0}'", Path->str());
    Obj.MaybeNull = false;
    // It existed before this function: every assumption on the path counts.
    Obj.NoteMark = 0;
    if (TU.Stores)
      if (const StoredFamily *Stored = TU.Stores->lookup(*Path)) {
        Obj.Family = Stored->Family;
        Obj.AcquiredBy = Stored->AcquiredBy;
        Obj.FamilyEvidenceLoc = Stored->StoreLoc;
        Obj.FamilyEvidence =
            Stored->ThroughDrvdata
                ? llvm::formatv("'{0}' is the driver data, stored here as "
                                "{1}() memory",
                                Path->str(), Stored->AcquiredBy)
                      .str()
                : llvm::formatv("every store into '{0}' in this file is {1}() "
                                "memory; one is here",
                                Path->str(), Stored->AcquiredBy)
                      .str();
      }
    ObjectId Id = objectIdFor("path:" + std::to_string(reinterpret_cast<uintptr_t>(Path->Root)) +
                              ":" + Path->str());
    S.Objects[Id] = Obj;
    S.Bindings[*Path] = Value::object(Id);
    V = Value::object(Id);
  }
  TrackedObject *Obj = S.object(V);
  if (!Obj)
    return;
  ReleaseEvent Event;
  Event.Call = Call;
  Event.Release = &Fn;
  Event.Spelling = Spelling;
  Event.ViaHelper = ViaHelper.str();
  Event.HelperReleaseLoc = HelperLoc;
  Event.Object = Obj;
  Listener.onRelease(Event, S);
  Obj->Status = ObjectStatus::Released;
  Obj->ReleasedBy = ViaHelper.empty() ? Fn.Name : ViaHelper.str();
  Obj->ReleaseLoc = TU.AST.getSourceManager().getExpansionLoc(Call->getBeginLoc());
}

void PathEngine::invalidateForUnknownCall(PathState &S,
                                          const clang::CallExpr *Call) {
  for (const clang::Expr *Arg : Call->arguments()) {
    const clang::Expr *Stripped = stripValuePreservingWrappers(Arg);
    auto Path = AccessPath::ofAddressOrValue(Stripped);
    if (!Path)
      continue;
    const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(Stripped);
    bool AddressTaken = UO && UO->getOpcode() == clang::UO_AddrOf;
    // f(&p) may rewrite p; f(p) may rewrite what p points to, not p itself.
    S.forget(*Path, /*IncludingItself=*/AddressTaken);
  }
  // The callee may also rewrite globals; a released global may have been
  // reallocated, so stop vouching for it.
  for (auto It = S.Bindings.begin(); It != S.Bindings.end();) {
    const TrackedObject *Obj = S.object(It->second);
    bool Drop = It->first.isGlobal() &&
                (!Obj || Obj->Status == ObjectStatus::Released);
    It = Drop ? S.Bindings.erase(It) : std::next(It);
  }
}

bool PathEngine::applySummary(PathState &S, const clang::CallExpr *Call) {
  const clang::FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !TU.FunctionSummaries)
    return false;
  const FunctionSummary *Summary = TU.FunctionSummaries->get(Callee);
  if (!Summary)
    return false;
  std::string Name = calleeName(Call).str();
  invalidateForUnknownCall(S, Call);
  for (const ParamRelease &R : Summary->Releases) {
    if (R.Param >= Call->getNumArgs())
      continue;
    const clang::Expr *Arg = Call->getArg(R.Param);
    if (R.Fields.empty()) {
      release(S, Call, *R.Release, Arg, std::nullopt, Name, R.Loc);
      continue;
    }
    if (auto Base = AccessPath::ofAddressOrValue(Arg))
      release(S, Call, *R.Release, nullptr, Base->withFields(R.Fields), Name,
              R.Loc);
  }
  if (Summary->ReturnedFamily) {
    acquire(S, Call, *Summary->ReturnedFamily,
            Name, Summary->ReturnedFailure);
    if (TrackedObject *Obj = S.object(S.ExprValues[Call])) {
      Obj->Origin = llvm::formatv("{0}() returns {1}() memory", Name,
                                  Summary->ReturnedAcquiredBy);
      Obj->FamilyEvidence = llvm::formatv("{0}() allocates it with {1}() here",
                                          Name, Summary->ReturnedAcquiredBy);
      Obj->FamilyEvidenceLoc = Summary->ReturnedAcquireLoc;
    }
  }
  return true;
}

void PathEngine::transferCall(PathState &S, const clang::CallExpr *Call) {
  llvm::StringRef Name = calleeName(Call);
  if (Name.empty()) {
    if (!Call->getDirectCallee())
      invalidateForUnknownCall(S, Call); // through a function pointer
    return;
  }
  if (Call->getBuiltinCallee() == clang::Builtin::BI__builtin_expect)
    return;
  const ApiModel &Model = TU.Model;
  if (const AcquireFunction *Acq = Model.findAcquire(Name)) {
    acquire(S, Call, *Acq->Family, spelledCallee(Call, TU.AST, Model), Acq->Fails);
    return;
  }
  if (const ReleaseFunction *Rel = Model.findRelease(Name)) {
    if (Rel->Arg < Call->getNumArgs())
      release(S, Call, *Rel, Call->getArg(Rel->Arg), std::nullopt, {}, {});
    return;
  }
  if (Model.isBorrowingCall(Name) || Model.conditionKind(Name) ||
      Model.drvdataSetterArg(Name) || Model.isDrvdataGetter(Name))
    return;
  if (applySummary(S, Call))
    return;
  invalidateForUnknownCall(S, Call);
  // Remember whose result this is, for "assuming foo() fails" notes.
  if (!Call->getType()->isVoidType())
    S.ExprValues[Call] = Value::integer(IntKnowledge::Unknown, Name.str());
}

void PathEngine::transferAssign(PathState &S, const clang::Expr *LHS,
                                const clang::Expr *RHS) {
  auto Path = AccessPath::of(LHS);
  if (!Path)
    return;
  Value V = RHS ? evaluate(S, RHS) : Value();
  if (V.K == Value::Kind::None)
    V = Value::integer(IntKnowledge::Unknown);
  S.bind(*Path, V);
}

void PathEngine::checkDereference(PathState &S, const clang::Expr *Base,
                                  const clang::Expr *Use) {
  Value V = evaluate(S, Base);
  TrackedObject *Obj = S.object(V);
  if (!Obj || Obj->Status != ObjectStatus::Released)
    return;
  UseEvent Event;
  Event.Use = Use;
  Event.Spelling = spell(Base);
  Event.Object = Obj;
  Listener.onUse(Event, S);
}

void PathEngine::transfer(PathState &S, const clang::Stmt *St) {
  if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(St)) {
    transferCall(S, Call);
    return;
  }
  if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(St)) {
    if (BO->getOpcode() == clang::BO_Assign)
      transferAssign(S, BO->getLHS(), BO->getRHS());
    else if (BO->isCompoundAssignmentOp())
      transferAssign(S, BO->getLHS(), nullptr);
    return;
  }
  if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(St)) {
    if (UO->isIncrementDecrementOp())
      transferAssign(S, UO->getSubExpr(), nullptr);
    else if (UO->getOpcode() == clang::UO_Deref)
      checkDereference(S, UO->getSubExpr(), UO);
    return;
  }
  if (const auto *ME = llvm::dyn_cast<clang::MemberExpr>(St)) {
    if (ME->isArrow())
      checkDereference(S, ME->getBase(), ME);
    return;
  }
  if (const auto *AS = llvm::dyn_cast<clang::ArraySubscriptExpr>(St)) {
    if (AS->getBase()->getType()->isPointerType())
      checkDereference(S, AS->getBase(), AS);
    return;
  }
  if (const auto *DS = llvm::dyn_cast<clang::DeclStmt>(St)) {
    for (const clang::Decl *D : DS->decls())
      if (const auto *Var = llvm::dyn_cast<clang::VarDecl>(D)) {
        if (Var->hasGlobalStorage())
          continue;
        AccessPath P;
        P.Root = Var;
        Value V = Var->getInit() ? evaluate(S, Var->getInit()) : Value();
        if (V.K == Value::Kind::None && Var->getInit())
          V = Value::integer(IntKnowledge::Unknown);
        S.bind(P, V);
      }
    return;
  }
  if (const auto *Ret = llvm::dyn_cast<clang::ReturnStmt>(St)) {
    S.Returned = Ret->getRetValue() ? evaluate(S, Ret->getRetValue()) : Value();
    return;
  }
}

//===----------------------------------------------------------------------===//
// The worklist
//===----------------------------------------------------------------------===//

bool PathEngine::run(const clang::FunctionDecl *FD) {
  if (!FD || !FD->hasBody())
    return false;
  Current = FD;
  ObjectIds.clear();
  clang::CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  Options.AddImplicitDtors = true;
  std::unique_ptr<clang::CFG> Graph =
      clang::CFG::buildCFG(FD, FD->getBody(), &TU.AST, Options);
  if (!Graph)
    return false;

  std::vector<std::vector<PathState>> Seen(Graph->getNumBlockIDs());
  std::deque<std::pair<const clang::CFGBlock *, PathState>> Work;
  auto Deliver = [&](const clang::CFGBlock *B, PathState &&S) {
    std::vector<PathState> &States = Seen[B->getBlockID()];
    for (const PathState &Old : States)
      if (Old.sameTypestate(S))
        return; // merged: the typestates agree
    // Past the bound a path is dropped, never joined: we would rather miss
    // a bug than report one on a path that does not exist.
    if (States.size() >= Limits.MaxStatesPerBlock)
      return;
    States.push_back(S);
    Work.emplace_back(B, std::move(S));
  };
  Deliver(&Graph->getEntry(), PathState());

  unsigned Visits = 0;
  bool Complete = true;
  while (!Work.empty()) {
    if (++Visits > Limits.MaxBlockVisits) {
      Complete = false;
      break;
    }
    auto [Block, State] = std::move(Work.front());
    Work.pop_front();
    for (const clang::CFGElement &Element : *Block)
      if (auto S = Element.getAs<clang::CFGStmt>())
        transfer(State, S->getStmt());

    if (Block == &Graph->getExit()) {
      Listener.onExit(State);
      continue;
    }
    const auto *Cond = llvm::dyn_cast_or_null<clang::Expr>(
        Block->getTerminatorCondition(/*StripParens=*/false));
    bool TwoWay = Block->succ_size() == 2 && Cond &&
                  !llvm::isa<clang::SwitchStmt>(Block->getTerminatorStmt());
    unsigned Index = 0;
    for (const clang::CFGBlock::AdjacentBlock &Succ : Block->succs()) {
      const clang::CFGBlock *Next = Succ.getReachableBlock();
      bool Truth = Index++ == 0;
      if (!Next)
        continue;
      PathState NextState = State;
      if (TwoWay && !refine(NextState, Cond, Truth))
        continue; // infeasible
      NextState.ExprValues.clear();
      NextState.collectUnreachable();
      Deliver(Next, std::move(NextState));
    }
  }
  Current = nullptr;
  return Complete;
}

} // namespace kmodlint
