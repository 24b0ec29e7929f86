//===- EngineConditions.cpp - Values and branch refinement ----------------===//
//
// What an expression evaluates to on a path, and what a branch condition
// tells: `!p`, `p == NULL`, IS_ERR(p), `ret`, `ret < 0`, likely/unlikely.
// Status results of request_irq() and friends settle whether the resource
// they guard was acquired.
//
//===----------------------------------------------------------------------===//
#include "analyzer/engine/PathEngine.h"

#include "llvm/Support/FormatVariadic.h"

namespace kmodlint {

Value PathEngine::evaluate(PathState &S, const clang::Expr *E) {
  if (!E)
    return {};
  E = stripValuePreservingWrappers(E);
  if (auto It = S.ExprValues.find(E); It != S.ExprValues.end())
    return It->second;
  if (auto Container =
          containerOf(E, TU.Model.macroInternals().ContainerOfPointer))
    return containerValue(S, Container->first, Container->second);
  if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E))
    if (Call->getBuiltinCallee() == clang::Builtin::BI__builtin_expect &&
        Call->getNumArgs() > 0)
      return evaluate(S, Call->getArg(0));
  if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(E))
    if (BO->getOpcode() == clang::BO_Assign)
      return evaluate(S, BO->getLHS());
  if (std::optional<Value> Truth = truthOfTest(S, E))
    return *Truth;
  if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(E->IgnoreParenImpCasts());
      BO && BO->getOpcode() == clang::BO_LAnd)
    if (std::optional<bool> Outside = outsideAtomicWhen(BO)) {
      Value Test = Value::integer(IntKnowledge::Unknown);
      Test.Int.OutsideAtomicWhen = Outside;
      return Test;
    }
  if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(E)) {
    if (UO->getOpcode() == clang::UO_AddrOf)
      if (auto Path = AccessPath::of(UO->getSubExpr());
          Path && Path->Fields.empty() && !Path->isGlobal())
        return Value::address(*Path);
    if (UO->getOpcode() == clang::UO_Deref) {
      Value Pointer = evaluate(S, UO->getSubExpr());
      if (Pointer.isAddress())
        return S.lookup(*Pointer.Target);
      return {};
    }
  }
  if (auto Path = AccessPath::of(E)) {
    auto It = S.Bindings.find(*Path);
    if (It != S.Bindings.end())
      return It->second;
    return {};
  }
  if (E->isNullPointerConstant(TU.AST, clang::Expr::NPC_ValueDependentIsNotNull))
    return E->getType()->isIntegerType() ? Value::constant(0)
                                         : Value::integer(IntKnowledge::Zero);
  if (!E->isValueDependent() && E->getType()->isIntegerType()) {
    clang::Expr::EvalResult Result;
    if (E->EvaluateAsInt(Result, TU.AST)) {
      const llvm::APSInt &N = Result.Val.getInt();
      Value V = Value::integer(N.isZero()       ? IntKnowledge::Zero
                               : N.isNegative() ? IntKnowledge::Negative
                                                : IntKnowledge::NonZero);
      if (N.getSignificantBits() <= 64)
        V.Int.Constant = N.getExtValue();
      return V;
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

/// `!p`, `p == NULL`, `p != NULL` of a tracked pointer, and `!v` of such a
/// truth value: an integer that remembers the test, so that a branch on it
/// later (`int warned = !!(!p); if (unlikely(warned))`, WARN_ON()'s
/// expansion) refines p as the test itself would.
std::optional<Value> PathEngine::truthOfTest(PathState &S, const clang::Expr *E) {
  const clang::Expr *Operand = nullptr;
  bool Negated = false;
  if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(E);
      UO && UO->getOpcode() == clang::UO_LNot) {
    Operand = UO->getSubExpr();
    Negated = true;
  } else if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(E);
             BO && (BO->getOpcode() == clang::BO_EQ ||
                    BO->getOpcode() == clang::BO_NE)) {
    if (isZeroConstant(BO->getRHS(), TU.AST))
      Operand = BO->getLHS();
    else if (isZeroConstant(BO->getLHS(), TU.AST))
      Operand = BO->getRHS();
    Negated = BO->getOpcode() == clang::BO_EQ;
  }
  if (!Operand)
    return std::nullopt;
  Value Tested = evaluate(S, Operand);
  Value Truth = Value::integer(IntKnowledge::Unknown);
  if (Tested.isInt() && Tested.Int.Condition) { // !warned
    Truth.Int.Condition = Tested.Int.Condition;
    Truth.Int.ConditionOn = Tested.Int.ConditionOn;
    Truth.Int.ConditionNegated = Tested.Int.ConditionNegated != Negated;
    return Truth;
  }
  if (!S.object(Tested))
    return std::nullopt;
  Truth.Int.Condition = stripValuePreservingWrappers(Operand);
  Truth.Int.ConditionOn = Tested.Object;
  Truth.Int.ConditionNegated = Negated;
  return Truth;
}

