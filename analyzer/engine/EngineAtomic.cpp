//===- EngineAtomic.cpp - Atomic context and calls that may sleep ---------===//
//
// Locks taken and released, IRQs and preemption disabled, RCU read
// sections, trylocks that hold only on success; and for every call, whether
// it may sleep: the model's may_sleep list, allocators whose gfp mask allows
// direct reclaim (evaluated with the TU's own __GFP_DIRECT_RECLAIM),
// allocators that always sleep, and same-TU helpers whose summary sleeps.
//
//===----------------------------------------------------------------------===//
#include "analyzer/engine/PathEngine.h"
#include "analyzer/engine/CallbackLocks.h"
#include "analyzer/engine/Summaries.h"

#include "clang/Lex/Lexer.h"
#include "llvm/Support/FormatVariadic.h"

namespace kmodlint {

/// How a finding names a gfp mask: as written, unless that is unreadable.
static std::string maskText(const clang::Expr *E, const clang::ASTContext &AST) {
  llvm::StringRef Text = writtenText(E, AST);
  // A mask written inside a macro body (#define ALLOC(n) kmalloc(n,
  // GFP_KERNEL)) reads back as the macro's invocation: "ALLOC(64)" would
  // misname the mask.
  if (Text.empty() || Text.size() > 80 || Text.contains('('))
    return "the gfp mask";
  return Text.str();
}

std::optional<uint64_t> PathEngine::gfpValue(PathState &S,
                                             const clang::Expr *Gfp) {
  clang::Expr::EvalResult Result;
  if (!Gfp->isValueDependent() && Gfp->EvaluateAsInt(Result, TU.AST))
    return Result.Val.getInt().getZExtValue();
  // gfp_t gfp = GFP_KERNEL; ... kmalloc(n, gfp)
  Value V = evaluate(S, Gfp);
  if (V.isInt() && V.Int.Constant)
    return uint64_t(*V.Int.Constant);
  return std::nullopt;
}

std::optional<unsigned> PathEngine::parameterIndex(const clang::Expr *E) {
  auto Path = AccessPath::of(E);
  if (!Path || !Path->Fields.empty() || !Path->parameter())
    return std::nullopt;
  return Path->parameter()->getFunctionScopeIndex();
}

bool PathEngine::isMaskType(clang::QualType Type, llvm::StringRef MaskType) {
  const auto *Typedef = Type->getAs<clang::TypedefType>();
  return Typedef && !MaskType.empty() &&
         Typedef->getDecl()->getName() == MaskType;
}

const clang::Expr *PathEngine::gfpArgument(const clang::CallExpr *Call,
                                           const AcquireFunction &Fn,
                                           llvm::StringRef MaskType) {
  if (!Fn.GfpArg || *Fn.GfpArg >= Call->getNumArgs())
    return nullptr;
  const clang::FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || MaskType.empty() || *Fn.GfpArg >= Callee->getNumParams() ||
      isMaskType(Callee->getParamDecl(*Fn.GfpArg)->getType(), MaskType))
    return Call->getArg(*Fn.GfpArg);
  const clang::Expr *Found = nullptr;
  for (unsigned I = 0; I < Callee->getNumParams() && I < Call->getNumArgs(); ++I)
    if (isMaskType(Callee->getParamDecl(I)->getType(), MaskType)) {
      if (Found)
        return Call->getArg(*Fn.GfpArg); // two masks: trust the model
      Found = Call->getArg(I);
    }
  return Found ? Found : Call->getArg(*Fn.GfpArg);
}

