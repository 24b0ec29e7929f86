//===- PathEngine.h - Path-sensitive typestate engine on clang::CFG -*- C++ -*-===//
//
// kmodlint's own engine: a worklist over a function's clang::CFG carrying a
// bounded set of PathStates per block. States that agree on every typestate
// are merged; branch conditions the kernel uses for error handling refine
// them (NULL tests, IS_ERR, `ret`, `ret < 0`, likely/unlikely). Checks do not
// walk code: they listen to the events the engine reports.
//
// Why not the Clang Static Analyzer: on real 6.1 drivers its engine costs
// 2-50 s per TU and stays inside one TU (docs/architecture.md); this engine walks
// each CFG a bounded number of times.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ENGINE_PATHENGINE_H
#define KMODLINT_ENGINE_PATHENGINE_H

#include "analyzer/engine/LaterReleases.h"
#include "analyzer/engine/PathState.h"
#include "analyzer/model/ApiModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/Analysis/CFG.h"

namespace clang {
class LiveVariables;
}
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <memory>

namespace kmodlint {

class Summaries;
struct FunctionSummary;
class StoredFamilies;
class CallbackLocks;
struct SleepWitness;

/// A release of a tracked object, reported before the state changes.
struct ReleaseEvent {
  /// The releasing call; null for a scope-based cleanup (__free(kfree)).
  const clang::CallExpr *Call = nullptr;
  clang::SourceLocation Loc;
  const ReleaseFunction *Release = nullptr;
  /// How the released pointer is spelled at the call ("priv->buf").
  std::string Spelling;
  /// The helper that releases it, when the release happens inside a callee
  /// (through its summary); empty for a direct call.
  std::string ViaHelper;
  std::optional<SourcePoint> HelperReleaseLoc;
  const TrackedObject *Object = nullptr;
};

/// A dereference of a tracked pointer.
struct UseEvent {
  const clang::Expr *Use = nullptr;
  std::string Spelling;
  const TrackedObject *Object = nullptr;
};

/// A call that may sleep, wherever it is (checks decide if the context
/// forbids it).
struct SleepEvent {
  const clang::CallExpr *Call = nullptr;
  std::string Callee; ///< as spelled: "kzalloc", "mutex_lock"
  std::string Reason; ///< "GFP_KERNEL allows direct reclaim", "sleeping lock"
  /// For a helper that sleeps further down: each call on the way.
  std::vector<std::pair<std::string, SourcePoint>> Chain;
  /// Set when it sleeps only if this function's parameter (a gfp mask)
  /// allows direct reclaim: callers decide, through the summary.
  std::optional<unsigned> IfParameterBlocks;
  /// It sleeps only outside interrupt context (vfree() defers otherwise).
  bool UnlessInInterrupt = false;
  /// Not a sleep but a wait for a callback (del_timer_sync()): wrong only
  /// in hard IRQ context and under these lock classes (class -> why).
  std::optional<std::map<std::string, std::string>> WaitConflicts;
  /// The hold that makes it wrong (index into PathState::Atomic), when
  /// not the innermost, and why it does.
  std::optional<size_t> Hold;
  std::string HoldConflict;
};

/// An allocation with a gfp mask.
struct AllocationEvent {
  const clang::CallExpr *Call = nullptr;
  const AcquireFunction *Fn = nullptr;
  std::string Callee;
  const clang::Expr *Gfp = nullptr;
  std::optional<uint64_t> GfpValue; ///< when the mask is a constant
};

/// The last pointer to an object acquired here was overwritten.
struct LostEvent {
  const clang::Stmt *Where = nullptr;
  std::string Spelling;
  const TrackedObject *Object = nullptr;
};

class EngineListener {
public:
  virtual ~EngineListener();
  virtual void onRelease(const ReleaseEvent &Event, const PathState &State) {}
  virtual void onUse(const UseEvent &Event, const PathState &State) {}
  virtual void onLost(const LostEvent &Event, const PathState &State) {}
  virtual void onSleep(const SleepEvent &Event, const PathState &State) {}
  virtual void onAllocation(const AllocationEvent &Event,
                            const PathState &State) {}
  /// A path reached the function's exit.
  virtual void onExit(const PathState &State) {}
};

class ModuleModel;

/// One release, in one of three forms: of an argument expression
/// (kfree(p)), of an access path a summary or a cleanup names (a helper
/// released c->buf), or of the family's latest resource, with neither
/// (unregister_chrdev()).
struct ReleaseRequest {
  const clang::CallExpr *Call = nullptr; ///< null for a scope cleanup
  const ReleaseFunction *Fn = nullptr;
  const clang::Expr *Arg = nullptr;
  std::optional<AccessPath> Path;
  /// The helper whose summary says it releases, and where it does.
  std::string ViaHelper;
  std::optional<SourcePoint> HelperLoc;
  /// Where a scope cleanup runs: its variable.
  clang::SourceLocation At;

