//===- SleepCheck.cpp -----------------------------------------------------===//
//
// A call that may sleep (a GFP_KERNEL allocation, mutex_lock(), msleep(),
// copy_from_user(), a helper that does one of these...) while a spinlock or
// rwlock is held, IRQs, preemption or bottom halves are disabled, inside an
// RCU read section, or in a callback that runs in atomic context (IRQ
// handler, timer, tasklet, ndo_start_xmit...). See docs/checks/atomic.sleep.md.
//
//===----------------------------------------------------------------------===//
#include "checks/Check.h"

#include "llvm/Support/FormatVariadic.h"

namespace kmodlint::atomic {

class SleepCheck : public Check {
public:
  llvm::StringRef id() const override;
  llvm::StringRef summary() const override;
  // Below 80% true on held-out kernel code (docs/precision/README.md).
  bool enabledByDefault() const override { return false; }
  void onSleep(const SleepEvent &E, const PathState &S, CheckContext &C) override;
};

llvm::StringRef SleepCheck::id() const { return "atomic.sleep"; }

llvm::StringRef SleepCheck::summary() const {
  return "a call that may sleep in atomic context (spinlock held, IRQs or "
         "preemption disabled, RCU read section, IRQ/timer/tasklet callback)";
}

/// GFP_KERNEL -> GFP_ATOMIC (the model's atomic equivalent) where the
/// whole mask is that one macro.
static std::optional<FixIt> atomicGfpFix(const SleepEvent &E, CheckContext &C) {
  const ApiModel &Model = C.TU.Model;
  const AcquireFunction *Acq = Model.findAcquire(E.Callee);
  const clang::Expr *Gfp =
      Acq ? PathEngine::gfpArgument(E.Call, *Acq, Model.gfp().MaskType)
          : nullptr;
  if (!Gfp || (Acq->Family && Acq->Family->Sleeps))
    return std::nullopt;
  const clang::SourceManager &SM = C.TU.AST.getSourceManager();
  clang::SourceLocation Loc = SM.getFileLoc(Gfp->getBeginLoc());
  auto Equivalent = Model.gfp().AtomicEquivalent.find(C.tokenAt(Loc));
  if (Equivalent == Model.gfp().AtomicEquivalent.end())
    return std::nullopt;
  // Only when the whole mask is that one token.
  clang::SourceLocation End = SM.getFileLoc(Gfp->getEndLoc());
  if (End != Loc)
    return std::nullopt;
  auto Rename = C.renameToken(Loc, Equivalent->second);
  if (!Rename)
    return std::nullopt;
  FixIt Fix;
  Fix.Edits.push_back(*Rename);
  Fix.Description = llvm::formatv("use {0} (or move the allocation out of "
                                  "the atomic region)",
                                  Equivalent->second);
  return Fix;
}

void SleepCheck::onSleep(const SleepEvent &E, const PathState &S,
                               CheckContext &C) {
  if (S.Atomic.empty() || E.IfParameterBlocks)
    return; // no atomic context, or the caller's mask decides
  const AtomicHold &Hold = E.Hold ? S.Atomic[*E.Hold] : S.Atomic.back();
  Finding F;
  F.Check = id().str();
  F.Where = C.point(E.Call->getBeginLoc());
  // del_timer_sync(): it spins, and only what stops the callback is wrong.
  F.Message =
      E.WaitConflicts
          ? llvm::formatv("{0}() can deadlock in atomic context ({1}): it {2}, "
                          "and {3}",
                          E.Callee, Hold.What, E.Reason, E.HoldConflict)
                .str()
          : llvm::formatv("{0}() may sleep ({1}) in atomic context ({2})",
                          E.Callee, E.Reason, Hold.What)
                .str();
  F.Notes.push_back({C.point(Hold.Loc),
                     Hold.IsCallbackContext
                         ? llvm::formatv("{0}() runs as a {1}, {2} here",
                                         C.functionName(), Hold.What, Hold.By)
                               .str()
                         : llvm::formatv("atomic context begins: {0}", Hold.By)
                               .str()});
  std::string Caller = E.Callee;
  for (const auto &[Callee, Loc] : E.Chain) {
    F.Notes.push_back({Loc, llvm::formatv("{0}() calls {1}() here",
                                                   Caller, Callee)});
    Caller = Callee;
  }
  F.Fix = E.Chain.empty() ? atomicGfpFix(E, C) : std::nullopt;
  F.FingerprintKey = E.Callee + "|" + E.Reason + "|" + Hold.What;
  C.report(std::move(F));
}

std::unique_ptr<Check> createSleepCheck() {
  return std::make_unique<SleepCheck>();
}

} // namespace kmodlint::atomic
