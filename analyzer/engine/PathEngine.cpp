//===- PathEngine.cpp - Path-sensitive typestate engine on clang::CFG -----===//
#include "analyzer/engine/PathEngine.h"
#include "analyzer/engine/ModuleModel.h"
#include "analyzer/engine/StoredFamilies.h"
#include "analyzer/engine/Summaries.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/Analysis/Analyses/LiveVariables.h"
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
  llvm::StringRef Text = expandedText(E, TU.AST);
  return Text.empty() || Text.size() > 60 ? "the pointer" : Text.str();
}

void PathEngine::note(PathState &S, clang::SourceLocation Loc,
                      std::string Message) {
  // Long paths keep their most recent steps; the finding shows those.
  constexpr size_t MaxNotes = 64;
  if (S.Notes.size() >= MaxNotes)
    return;
  S.Notes.push_back({Loc, std::move(Message)});
}

std::string PathEngine::spellingOf(const PathState &S, ObjectId Id) {
  std::optional<AccessPath> Path = S.pathTo(Id);
  return Path ? Path->str() : "the object";
}

void PathEngine::checkLost(PathState &S, const Value &Old,
                           const clang::Stmt *At, const std::string &Spelling) {
  auto It = Old.isObject() ? S.Objects.find(Old.Object) : S.Objects.end();
  if (It == S.Objects.end())
    return;
  const TrackedObject &Obj = It->second;
  // Resources named by a key (device_create()'s devt) are released by that
  // key, not through the returned pointer.
  bool Keyed = Obj.Acquirer && Obj.Acquirer->KeyArg;
  if (Obj.Status != ObjectStatus::Held || !Obj.acquiredHere() || Keyed ||
      Obj.escaped() || Obj.Pending ||
      (Obj.Family && (Obj.Family->Managed || Obj.Family->SelfReleasing)))
    return;
  // A pointer into the object (p++) still reaches it.
  for (const auto &[P, V] : S.Bindings)
    if (llvm::is_contained(V.objects(), Old.Object))
      return;
  // Pending call values (ExprValues) are not counted: by the time a
  // pointer is overwritten its own statement has consumed them.
  LostEvent Event;
  Event.Where = At;
  Event.Spelling = Spelling;
  Event.Object = &Obj;
  Listener.onLost(Event, S);
  S.Objects.erase(It);
}

void PathEngine::transferAssign(PathState &S, const clang::Expr *LHS,
                                const clang::Expr *RHS, const clang::Stmt *At) {
  auto Path = AccessPath::of(LHS);
  Value V = RHS ? evaluateWithOrigins(S, RHS) : Value();
  if (!Path)
    if (const auto *UO =
            llvm::dyn_cast<clang::UnaryOperator>(LHS->IgnoreParenCasts());
        UO && UO->getOpcode() == clang::UO_Deref)
      if (Value Pointer = evaluate(S, UO->getSubExpr()); Pointer.isAddress())
        Path = Pointer.Target; // *q = v with q == &x writes x
  if (!Path) {
    // *p = obj, a[i] = obj: stored somewhere we do not name; it may live on.
    S.markStored(V.objects(), spell(LHS), At->getBeginLoc());
    return;
  }
  if (V.K == Value::Kind::None && RHS)
    V = Value::integer(IntKnowledge::Unknown);
  Value Old = S.lookup(*Path);
  if (!RHS && Old.isObject() && LHS->getType()->isPointerType()) {
    // p++, p += n: still a pointer into the same object.
    V = Value::integer(IntKnowledge::Unknown);
    V.Int.DerivedFrom.push_back(Old.Object);
  }
  if (V.K == Value::Kind::None)
    V = Value::integer(IntKnowledge::Unknown);
  storeEscapes(S, *Path, V, At);
  rebind(S, *Path, V, At);
}

/// Exact constants are kept only for gfp masks: elsewhere (loop counters)
/// they would split states that the checks do not need apart.
static bool keepsConstant(const AccessPath &Path, llvm::StringRef MaskType) {
  clang::QualType Type =
      Path.Fields.empty() ? Path.Root->getType() : Path.Fields.back()->getType();
  return PathEngine::isMaskType(Type, MaskType);
}