void PathEngine::settleAcquisition(PathState &S, const IntFact &Status,
                                   IntKnowledge Known) {
  auto It = S.Objects.find(Status.Guards);
  if (!Status.Guards || It == S.Objects.end())
    return;
  TrackedObject &Obj = It->second;
  // PTR_ERR_OR_ZERO(p): 0 means p is a valid pointer, anything else that
  // it is an error pointer, which holds nothing.
  if (!Obj.Pending) {
    if (Obj.Status != ObjectStatus::Held)
      return;
    if (isSubset(Known, IntKnowledge::Zero))
      Obj.MaybeError = false;
    else if (isSubset(Known, IntKnowledge::NonZero) && Obj.MaybeError)
      S.Objects.erase(It);
    return;
  }
  // request_irq() returns 0 or -errno; register_chrdev(0, ...) a major
  // number or -errno.
  bool PositiveIsSuccess =
      Obj.Acquirer && Obj.Acquirer->Returns == AcquireResult::NonNegative;
  IntKnowledge Failure =
      PositiveIsSuccess ? IntKnowledge::Negative : IntKnowledge::NonZero;
  if (isSubset(Known, IntKnowledge::NonNegative) &&
      (PositiveIsSuccess || isSubset(Known, IntKnowledge::Zero) ||
       Known == IntKnowledge::NonNegative)) {
    Obj.Pending = false;
    return;
  }
  if (isSubset(Known, Failure)) // nothing was acquired on this path
    S.Objects.erase(It);
}

/// Whether a status in \p Known reads as the call failing, succeeding, or
/// neither, in kernel convention (0 or a count is success, -errno failure).
static const char *verdict(IntKnowledge Known) {
  if (isSubset(Known, IntKnowledge::Negative) ||
      Known == IntKnowledge::NonZero)
    return "fails";
  if (isSubset(Known, IntKnowledge::NonNegative))
    return "succeeds";
  return nullptr;
}