  static ReleaseRequest ofArgument(const clang::CallExpr *Call,
                                   const ReleaseFunction &Fn,
                                   const clang::Expr *Arg) {
    ReleaseRequest R;
    R.Call = Call;
    R.Fn = &Fn;
    R.Arg = Arg;
    return R;
  }
  static ReleaseRequest ofPath(const clang::CallExpr *Call,
                               const ReleaseFunction &Fn,
                               std::optional<AccessPath> Path) {
    ReleaseRequest R;
    R.Call = Call;
    R.Fn = &Fn;
    R.Path = std::move(Path);
    return R;
  }
  ReleaseRequest &insideHelper(llvm::StringRef Helper,
                               std::optional<SourcePoint> Loc) {
    ViaHelper = Helper.str();
    HelperLoc = std::move(Loc);
    return *this;
  }
};

/// What every function analysis of one TU shares.
struct TranslationUnitContext {
  clang::ASTContext &AST;
  const ApiModel &Model;
  /// LINUX_VERSION_CODE of the TU, 0 when unknown.
  unsigned KernelVersion = 0;
  Summaries *FunctionSummaries = nullptr;
  const StoredFamilies *Stores = nullptr;
  const ModuleModel *Module = nullptr;
  CallbackLocks *Locks = nullptr;
  /// __GFP_DIRECT_RECLAIM and __GFP_NOFAIL as this TU defines them (0x400
  /// and 0x8000 in 6.1; BIT(enum) in 6.12); the model's defaults until
  /// the front end finds them.
  uint64_t GfpDirectReclaim = Model.gfp().DirectReclaim.Default;
  uint64_t GfpNoFail = Model.gfp().NoFail.Default;
  /// The zone bits that ask for DMA-able (so contiguous) memory, the same
  /// way.
  uint64_t GfpDmaZones = Model.gfp().Dma.Default | Model.gfp().Dma32.Default;
  /// __GFP_RETRY_MAYFAIL | __GFP_NORETRY | __GFP_NOWARN: the caller expects
  /// the allocation may fail and handles it.
  uint64_t GfpFailureExpected = Model.gfp().RetryMayFail.Default |
                                Model.gfp().NoWarn.Default |
                                Model.gfp().NoRetry.Default;
  /// PAGE_SHIFT and PAGE_ALLOC_COSTLY_ORDER as the TU defines them.
  unsigned PageShift = Model.allocationShape().PageShift.Default;
  unsigned CostlyOrder = Model.allocationShape().CostlyOrder.Default;
  /// Maps each allocation to where it is stored and how that memory is
  /// used (alloc.* checks); null when not built.
  const class AllocationUses *Allocations = nullptr;
};

struct EngineLimits {
  unsigned MaxStatesPerBlock = 16;
  unsigned MaxBlockVisits = 20000;
  /// Bodies bigger than this (a macro expanding to millions of terms) are
  /// not walked: the CFG and its per-expression state would cost gigabytes.
  /// The largest 6.12 driver functions have a few thousand.
  unsigned MaxStatementsPerFunction = 100000;
};

class PathEngine {
public:
  PathEngine(TranslationUnitContext &TU, EngineListener &Listener,
             EngineLimits Limits = {})
      : TU(TU), Listener(Listener), Limits(Limits) {}

  /// Whether a function registered as an atomic callback starts in atomic
  /// context (the check run), or context-free (summaries).
  bool StartsInCallbackContext = false;
  /// The run computes a function summary: also track the facts only
  /// summaries read (PathState::LeftCallerAtomic, AssumedParameterFieldNull).
  /// They split states, so the checks' runs leave them out.
  bool ForSummary = false;