void PathEngine::rebind(PathState &S, const AccessPath &Path, const Value &In,
                        const clang::Stmt *At) {
  Value V = In;
  if (V.isInt() && V.Int.Constant && !keepsConstant(Path, TU.Model.gfp().MaskType))
    V.Int.Constant.reset();
  Value Old = S.lookup(Path);
  // What hangs off the old value (p->buf when p is rebound) keeps living in
  // it: if the old object is kept elsewhere, so are they.
  llvm::SmallVector<ObjectId, 4> Contained;
  std::vector<std::pair<AccessPath, Value>> Fields;
  for (const auto &[P, Held] : S.Bindings)
    if (Path.isPrefixOf(P) && P.Fields.size() > Path.Fields.size()) {
      Contained.append(Held.objects());
      Fields.push_back({P, Held});
    }
  S.bind(Path, V);
  rehomeFields(S, Path, Old, Fields);
  inheritFields(S, Path, V, Fields);
  if (const TrackedObject *Container = S.object(Old);
      Container && Container->escaped())
    S.markStored(Contained, "a field of " + Path.str(), At->getBeginLoc());
  checkLost(S, Old, At, Path.str());
}

void PathEngine::rehomeFields(
    PathState &S, const AccessPath &Rebound, const Value &Old,
    llvm::ArrayRef<std::pair<AccessPath, Value>> Fields) {
  if (!Old.isObject() || Fields.empty())
    return;
  // Building a list through a tail pointer (`last->next = node; last =
  // node;` with `wr` still the head): the old object's fields are still
  // its fields, reached through the other name it has.
  std::optional<AccessPath> Alias;
  for (const auto &[P, Held] : S.Bindings)
    if (Held.isObject() && Held.Object == Old.Object && !Rebound.isPrefixOf(P) &&
        (!Alias || P.Fields.size() < Alias->Fields.size()))
      Alias = P;
  if (!Alias)
    return;
  for (const auto &[P, Held] : Fields) {
    AccessPath Moved = *Alias;
    Moved.Fields.append(P.Fields.begin() + Rebound.Fields.size(), P.Fields.end());
    // The alias may already bind that field (written through the other
    // name, and when is unknown): an object there is not to be lost.
    auto [It, New] = S.Bindings.try_emplace(Moved, Held);
    if (!New && Held.isObject() && !It->second.isObject())
      It->second = Held;
  }
}