bool PathEngine::constrain(PathState &S, const clang::Expr *E,
                           IntKnowledge Allowed, llvm::StringRef Relation,
                           clang::SourceLocation Loc) {
  Value V = evaluate(S, E);
  if (V.isObject())
    return true; // objects are refined by assumeTruth()
  IntFact Fact = V.isInt() ? V.Int : IntFact();
  IntKnowledge New = meet(Fact.Known, Allowed);
  if (isEmpty(New))
    return false;
  auto Path = AccessPath::of(E);
  if (!Fact.OriginCall.empty() && New != Fact.Known) {
    // "fails"/"succeeds" only where the model says what the result means;
    // for other calls, say what was assumed about the value.
    const clang::Expr *Stripped = stripValuePreservingWrappers(E);
    bool IsCall = llvm::isa<clang::CallExpr>(Stripped);
    std::string Spelling = Path ? Path->str() : spell(E);
    std::string Detail =
        IsCall ? std::string() : llvm::formatv(" ('{0}' {1})", Spelling, Relation).str();
    if (E->getType()->isPointerType())
      note(S, Loc,
           llvm::formatv("assuming {0}() returns {1}", Fact.OriginCall,
                         isSubset(New, IntKnowledge::Zero) ? "NULL"
                         : isSubset(New, IntKnowledge::Negative)
                             ? "an error pointer"
                             : "non-NULL"));
    else if (const char *Verdict = Fact.Guards ? verdict(New) : nullptr)
      note(S, Loc, llvm::formatv("assuming {0}() {1}{2}", Fact.OriginCall,
                                 Verdict, Detail));
    else if (IsCall)
      note(S, Loc, llvm::formatv("assuming {0}() {1}", Fact.OriginCall,
                                 isSubset(New, IntKnowledge::Negative)
                                     ? "returns an error"
                                     : ("returns a value " + Relation).str()));
    else
      note(S, Loc, llvm::formatv("assuming '{0}' {1} (from {2}())", Spelling,
                                 Relation, Fact.OriginCall));
  }
  settleAcquisition(S, Fact, New);
  // spin_trylock() succeeded: the lock is held on this path.
  if (Fact.TrylockHold >= 0 && isSubset(New, IntKnowledge::NonZero) &&
      size_t(Fact.TrylockHold) < S.PendingHolds.size()) {
    S.Atomic.push_back(S.PendingHolds[Fact.TrylockHold]);
    Fact.TrylockHold = -1;
  }
  if (Path && (E->getType()->isIntegerType() || E->getType()->isPointerType())) {
    Fact.Known = New;
    S.bind(*Path, Value::fromFact(Fact));
  }
  return true;
}

/// The access paths a condition reads, when it reads only named ones
/// (no call, no `*p`, no `a[i]`): only then does a later assignment to
/// one of them say when its value may have changed.
static bool collectReads(const clang::Expr *E,
                         llvm::SmallVectorImpl<AccessPath> &Reads) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E);
      Ref && !llvm::isa<clang::VarDecl>(Ref->getDecl()))
    return true; // an enumerator
  if (llvm::isa<clang::DeclRefExpr, clang::MemberExpr>(E)) {
    auto Path = AccessPath::of(E);
    if (Path)
      Reads.push_back(*Path);
    return Path.has_value();
  }
  if (llvm::isa<clang::UnaryExprOrTypeTraitExpr>(E))
    return true; // sizeof reads nothing
  if (llvm::isa<clang::CallExpr, clang::ArraySubscriptExpr, clang::StmtExpr>(E))
    return false;
  if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(E);
      UO && UO->getOpcode() == clang::UO_Deref)
    return false;
  for (const clang::Stmt *Child : E->children())
    if (const auto *Sub = llvm::dyn_cast_or_null<clang::Expr>(Child))
      if (!collectReads(Sub, Reads))
        return false;
  return true;
}

/// \p Cond's identity as a test: its canonical profile, with a comparison's
/// operator folded onto one of each negated pair (`len * 2 <= MAX` and
/// `len * 2 > MAX` are one test, answered both ways: t613's reg_w_ixbuf()).
/// Sets \p Flipped when \p Cond is the negated member of its pair.
static llvm::FoldingSetNodeID testIdentity(const clang::Expr *Cond,
                                           const clang::ASTContext &AST,
                                           bool &Flipped) {
  llvm::FoldingSetNodeID Id;
  Flipped = false;
  const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(Cond);
  if (!BO || !BO->isComparisonOp()) {
    Cond->Profile(Id, AST, /*Canonical=*/true);
    return Id;
  }
  clang::BinaryOperatorKind Op = BO->getOpcode();
  if (Op == clang::BO_GT || Op == clang::BO_GE || Op == clang::BO_NE) {
    Op = clang::BinaryOperator::negateComparisonOp(Op);
    Flipped = true;
  }
  Id.AddInteger(unsigned(Op));
  BO->getLHS()->Profile(Id, AST, /*Canonical=*/true);
  BO->getRHS()->Profile(Id, AST, /*Canonical=*/true);
  return Id;
}