  /// Paths not followed because a block already had
  /// EngineLimits::MaxStatesPerBlock states: what they would have found is
  /// missing. run() resets it.
  unsigned droppedPaths() const { return DroppedPaths; }
  /// The last run() did not walk the body: EngineLimits::MaxStatementsPerFunction.
  bool tooLarge() const { return TooLarge; }

  /// Runs the engine over \p FD's body. Returns false when the function has
  /// no body or the budget ran out before every path was explored.
  bool run(const clang::FunctionDecl *FD);

  /// The callee's name as the model knows it: direct callee, else nothing.
  static llvm::StringRef calleeName(const clang::CallExpr *Call);

  /// The allocator or release the source spells at \p Call: the
  /// outermost macro the model knows (6.10+ kvzalloc() over
  /// __kvmalloc_node_noprof()), else the callee's canonical name.
  static std::string spelledCallee(const clang::CallExpr *Call,
                                   const clang::ASTContext &AST,
                                   const ApiModel &Model);

  /// The gfp mask \p Call passes to allocator \p Fn: the model's argument,
  /// unless the callee's parameter there is not of the mask type, then the
  /// one parameter that is (6.12's __kvmalloc_node_noprof() takes a
  /// kmem_buckets * before the mask only with CONFIG_SLAB_BUCKETS).
  /// Whether \p Type is the gfp mask typedef (the model's gfp.mask_type;
  /// an empty name matches nothing).
  static bool isMaskType(clang::QualType Type, llvm::StringRef MaskType);
  static const clang::Expr *gfpArgument(const clang::CallExpr *Call,
                                        const AcquireFunction &Fn,
                                        llvm::StringRef MaskType);

private:
  /// The path a value is stored under in \p S, for event spellings.
  static std::string spellingOf(const PathState &S, ObjectId Id);
  // Statements (PathEngine.cpp).
  void bindParameters(PathState &S, const clang::FunctionDecl *FD);
  void transfer(PathState &S, const clang::Stmt *St);
  void transferAssign(PathState &S, const clang::Expr *LHS,
                      const clang::Expr *RHS, const clang::Stmt *At);
  /// When \p Rebound stops naming \p Old, the bindings that were under it
  /// (\p Fields) move under another path that still names \p Old.
  void rehomeFields(PathState &S, const AccessPath &Rebound, const Value &Old,
                    llvm::ArrayRef<std::pair<AccessPath, Value>> Fields);
  /// For pci_request_regions(pdev) after pcim_enable_device(pdev): the
  /// managed family the earlier acquisition for the same key belongs to.
  const AllocFamily *managedByEarlierKey(const PathState &S,
                                         const TrackedObject &Obj) const;
  /// device_initialize(dev) and friends: the object \p Arg is (or embeds,
  /// &p->kobj) belongs to \p Family from here.
  void adopt(PathState &S, const clang::Expr *Arg, const AllocFamily *Family);
  /// For a put of &p->kobj: p, when it was adopted through that member.
  Value embeddingObject(PathState &S, const ReleaseRequest &R);
  /// When \p Rebound comes to name \p New, what is known of \p New's fields
  /// under another name (or under the old value's, \p OldFields) is known
  /// under \p Rebound.
  void inheritFields(PathState &S, const AccessPath &Rebound, const Value &New,
                     llvm::ArrayRef<std::pair<AccessPath, Value>> OldFields);
  /// Binds \p Path to \p V, reporting what its old value leaves behind.
  void rebind(PathState &S, const AccessPath &Path, const Value &In,
              const clang::Stmt *At);
  void checkDereference(PathState &S, const clang::Expr *Base,
                        const clang::Expr *Use);
  /// Reports the object \p Old held if no pointer to it is left.
  void checkLost(PathState &S, const Value &Old, const clang::Stmt *At,
                 const std::string &Spelling);