void PathEngine::inheritFields(
    PathState &S, const AccessPath &Rebound, const Value &New,
    llvm::ArrayRef<std::pair<AccessPath, Value>> OldFields) {
  if (!New.isObject())
    return;
  // Walking a list (`head = head->next`, `p = next`): what is known of the
  // new node's fields, under the name it had, is known under this one. The
  // known bindings are the old value's fields and those outside Rebound.
  auto ForEachKnown = [&](auto Visit) {
    for (const auto &[P, Held] : OldFields)
      Visit(P, Held);
    for (const auto &[P, Held] : S.Bindings)
      if (!Rebound.isPrefixOf(P))
        Visit(P, Held);
  };
  std::optional<AccessPath> Name;
  ForEachKnown([&](const AccessPath &P, const Value &Held) {
    if (Held.isObject() && Held.Object == New.Object && !(P == Rebound) &&
        (!Name || P.Fields.size() < Name->Fields.size()))
      Name = P;
  });
  if (!Name)
    return;
  std::vector<std::pair<AccessPath, Value>> Inherited;
  ForEachKnown([&](const AccessPath &P, const Value &Held) {
    if (Name->isPrefixOf(P) && P.Fields.size() > Name->Fields.size()) {
      AccessPath Moved = Rebound;
      Moved.Fields.append(P.Fields.begin() + Name->Fields.size(), P.Fields.end());
      Inherited.push_back({std::move(Moved), Held});
    }
  });
  for (auto &[P, Held] : Inherited)
    S.Bindings.try_emplace(std::move(P), std::move(Held));
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

/// `({ typeof(x) _res = kmalloc_noprof(...); ...; _res; })` (6.10+
/// alloc_hooks(), and many kernel macros): the value is the last
/// expression's, and the block's own variables end with it. Their bindings
/// must go, or the temporary would outlive the statement as a second name
/// of the object (and keep it reachable after its real owner lost it).
void PathEngine::endStatementExpression(PathState &S,
                                        const clang::StmtExpr *SE) {
  const clang::CompoundStmt *Body = SE->getSubStmt();
  if (const clang::Expr *Result = stripValuePreservingWrappers(SE);
      Result && Result != SE)
    S.ExprValues[Result] = evaluate(S, Result);
  for (const clang::Stmt *Child : Body->body())
    if (const auto *DS = llvm::dyn_cast<clang::DeclStmt>(Child))
      for (const clang::Decl *D : DS->decls())
        if (const auto *Var = llvm::dyn_cast<clang::VarDecl>(D);
            Var && Var->hasLocalStorage()) {
          AccessPath P;
          P.Root = Var;
          S.forget(P);
        }
}

void PathEngine::transfer(PathState &S, const clang::Stmt *St) {
  if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(St)) {
    transferCall(S, Call);
    return;
  }
  if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(St)) {
    if (BO->getOpcode() == clang::BO_Assign)
      transferAssign(S, BO->getLHS(), BO->getRHS(), BO);
    else if (BO->isCompoundAssignmentOp())
      transferAssign(S, BO->getLHS(), nullptr, BO);
    return;
  }
  if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(St)) {
    if (UO->isIncrementDecrementOp())
      transferAssign(S, UO->getSubExpr(), nullptr, UO);
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
  if (const auto *SE = llvm::dyn_cast<clang::StmtExpr>(St)) {
    endStatementExpression(S, SE);
    return;
  }
  // cmpxchg(&dentry->d_fsdata, NULL, fsd): the pointer goes into memory
  // through the instruction; whatever inline assembly is given a pointer
  // value may have stored it. Integer and memory operands (atomic_inc())
  // keep nothing.
  if (const auto *Asm = llvm::dyn_cast<clang::GCCAsmStmt>(St)) {
    for (const clang::Expr *Input : Asm->inputs())
      if (Input->IgnoreParenImpCasts()->getType()->isPointerType())
        passToCallee(S, Input, "inline assembly");
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
        // A declaration in a loop body starts a new variable each time.
        rebind(S, P, V, DS);
      }
    return;
  }
  if (const auto *Ret = llvm::dyn_cast<clang::ReturnStmt>(St)) {
    S.Returned = Ret->getRetValue() ? evaluateWithOrigins(S, Ret->getRetValue())
                                    : Value();
    S.ReturnSite = Ret;
    return;
  }
}

void PathEngine::bindParameters(PathState &S, const clang::FunctionDecl *FD) {
  // Each pointer parameter holds the caller's object: releasing it is a
  // release of what the caller passed, and handing it on lets it escape.
  for (const clang::ParmVarDecl *Param : FD->parameters()) {
    if (!Param->getType()->isPointerType() || !Param->getIdentifier())
      continue;
    AccessPath P;
    P.Root = Param;
    TrackedObject Obj;
    Obj.IsParameter = true;
    Obj.FirstPath = P;
    Obj.MaybeNull = true;
    ObjectId Id = objectIdFor("param:" + Param->getNameAsString());
    S.Objects[Id] = Obj;
    S.Bindings[P] = Value::object(Id);
  }
}

//===----------------------------------------------------------------------===//
// The worklist
//===----------------------------------------------------------------------===//