bool PathEngine::decideOnce(PathState &S, const clang::Expr *Cond, bool Truth) {
  Cond = Cond->IgnoreParenImpCasts();
  llvm::SmallVector<AccessPath, 2> Reads;
  if (Cond->HasSideEffects(TU.AST) || !collectReads(Cond, Reads) ||
      Reads.empty())
    return true;
  bool Flipped = false;
  llvm::FoldingSetNodeID Id = testIdentity(Cond, TU.AST, Flipped);
  Truth = Truth != Flipped;
  unsigned Hash = Id.ComputeHash();
  auto At = llvm::lower_bound(S.Decided, Hash,
                              [](const DecidedCondition &D, unsigned H) {
                                return D.Hash < H;
                              });
  for (auto It = At; It != S.Decided.end() && It->Hash == Hash; ++It)
    if (It->Test == Id)
      return It->Truth == Truth;
  S.Decided.insert(At, DecidedCondition{std::move(Id), Hash, std::move(Reads), Truth});
  return true;
}

bool PathEngine::refine(PathState &S, const clang::Expr *Cond, bool Truth) {
  Cond = stripCondition(Cond);
  if (!Cond)
    return true;
  if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(Cond))
    if (UO->getOpcode() == clang::UO_LNot)
      return refine(S, UO->getSubExpr(), !Truth);
  // `if (in_atomic()) GFP_ATOMIC else GFP_KERNEL` under a lock we see. A
  // helper summarized on its own does not know its callers' context: the
  // branch that assumes "not atomic" sleeps only for callers outside one
  // (intel_guc_send_busy_loop() busy-waits when in_atomic() ||
  // irqs_disabled()).
  bool InsideAtomic = !S.Atomic.empty();
  if ((InsideAtomic || (ForSummary && !Truth)) && isContextTest(Cond)) {
    if (InsideAtomic)
      return Truth;
    if (outsideAtomicWhen(Cond) == false)
      S.AssumedOutsideAtomic = true;
    return true;
  }
  if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(Cond))
    if (std::optional<bool> Feasible = refineCall(S, Call, Truth))
      return *Feasible;
  if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(Cond)) {
    if (BO->isComparisonOp())
      return refineComparison(S, BO, Truth);
    if (BO->getOpcode() == clang::BO_Assign)
      return refine(S, BO->getLHS(), Truth);
    if (BO->isLogicalOp())
      return refineLogical(S, BO, Truth);
    return decideOnce(S, BO, Truth); // flags & F_DMA
  }
  return assumeTruth(S, Cond, Truth);
}

std::optional<bool> PathEngine::refineCall(PathState &S,
                                           const clang::CallExpr *Call,
                                           bool Truth) {
  if (Call->getBuiltinCallee() == clang::Builtin::BI__builtin_expect &&
      Call->getNumArgs() > 0)
    return refine(S, Call->getArg(0), Truth);
  // Other compiler builtins (__builtin_constant_p() in test_bit()) are
  // decided at compile time: follow clang's answer when it has one, and
  // never narrate them as run-time assumptions.
  if (Call->getBuiltinCallee()) {
    bool Folded = false;
    if (!Call->isValueDependent() &&
        Call->EvaluateAsBooleanCondition(Folded, TU.AST))
      return Folded == Truth;
    return true;
  }
  auto Kind = TU.Model.conditionKind(calleeName(Call));
  if (!Kind || *Kind == ConditionKind::ErrorValue || Call->getNumArgs() != 1)
    return std::nullopt;
  const clang::Expr *Arg = Call->getArg(0);
  Value V = evaluate(S, Arg);
  TrackedObject *Obj = S.object(V);
  if (!Truth) {
    if (Obj) {
      Obj->MaybeError = false;
      if (*Kind == ConditionKind::IsErrorOrNull)
        Obj->MaybeNull = false;
    }
    return true;
  }
  // An error pointer (or NULL): nothing was acquired.
  if (V.isNull() && *Kind == ConditionKind::IsError)
    return false;
  if (Obj && Obj->Status == ObjectStatus::Held && !Obj->IsParameter &&
      !Obj->MaybeError &&
      !(Obj->MaybeNull && *Kind == ConditionKind::IsErrorOrNull))
    return false;
  if (Obj) {
    S.Objects.erase(V.Object);
    note(S, Call->getBeginLoc(),
         llvm::formatv("assuming '{0}' is an error pointer", spell(Arg)));
  }
  if (auto Path = AccessPath::of(Arg)) // pointers known Negative are error pointers
    S.bind(*Path, Value::integer(IntKnowledge::Negative));
  return true;
}