bool PathEngine::transferAtomic(PathState &S, const clang::CallExpr *Call,
                                llvm::StringRef Name) {
  const ApiModel &Model = TU.Model;
  const clang::SourceManager &SM = TU.AST.getSourceManager();
  if (const AtomicEnter *Enter = Model.atomicEnter(Name)) {
    AtomicHold Hold;
    Hold.What = Enter->What;
    Hold.InInterrupt = Enter->InInterrupt;
    Hold.Loc = SM.getExpansionLoc(Call->getBeginLoc());
    if (Enter->LockArg && *Enter->LockArg < Call->getNumArgs()) {
      Hold.Lock = lockPath(Call->getArg(*Enter->LockArg));
      Hold.By = llvm::formatv("{0}({1})", Name,
                              Hold.Lock ? "&" + Hold.Lock->str()
                                        : std::string("..."));
    } else {
      Hold.By = (Name + "()").str();
    }
    if (Enter->Conditional) {
      IntFact Result;
      Result.OriginCall = Name.str();
      Result.TrylockHold = S.PendingHolds.size();
      S.PendingHolds.push_back(Hold);
      S.ExprValues[Call] = Value::fromFact(Result);
    } else {
      S.Atomic.push_back(Hold);
    }
    return true;
  }
  // guard(spinlock)(&l): the guard variable is built by
  // class_spinlock_constructor(&l); its destructor runs at scope exit
  // (transferCleanup()).
  if (std::optional<llvm::StringRef> Class =
          Model.cleanup().GuardConstructor.match(Name))
    if (auto Context = Model.atomicGuard(*Class)) {
      AtomicHold Hold;
      Hold.What = Context->What;
      Hold.InInterrupt = Context->InInterrupt;
      Hold.Loc = SM.getExpansionLoc(Call->getBeginLoc());
      if (Call->getNumArgs() > 0)
        Hold.Lock = lockPath(Call->getArg(0));
      Hold.By = llvm::formatv("guard({0})", *Class).str();
      Hold.GuardClass = Class->str();
      S.Atomic.push_back(Hold);
      return true;
    }
  if (auto Exit = Model.atomicExit(Name)) {
    std::optional<AccessPath> Lock;
    if (*Exit && **Exit < Call->getNumArgs())
      Lock = lockPath(Call->getArg(**Exit));
    endHold(S, Lock);
    return true;
  }
  return false;
}

static bool isOwnHold(const AtomicHold &H) { return !H.IsCallbackContext; }

void PathEngine::endHold(PathState &S, const std::optional<AccessPath> &Lock,
                         llvm::StringRef LockClass) {
  if (llvm::none_of(S.Atomic, isOwnHold)) {
    // Taken by a caller (or before an unknown call): the caller's
    // context is left here.
    if (ForSummary) {
      S.LeftCallerAtomic = true;
      S.CallerHoldsLeft.push_back(Lock);
    }
    return;
  }
  auto Match = std::find_if(S.Atomic.rbegin(), S.Atomic.rend(),
                            [&](const AtomicHold &H) {
                              return isOwnHold(H) && Lock && H.Lock == Lock;
                            });
  if (Match == S.Atomic.rend() && !LockClass.empty())
    Match = std::find_if(S.Atomic.rbegin(), S.Atomic.rend(),
                         [&](const AtomicHold &H) {
                           return isOwnHold(H) && H.Lock &&
                                  lockClass(*H.Lock) == LockClass;
                         });
  // Locks named differently (&l vs &l->rlock) pair with the innermost.
  if (Match == S.Atomic.rend())
    Match = std::find_if(S.Atomic.rbegin(), S.Atomic.rend(), isOwnHold);
  S.Atomic.erase(std::next(Match).base());
}

void PathEngine::leaveHoldsAsCallee(PathState &S, const clang::CallExpr *Call,
                                    const FunctionSummary &Summary) {
  for (const CallerHoldExit &Exit : Summary.LeavesCallerHolds) {
    std::optional<AccessPath> Lock;
    switch (Exit.Kind) {
    case CallerHoldExit::Unnamed:
      break;
    case CallerHoldExit::Parameter:
      if (Exit.Param < Call->getNumArgs())
        if (auto Base = AccessPath::ofAddressOrValue(Call->getArg(Exit.Param)))
          if (auto Fields = TU.FunctionSummaries->fields(Exit.Fields))
            Lock = Base->withFields(*Fields);
      break;
    case CallerHoldExit::Global: {
      ReleasedLocation Where;
      Where.Kind = ReleasedLocation::Global;
      Where.Root = Exit.Root;
      Where.Fields = Exit.Fields;
      Lock = TU.FunctionSummaries->globalPath(Where);
      break;
    }
    case CallerHoldExit::Elsewhere:
      break;
    }
    endHold(S, Lock, Exit.Class);
  }
}