void PathEngine::forgetDeadIntegers(PathState &S, clang::LiveVariables &Live,
                                    const clang::CFGBlock *Block) {
  // What a dead variable held can never be read again: two paths that
  // differ only there (`ret` from different calls) are one path for every
  // check, and keeping both would spend the per-block state bound on them.
  // Only plain integer knowledge goes: a status that settles an
  // acquisition, a value derived from a tracked object, a trylock result,
  // and any variable whose address is in use stay.
  auto AddressInUse = [&](const clang::VarDecl *VD) {
    return llvm::any_of(S.Bindings, [&](const auto &Entry) {
      return Entry.second.Target && Entry.second.Target->Root == VD;
    });
  };
  for (auto It = S.Bindings.begin(); It != S.Bindings.end();) {
    const auto *VD = llvm::dyn_cast_or_null<clang::VarDecl>(It->first.Root);
    const Value &V = It->second;
    bool Dead = VD && It->first.Fields.empty() && VD->hasLocalStorage() &&
                !llvm::isa<clang::ParmVarDecl>(VD) &&
                V.K == Value::Kind::Int && !V.Int.Guards &&
                V.Int.DerivedFrom.empty() && V.Int.TrylockHold < 0 &&
                !Live.isLive(Block, VD) && !AddressInUse(VD);
    It = Dead ? S.Bindings.erase(It) : std::next(It);
  }
  // A decided test of a dead local cannot be made again.
  llvm::erase_if(S.Decided, [&](const DecidedCondition &D) {
    return llvm::any_of(D.Reads, [&](const AccessPath &R) {
      const auto *VD = llvm::dyn_cast_or_null<clang::VarDecl>(R.Root);
      return VD && VD->hasLocalStorage() && !Live.isLive(Block, VD) &&
             !AddressInUse(VD);
    });
  });
}

/// Two paths into one block that took the same branches but the last, and
/// differ only in whether one object was released:
/// `if (!adapter || disable_dev) pci_disable_device(pdev);` (e1000_probe()),
/// a flag the path cannot decide. The release depends on nothing the path
/// knows, so the object may be released there: no leak is claimed for it.
/// A goto to the wrong label differs earlier, in an assumption of its own.
static std::optional<ObjectId>
releasedOnlyOnAnUndecidedBranch(const PathState &A, const PathState &B) {
  // The same return, after the same tests but the last: the test chose
  // only whether to release, not where to go.
  if (A.ReturnSite != B.ReturnSite || !A.ReturnSite ||
      A.Notes.empty() || A.Notes.size() != B.Notes.size() ||
      A.Objects.size() != B.Objects.size() ||
      A.Bindings.size() != B.Bindings.size())
    return std::nullopt;
  for (size_t I = 0; I + 1 < A.Notes.size(); ++I)
    if (A.Notes[I].Loc != B.Notes[I].Loc ||
        A.Notes[I].Message != B.Notes[I].Message)
      return std::nullopt;
  if (A.Notes.back().Loc != B.Notes.back().Loc)
    return std::nullopt; // the last assumption is not the same test
  std::optional<ObjectId> Differs;
  for (auto X = A.Objects.begin(), Y = B.Objects.begin(); X != A.Objects.end();
       ++X, ++Y) {
    if (X->first != Y->first)
      return std::nullopt;
    if (X->second.sameTypestate(Y->second))
      continue;
    if (Differs || X->second.Status == Y->second.Status)
      return std::nullopt;
    Differs = X->first;
  }
  return Differs;
}

/// The Held copy of a maybe-released object is no longer the path's to
/// release: like a helper that may release it (applySummary()).
static void markMaybeReleased(PathState &S, ObjectId Id) {
  auto It = S.Objects.find(Id);
  if (It != S.Objects.end() && It->second.Status == ObjectStatus::Held &&
      It->second.PassedTo.empty())
    It->second.PassedTo = "a cleanup taken on some paths only";
}

/// Whether \p Body has more than \p Limit statements (stops counting there).
static bool biggerThan(const clang::Stmt *Body, unsigned Limit) {
  llvm::SmallVector<const clang::Stmt *, 64> Todo{Body};
  unsigned Seen = 0;
  while (!Todo.empty()) {
    const clang::Stmt *S = Todo.pop_back_val();
    if (!S)
      continue;
    if (++Seen > Limit)
      return true;
    for (const clang::Stmt *Child : S->children())
      Todo.push_back(Child);
  }
  return false;
}