/// Comparisons against zero only: x OP 0, or 0 OP x mirrored.
bool PathEngine::refineComparison(PathState &S, const clang::BinaryOperator *BO,
                                  bool Truth) {
  clang::BinaryOperatorKind Op = BO->getOpcode();
  const clang::Expr *Operand = BO->getLHS();
  if (!isZeroConstant(BO->getRHS(), TU.AST)) {
    if (!isZeroConstant(BO->getLHS(), TU.AST))
      return refineIdentity(S, BO, Truth);
    Operand = BO->getRHS();
    Op = clang::BinaryOperator::reverseComparisonOp(Op);
  }
  if (!Truth)
    Op = clang::BinaryOperator::negateComparisonOp(Op);
  // `(ret = f()) != 0` tests what ret now holds: refine ret itself.
  while (const auto *Assign = llvm::dyn_cast<clang::BinaryOperator>(
             Operand->IgnoreParenImpCasts())) {
    if (Assign->getOpcode() != clang::BO_Assign)
      break;
    Operand = Assign->getLHS();
  }
  if (Op == clang::BO_EQ || Op == clang::BO_NE) {
    if (S.object(evaluate(S, Operand)))
      return assumeTruth(S, Operand, Op == clang::BO_NE);
    // (flags & F_DMA) == 0 decides `if (flags & F_DMA)` later.
    if (!AccessPath::of(Operand) && !decideOnce(S, Operand, Op == clang::BO_NE))
      return false;
  }
  IntKnowledge Allowed = IntKnowledge::Unknown;
  switch (Op) {
  case clang::BO_EQ: Allowed = IntKnowledge::Zero; break;
  case clang::BO_NE: Allowed = IntKnowledge::NonZero; break;
  case clang::BO_LT: Allowed = IntKnowledge::Negative; break;
  case clang::BO_LE: Allowed = IntKnowledge::NonPositive; break;
  case clang::BO_GT: Allowed = IntKnowledge::Positive; break;
  case clang::BO_GE: Allowed = IntKnowledge::NonNegative; break;
  default: break;
  }
  std::string Relation = (clang::BinaryOperator::getOpcodeStr(Op) + " 0").str();
  return constrain(S, Operand, Allowed, Relation, BO->getBeginLoc());
}

/// `e != new` of two pointers: the same object on this path makes it
/// false, two allocations made here (distinct objects) make it true
/// (f2fs: `e = lookup(); if (!e) e = init(new); if (e != new) free(new);`).
bool PathEngine::refineIdentity(PathState &S, const clang::BinaryOperator *BO,
                                bool Truth) {
  clang::BinaryOperatorKind Op = BO->getOpcode();
  if ((Op != clang::BO_EQ && Op != clang::BO_NE) ||
      !BO->getLHS()->getType()->isPointerType())
    return decideOnce(S, BO, Truth); // mode == 3, size <= ZERO_SIZE_PTR
  Value Left = evaluate(S, BO->getLHS()), Right = evaluate(S, BO->getRHS());
  const TrackedObject *A = S.object(Left), *B = S.object(Right);
  if (!A || !B)
    return decideOnce(S, BO, Truth);
  bool Equal = Left.Object == Right.Object;
  if (!Equal && !(A->acquiredHere() && B->acquiredHere()))
    return true; // a parameter may be the very object another name holds
  return Equal == ((Op == clang::BO_EQ) == Truth);
}