void PathEngine::sleepsForMask(const clang::Expr *Gfp,
                               std::optional<uint64_t> Mask,
                               SleepEvent &Event) const {
  if (Mask) {
    if (*Mask & TU.GfpDirectReclaim)
      Event.Reason =
          llvm::formatv("{0} allows direct reclaim", maskText(Gfp, TU.AST));
  } else if (auto Outer = parameterIndex(Gfp)) {
    Event.Reason = "the caller's gfp mask allows direct reclaim";
    Event.IfParameterBlocks = Outer;
  }
}

void PathEngine::reportSleep(PathState &S, const clang::CallExpr *Call,
                             llvm::StringRef Name) {
  const ApiModel &Model = TU.Model;
  SleepEvent Event;
  Event.Call = Call;
  Event.Callee = spelledCallee(Call, TU.AST, Model);
  if (const CallbackWait *Wait = Model.callbackWait(Name)) {
    if (Wait->Arg >= Call->getNumArgs() || !TU.Locks)
      return;
    std::optional<AccessPath> Subject =
        AccessPath::ofAddressOrValue(Call->getArg(Wait->Arg));
    std::optional<std::string> Class = Subject ? lockClass(*Subject) : std::nullopt;
    Event.Reason = "spins until " + Wait->What + " has finished";
    Event.WaitConflicts = TU.Locks->conflicts(*Wait, Class ? *Class : "");
  } else if (auto GfpArg = Model.sleepsIfGfpArg(Name)) {
    if (*GfpArg >= Call->getNumArgs())
      return;
    const clang::Expr *Gfp = Call->getArg(*GfpArg);
    sleepsForMask(Gfp, gfpValue(S, Gfp), Event);
  } else if (auto Reason = Model.maySleep(Name)) {
    Event.Reason = *Reason;
    Event.UnlessInInterrupt = Model.sleepsOnlyOutsideInterrupt(Name);
  } else if (const AcquireFunction *Acq = Model.findAcquire(Name)) {
    AllocationEvent Alloc;
    Alloc.Call = Call;
    Alloc.Fn = Acq;
    Alloc.Callee = Event.Callee;
    if (const clang::Expr *Gfp = gfpArgument(Call, *Acq, Model.gfp().MaskType)) {
      Alloc.Gfp = Gfp;
      Alloc.GfpValue = gfpValue(S, Alloc.Gfp);
    }
    Listener.onAllocation(Alloc, S);
    if (Acq->Family && Acq->Family->Sleeps)
      Event.Reason = "always, whatever the gfp mask";
    else if (Alloc.Gfp)
      sleepsForMask(Alloc.Gfp, Alloc.GfpValue, Event);
  } else if (const clang::FunctionDecl *Callee = Call->getDirectCallee();
             Callee && TU.FunctionSummaries && !Model.findRelease(Name)) {
    const FunctionSummary *Summary = TU.FunctionSummaries->get(Callee);
    if (Summary && Summary->Sleeps && !argumentsRuleOut(S, Call, *Summary->Sleeps)) {
      Event.Reason = Summary->Sleeps->Reason;
      Event.UnlessInInterrupt = Summary->Sleeps->UnlessInInterrupt;
      Event.WaitConflicts = Summary->Sleeps->WaitConflicts;
      Event.Chain = Summary->Sleeps->Chain;
    } else if (Summary) {
      // helper(..., GFP_KERNEL) where the helper allocates with its gfp
      // parameter.
      for (const auto &[Param, Witness] : Summary->SleepsIfParameterBlocks) {
        if (Param >= Call->getNumArgs())
          continue;
        const clang::Expr *Gfp = Call->getArg(Param);
        if (auto Mask = gfpValue(S, Gfp)) {
          if (!(*Mask & TU.GfpDirectReclaim))
            continue;
          Event.Reason = llvm::formatv("{0} passed down allows direct reclaim",
                                       maskText(Gfp, TU.AST));
        } else if (auto Outer = parameterIndex(Gfp)) {
          Event.Reason = Witness.Reason;
          Event.IfParameterBlocks = Outer;
        } else {
          continue;
        }
        Event.Chain = Witness.Chain;
        break;
      }
    }
  }
  // 6.1 vfree() defers the free when in_interrupt() (mm/vmalloc.c:2827-2833).
  if (Event.UnlessInInterrupt &&
      llvm::any_of(S.Atomic, [](const AtomicHold &H) { return H.InInterrupt; }))
    return;
  // A wait for a callback is wrong only under what keeps the callback from
  // finishing; with no hold of its own (a summary), callers decide.
  if (Event.WaitConflicts && !S.Atomic.empty() && !blocksWait(S, Event))
    return;
  if (!Event.Reason.empty())
    Listener.onSleep(Event, S);
}