  // Calls (EngineCalls.cpp).
  void transferCall(PathState &S, const clang::CallExpr *Call);
  /// Atomic-context bookkeeping and may-sleep events (EngineAtomic.cpp).
  bool transferAtomic(PathState &S, const clang::CallExpr *Call,
                      llvm::StringRef Name);
  /// An unlock of \p Lock (none: rcu_read_unlock()) ends the innermost own
  /// hold of it (of \p LockClass, else the innermost); with no hold of its
  /// own the path leaves its caller's context.
  void endHold(PathState &S, const std::optional<AccessPath> &Lock,
               llvm::StringRef LockClass = {});
  /// A helper that unlocks its caller's lock on every path (xlog_wait())
  /// ends that hold here.
  void leaveHoldsAsCallee(PathState &S, const clang::CallExpr *Call,
                          const FunctionSummary &Summary);
  void reportSleep(PathState &S, const clang::CallExpr *Call,
                   llvm::StringRef Name);
  /// For a call that sleeps only when its mask \p Gfp (value \p Mask when
  /// known) allows direct reclaim: the reason it sleeps, or that it does
  /// when the caller's gfp parameter does.
  void sleepsForMask(const clang::Expr *Gfp, std::optional<uint64_t> Mask,
                     SleepEvent &Event) const;
  /// A gfp mask's value: a constant, or a variable holding one.
  std::optional<uint64_t> gfpValue(PathState &S, const clang::Expr *Gfp);
  /// The index of the parameter \p E names, if it names one.
  static std::optional<unsigned> parameterIndex(const clang::Expr *E);
  /// in_atomic(), irqs_disabled() and the model's other context tests:
  /// inside a known atomic region, only their true branch is feasible.
  bool isContextTest(const clang::Expr *Cond) const;
  /// For a test built from in_atomic() with ! and &&: the value it can have
  /// only outside atomic context (true for `!in_atomic() && x`).
  std::optional<bool> outsideAtomicWhen(const clang::Expr *E) const;
  void acquire(PathState &S, const clang::CallExpr *Call,
               const AcquireFunction &Fn, llvm::StringRef By);
  void release(PathState &S, ReleaseRequest R);
  /// v4l2_device_put(&dev->v4l2_dev): the release callback this function
  /// stored in the argument's field may release what the path holds.
  void mayRunReleaseCallback(PathState &S, const clang::CallExpr *Call,
                             const ReleaseCallbackCall &Put);
  /// The objects a helper's summary says it may release at \p Call.
  std::vector<TrackedObject *> mayBeReleased(PathState &S,
                                             const clang::CallExpr *Call,
                                             const struct ReleasedLocation &R);
  /// Marks what \p R may release at \p Call as handed to \p By: no leak
  /// and no double free is claimed for it.
  void markMayBeReleased(PathState &S, const clang::CallExpr *Call,
                         const struct ReleasedLocation &R, llvm::StringRef By);
  /// For a release whose argument is no tracked object: the object its key
  /// or handle names, if one does.
  Value keyedObject(PathState &S, ReleaseRequest &R, Value V);
  /// The object a release meets for the first time (acquired before this
  /// function): what the TU's stores say about its family.
  Value firstMetAtRelease(PathState &S, const ReleaseRequest &R,
                          bool DrvdataArg);
  void markReleased(PathState &S, const ReleaseRequest &R, TrackedObject &Obj,
                    ObjectId Id, std::string Spelling);
  /// The end of a `__free(name)` variable's scope (6.x cleanup.h).
  void transferCleanup(PathState &S, const clang::VarDecl *Var);
  TrackedObject *heldByKey(PathState &S, const ReleaseFunction &Fn,
                           const std::optional<AccessPath> &Path,
                           const std::string &KeyText, ObjectId &Id);
  /// The path \p Key points at when it is a local pointer assigned once,
  /// to an address (`hdl = &radio->hdl`).
  std::optional<AccessPath> addressAssignedOnce(const clang::Expr *Key);
  std::optional<AccessPath> onlyAddressAssigned(const clang::VarDecl *Var) const;
  /// A constant key's identity ("const:805"), or empty.
  std::string keyText(const clang::Expr *Key) const;
  void passToCallee(PathState &S, const clang::Expr *Arg,
                    llvm::StringRef Callee);
  void storeEscapes(PathState &S, const AccessPath &Target, const Value &V,
                    const clang::Stmt *At);
  /// \p E's value, or for a value computed from tracked pointers
  /// (page_address(page), (unsigned long)p) an integer derived from them.
  Value evaluateWithOrigins(PathState &S, const clang::Expr *E);
  /// A key-named release given handle->field (release_mem_region(
  /// pd->ioarea->start, ...)): the handle's path (pd->ioarea).
  std::optional<AccessPath> keyHandle(const ReleaseFunction &Fn,
                                      const clang::Expr *Arg) const;
  /// Whether \p Fn's argument is a key its family's acquirers took.
  bool releasesByKey(const ReleaseFunction &Fn) const;
  /// Applies a summary's "releases the container of parameter N".
  void releaseContainer(PathState &S, const clang::CallExpr *Call,
                        const struct ReleasedLocation &R, const clang::Expr *Arg,
                        llvm::StringRef Name);
  /// container_of(Inner, T, Member): the object that holds Inner.
  Value containerValue(PathState &S, const clang::Expr *Inner,
                       const clang::FieldDecl *Member);
  void invalidateForUnknownCall(PathState &S, const clang::CallExpr *Call);
  bool applySummary(PathState &S, const clang::CallExpr *Call);