bool PathEngine::run(const clang::FunctionDecl *FD) {
  if (!FD || !FD->hasBody())
    return false;
  TooLarge = biggerThan(FD->getBody(), Limits.MaxStatementsPerFunction);
  if (TooLarge)
    return false;
  DroppedPaths = 0;
  ObjectIds.clear();
  Function = FD;
  Later.reset();
  DiscardedCalls.reset();
  AddressAliases.clear();
  // The CFG through an AnalysisDeclContext, so that clang's LiveVariables
  // runs on the very same graph.
  clang::AnalysisDeclContextManager Contexts(TU.AST);
  clang::CFG::BuildOptions &Options = Contexts.getCFGBuildOptions();
  Options.setAllAlwaysAdd();
  Options.AddImplicitDtors = true;
  clang::AnalysisDeclContext *Context = Contexts.getContext(FD);
  clang::CFG *Graph = Context ? Context->getCFG() : nullptr;
  if (!Graph)
    return false;
  clang::LiveVariables *Live = Context->getAnalysis<clang::LiveVariables>();

  std::vector<std::vector<PathState>> Seen(Graph->getNumBlockIDs());
  PathState Entry;
  bindParameters(Entry, FD);
  if (TU.Module && StartsInCallbackContext)
    if (const AtomicCallbackUse *Use = TU.Module->atomicUse(FD)) {
      AtomicHold Hold;
      Hold.What = Use->Context;
      Hold.InInterrupt = Use->InInterrupt;
      Hold.IsCallbackContext = true;
      Hold.HardIrq = Use->HardIrq;
      Hold.By = "registered with " + Use->RegisteredBy +
                (llvm::StringRef(Use->RegisteredBy).contains('.') ? "" : "()");
      Hold.Loc = Use->RegisteredAt;
      Entry.Atomic.push_back(Hold);
    }
  std::deque<std::pair<const clang::CFGBlock *, PathState>> Work;
  auto Deliver = [&](const clang::CFGBlock *B, PathState &&S) {
    std::vector<PathState> &States = Seen[B->getBlockID()];
    for (const PathState &Old : States)
      if (Old.sameTypestate(S))
        return; // merged: the typestates agree

    // Past the bound a path is dropped, never joined: we would rather miss
    // a bug than report one on a path that does not exist.
    if (States.size() >= Limits.MaxStatesPerBlock) {
      ++DroppedPaths;
      return;
    }
    States.push_back(S);
    Work.emplace_back(B, std::move(S));
  };
  Deliver(&Graph->getEntry(), std::move(Entry));

  // Exits are told to the listener once all are known, so that paths which
  // differ only by an undecided cleanup branch can be seen together.
  std::vector<PathState> Exits;
  unsigned Visits = 0;
  bool Complete = true;
  while (!Work.empty()) {
    if (++Visits > Limits.MaxBlockVisits) {
      Complete = false;
      break;
    }
    auto [Block, State] = std::move(Work.front());
    Work.pop_front();
    for (const clang::CFGElement &Element : *Block) {
      if (auto S = Element.getAs<clang::CFGStmt>())
        transfer(State, S->getStmt());
      else if (auto C = Element.getAs<clang::CFGCleanupFunction>())
        transferCleanup(State, C->getVarDecl());
    }
    if (State.NoReturn)
      continue;

    if (Block == &Graph->getExit()) {
      Exits.push_back(std::move(State));
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
      if (Live)
        forgetDeadIntegers(NextState, *Live, Block);
      NextState.collectUnreachable();
      Deliver(Next, std::move(NextState));
    }
  }
  for (size_t I = 0; I < Exits.size(); ++I)
    for (size_t J = I + 1; J < Exits.size(); ++J)
      if (auto Id = releasedOnlyOnAnUndecidedBranch(Exits[I], Exits[J])) {
        markMaybeReleased(Exits[I], *Id);
        markMaybeReleased(Exits[J], *Id);
      }
  for (const PathState &Exit : Exits)
    Listener.onExit(Exit);
  return Complete;
}

} // namespace kmodlint