bool PathEngine::argumentsRuleOut(PathState &S, const clang::CallExpr *Call,
                                  const SleepWitness &Witness) {
  for (const auto &[Param, Needed] : Witness.OnlyIfParams) {
    if (Param >= Call->getNumArgs())
      continue;
    Value Arg = evaluate(S, Call->getArg(Param));
    if (Arg.isInt() && isEmpty(meet(Arg.Int.Known, Needed)))
      return true; // __es_alloc_extent(false) where only nofail sleeps
  }
  return false;
}

bool PathEngine::blocksWait(const PathState &S, SleepEvent &Event) const {
  for (size_t I = S.Atomic.size(); I-- > 0;) {
    const AtomicHold &Hold = S.Atomic[I];
    if (Hold.HardIrq) {
      Event.Hold = I;
      Event.HoldConflict = "in hard IRQ context the callback may be the one "
                           "this interrupt stopped on this CPU";
      return true;
    }
    std::optional<std::string> Class =
        Hold.Lock ? lockClass(*Hold.Lock) : std::nullopt;
    if (!Class)
      continue;
    if (auto It = Event.WaitConflicts->find(*Class);
        It != Event.WaitConflicts->end()) {
      Event.Hold = I;
      Event.HoldConflict = llvm::formatv("'{0}' is held, and {1}",
                                         Hold.Lock->str(), It->second);
      return true;
    }
  }
  return false;
}

bool PathEngine::isContextTest(const clang::Expr *Cond) const {
  if (llvm::any_of(macrosExpandedAt(Cond->getBeginLoc(), TU.AST),
                   [&](llvm::StringRef M) { return TU.Model.isContextTest(M); }))
    return true;
  const auto *Call = llvm::dyn_cast<clang::CallExpr>(Cond->IgnoreParenImpCasts());
  return Call && TU.Model.isContextTest(calleeName(Call));
}

std::optional<bool> PathEngine::outsideAtomicWhen(const clang::Expr *E) const {
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(E);
      UO && UO->getOpcode() == clang::UO_LNot) {
    if (auto Inner = outsideAtomicWhen(UO->getSubExpr()))
      return !*Inner;
    return std::nullopt;
  }
  if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(E);
      BO && BO->getOpcode() == clang::BO_LAnd) {
    // a && b is true only where both are: either side's "outside" truth.
    for (const clang::Expr *Side : {BO->getLHS(), BO->getRHS()})
      if (auto Inner = outsideAtomicWhen(Side); Inner && *Inner)
        return true;
    return std::nullopt;
  }
  auto IsAnyAtomic = [&](llvm::StringRef Name) { return TU.Model.isAnyAtomicTest(Name); };
  if (llvm::any_of(macrosExpandedAt(E->getBeginLoc(), TU.AST), IsAnyAtomic))
    return false;
  const auto *Call = llvm::dyn_cast<clang::CallExpr>(E);
  if (Call && IsAnyAtomic(calleeName(Call)))
    return false;
  return std::nullopt;
}

} // namespace kmodlint