  // Values and conditions (EngineConditions.cpp).
  Value evaluate(PathState &S, const clang::Expr *E);
  std::optional<Value> truthOfTest(PathState &S, const clang::Expr *E);
  bool refineIdentity(PathState &S, const clang::BinaryOperator *BO, bool Truth);
  /// A test no other fact records (DecidedCondition): false when the path
  /// already decided it the other way; otherwise it is recorded.
  bool decideOnce(PathState &S, const clang::Expr *Cond, bool Truth);
  /// Whether a hold of \p S keeps the callback \p Event waits for from
  /// finishing; names it in \p Event.
  bool blocksWait(const PathState &S, SleepEvent &Event) const;
  /// Whether the call's arguments rule out every path on which the
  /// callee's summary sleeps.
  bool argumentsRuleOut(PathState &S, const clang::CallExpr *Call,
                        const SleepWitness &Witness);
  /// Refines \p S by assuming \p Cond evaluated to \p Truth; false when that
  /// is impossible on this path.
  bool refine(PathState &S, const clang::Expr *Cond, bool Truth);
  void endStatementExpression(PathState &S, const clang::StmtExpr *SE);
  /// Builtins and the model's conditions (IS_ERR()); nothing when \p Call
  /// is neither.
  std::optional<bool> refineCall(PathState &S, const clang::CallExpr *Call,
                                 bool Truth);
  bool refineComparison(PathState &S, const clang::BinaryOperator *BO,
                        bool Truth);
  bool refineLogical(PathState &S, const clang::BinaryOperator *BO, bool Truth);
  bool assumeTruth(PathState &S, const clang::Expr *E, bool Truth);
  /// Restricts the integer (or untracked pointer) \p E to \p Allowed;
  /// false when the path becomes infeasible.
  bool constrain(PathState &S, const clang::Expr *E, IntKnowledge Allowed,
                 llvm::StringRef Relation, clang::SourceLocation Loc);
  /// A status result became known: the acquisition it reports happened or
  /// not.
  void settleAcquisition(PathState &S, const IntFact &Status,
                         IntKnowledge Known);

  ObjectId objectIdFor(const std::string &Key);
  std::string spell(const clang::Expr *E) const;
  void note(PathState &S, clang::SourceLocation Loc, std::string Message);

  TranslationUnitContext &TU;
  EngineListener &Listener;
  EngineLimits Limits;

  /// Drops plain integer facts about local variables dead after \p Block.
  void forgetDeadIntegers(PathState &S, clang::LiveVariables &Live,
                          const clang::CFGBlock *Block);
  llvm::StringMap<ObjectId> ObjectIds;
  const clang::FunctionDecl *Function = nullptr; ///< the one run() walks
  /// Its releases, collected at the first unknown call that is given a
  /// pointer (a borrowing callee is one whose argument the caller frees).
  std::unique_ptr<LaterReleases> Later;
  /// addressAssignedOnce() per local of Function (computed once each).
  llvm::DenseMap<const clang::VarDecl *, std::optional<AccessPath>> AddressAliases;
  /// The calls of Function whose result nothing reads (collected once).
  std::optional<llvm::DenseSet<const clang::CallExpr *>> DiscardedCalls;
  /// `register_reboot_notifier(&nb);` as a statement: its status is ignored.
  bool resultDiscarded(const clang::CallExpr *Call);
  /// Whether \p Arg of \p Call is released by this function after the call
  /// whatever the call returns: then the callee only borrowed it.
  bool releasedAfterCall(PathState &S, const clang::CallExpr *Call,
                         const clang::Expr *Arg);
  unsigned Renamed = 0;
  unsigned DroppedPaths = 0;
  bool TooLarge = false;
};

} // namespace kmodlint

#endif