/// Usually the CFG has already split && and ||; a do-while tests the whole
/// expression again in its own block.
bool PathEngine::refineLogical(PathState &S, const clang::BinaryOperator *BO,
                               bool Truth) {
  bool Conjunction = (BO->getOpcode() == clang::BO_LAnd) == Truth;
  if (Conjunction) // a && b is true; a || b is false
    return refine(S, BO->getLHS(), Truth) && refine(S, BO->getRHS(), Truth);
  // One side has the other value: keep S when both may, else the one that
  // can.
  PathState Left = S, Right = S;
  bool LeftOk = refine(Left, BO->getLHS(), Truth);
  bool RightOk = refine(Right, BO->getRHS(), Truth);
  if (LeftOk && RightOk)
    return true;
  if (!LeftOk && !RightOk)
    return false;
  S = LeftOk ? std::move(Left) : std::move(Right);
  return true;
}

bool PathEngine::assumeTruth(PathState &S, const clang::Expr *E, bool Truth) {
  Value V = evaluate(S, E);
  // `if (not_atomic) msleep(...)` with not_atomic = !in_atomic() && ...
  if (V.isInt() && V.Int.OutsideAtomicWhen && Truth == *V.Int.OutsideAtomicWhen) {
    if (!S.Atomic.empty())
      return false;
    if (ForSummary)
      S.AssumedOutsideAtomic = true;
  }
  // A truth value that remembers its test (truthOfTest()): refine the
  // tested pointer, while it still holds the object it held then.
  if (V.isInt() && V.Int.Condition) {
    Value Tested = evaluate(S, V.Int.Condition);
    if (Tested.isObject() && Tested.Object == V.Int.ConditionOn)
      return assumeTruth(S, V.Int.Condition, Truth != V.Int.ConditionNegated);
    if (Tested.isInt() && isSubset(Tested.Int.Known, IntKnowledge::Zero))
      return (Truth != V.Int.ConditionNegated) == false; // known NULL now
  }
  std::string Spelling = spell(E);
  bool IsPointer = E->getType()->isPointerType();
  // `if (dev->absinfo) return;` taken the other way: the lazy-allocation
  // idiom, whose callers have usually set the field long before.
  if (ForSummary && !Truth && IsPointer)
    if (auto Path = AccessPath::of(E); Path && Path->isParameter() &&
                                       !Path->Fields.empty())
      S.AssumedParameterFieldNull = true;
  if (TrackedObject *Obj = S.object(V)) {
    if (Obj->Status == ObjectStatus::Released)
      return true;
    if (Truth) {
      if (Obj->MaybeNull && !Obj->IsParameter)
        note(S, E->getBeginLoc(),
             llvm::formatv("assuming '{0}' is non-NULL", Spelling));
      Obj->MaybeNull = false;
      return true;
    }
    if (!Obj->MaybeNull)
      return false;
    // NULL on this path: the allocation failed, or the caller passed NULL.
    ObjectId Id = V.Object;
    if (!Obj->IsParameter)
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
  if (!IsPointer && !E->getType()->isIntegerType() && !V.isInt())
    return true;
  return constrain(S, E, Truth ? IntKnowledge::NonZero : IntKnowledge::Zero,
                   IsPointer ? (Truth ? "is non-NULL" : "is NULL")
                             : (Truth ? "!= 0" : "== 0"),
                   E->getBeginLoc());
}

} // namespace kmodlint
