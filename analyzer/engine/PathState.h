//===- PathState.h - What the engine knows on one path -----------*- C++ -*-===//
//
// The typestate of tracked objects along one path through a function: which
// access paths point to which objects, what each object is (family, acquired
// where, released or not), and the integer facts the kernel's error
// handling branches on (`ret` is 0, `ret` < 0).
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ENGINE_PATHSTATE_H
#define KMODLINT_ENGINE_PATHSTATE_H

#include "analyzer/engine/AccessPath.h"
#include "analyzer/model/ApiModel.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/FoldingSet.h"
#include "llvm/ADT/SmallVector.h"
#include <map>
#include <string>
#include <vector>

namespace kmodlint {

using ObjectId = unsigned;

enum class ObjectStatus { Held, Released };

/// Where an object was first stored so that it outlives the function.
enum class StoredWhere {
  Nowhere,
  Place,      ///< TrackedObject::StoredIn names it: "priv->buf", "gbuf"
  DriverData, ///< platform_set_drvdata() and friends
};

/// A resource the engine follows: an allocation seen on this path, or an
/// object first met when it was released (an "untracked" object).
struct TrackedObject {
  /// Null when nothing says which family the object belongs to.
  const AllocFamily *Family = nullptr;
  ObjectStatus Status = ObjectStatus::Held;
  bool MaybeNull = true;
  bool MaybeError = false;
  /// The allocating call as the source spells it ("kzalloc"), or the helper
  /// whose summary returns the allocation.
  std::string AcquiredBy;
  clang::SourceLocation AcquireLoc;
  /// For objects not allocated on this path: why we believe the family.
  std::string FamilyEvidence;
  std::optional<SourcePoint> FamilyEvidenceLoc;
  /// The access path an untracked object was first met through.
  std::optional<AccessPath> FirstPath;
  std::string ReleasedBy;
  /// The model function that released it (ReleasedBy may name a helper).
  std::string ReleaseFn;
  clang::SourceLocation ReleaseLoc;
  /// Index into PathState::Notes when the object appeared; later notes are
  /// the path assumptions relevant to it.
  unsigned NoteMark = 0;

  /// The value a pointer parameter had on entry (the caller's object).
  bool IsParameter = false;
  /// For container_of(param, T, M) in a helper: the object that holds the
  /// caller's pointer as its member M (FirstPath is the parameter's path).
  const clang::FieldDecl *ContainerMember = nullptr;
  const AcquireFunction *Acquirer = nullptr;
  /// Adopted through an embedded member (kobject_init(&p->kobj, ...),
  /// device_initialize(&p->dev)): that member, whose put releases p.
  const clang::FieldDecl *AdoptedMember = nullptr;
  const AllocFamily *AdoptedMemberFamily = nullptr;
  /// For resources named by an argument (request_irq(irq, ...),
  /// misc_register(&misc)): that argument's access path.
  std::optional<AccessPath> KeyPath;
  /// The key through a local pointer set once to its address (`hdl =
  /// &radio->hdl; v4l2_ctrl_handler_init(hdl, 4);`): radio->hdl.
  std::optional<AccessPath> KeyAlias;
  /// For keys that are constants (request_region(0x325, ...)): "const:805".
  std::string KeyText;
  /// Released as the driver data itself (kfree(i2c_get_clientdata(c))):
  /// the struct that driver data is.
  std::string DrvdataRoot;
  /// A status-returning acquisition whose result has not been tested: it
  /// counts as acquired until a branch says it failed.
  bool Pending = false;

  /// Where the object went, which decides whether losing the local pointer
  /// is a leak. PassedTo: given to a function that may keep it.
  std::string PassedTo;
  /// Stored into a global, into memory the caller sees (param->field), or
  /// as a device's driver data: kept, unless a setup function then fails.
  /// The first store decides; StoredIn spells a Place.
  StoredWhere Stored = StoredWhere::Nowhere;
  std::string StoredIn;
  clang::SourceLocation StoredLoc;
  /// Stored as the driver data, first or later.
  bool StoredAsDrvdata = false;

  /// Acquired on this path by this function (not a parameter, not first
  /// met at its release).
  bool acquiredHere() const {
    return AcquireLoc.isValid() && !FirstPath && !IsParameter;
  }
  bool isStored() const { return Stored != StoredWhere::Nowhere; }
  bool escaped() const { return !PassedTo.empty() || isStored(); }

  bool sameTypestate(const TrackedObject &O) const {
    return Family == O.Family && Status == O.Status &&
           MaybeNull == O.MaybeNull && MaybeError == O.MaybeError &&
           AcquireLoc == O.AcquireLoc && Pending == O.Pending &&
           PassedTo.empty() == O.PassedTo.empty() &&
           isStored() == O.isStored();
  }
};

/// The signs an integer may have on this path, as a set: Negative, Zero,
/// Positive and their unions. For a pointer, Zero is NULL and Negative an
/// error pointer. An empty set means the path is infeasible.
enum class IntKnowledge : unsigned char {
  Negative = 1,
  Zero = 2,
  Positive = 4,
  NonPositive = 3,
  NonZero = 5,
  NonNegative = 6,
  Unknown = 7,
};

inline IntKnowledge meet(IntKnowledge A, IntKnowledge B) {
  return IntKnowledge(unsigned(A) & unsigned(B));
}
inline bool isSubset(IntKnowledge A, IntKnowledge B) {
  return (unsigned(A) & ~unsigned(B)) == 0;
}
inline bool isEmpty(IntKnowledge A) { return unsigned(A) == 0; }

struct IntFact {
  IntKnowledge Known = IntKnowledge::Unknown;
  /// The call whose result this is, for "assuming foo() fails" notes.
  std::string OriginCall;
  /// For the status of request_irq() and friends: the object whose
  /// acquisition it reports (0 for none).
  ObjectId Guards = 0;
  /// Objects this value was computed from (page_address(page),
  /// (unsigned long)p): storing it keeps them alive.
  llvm::SmallVector<ObjectId, 1> DerivedFrom;
  /// The exact value when known (gfp masks kept in variables).
  std::optional<int64_t> Constant;
  /// For &obj->member: the member, with obj the one DerivedFrom object, so
  /// that container_of() can lead back to obj.
  const clang::FieldDecl *MemberOf = nullptr;
  /// For spin_trylock(): the hold (index into PathState::PendingHolds)
  /// taken when this result is non-zero.
  int TrylockHold = -1;
  /// For a truth value computed from a test (`int warned = !!(!p);`, the
  /// WARN_ON() idiom): the test, so that branching on the value refines
  /// what it tested.
  const clang::Expr *Condition = nullptr;
  /// For a truth value computed from in_atomic() (`bool not_atomic =
  /// !in_atomic() && !irqs_disabled();`): the value it has only outside
  /// atomic context.
  std::optional<bool> OutsideAtomicWhen;
  /// The value is true when Condition is false (`!!(!p)`).
  bool ConditionNegated = false;
  /// The object Condition tested then: refining it later is sound only
  /// while it still names that object.
  ObjectId ConditionOn = 0;
};

struct Value {
  /// Address: `&x` of a local variable x, so that `*q = v` and `*q` reach
  /// x (the no_free_ptr()/out-parameter idiom).
  enum class Kind { None, Object, Int, Address } K = Kind::None;
  ObjectId Object = 0;
  IntFact Int;
  std::optional<AccessPath> Target;

  static Value object(ObjectId Id) {
    Value V;
    V.K = Kind::Object;
    V.Object = Id;
    return V;
  }
  static Value integer(IntKnowledge Known, std::string Origin = {}) {
    Value V;
    V.K = Kind::Int;
    V.Int.Known = Known;
    V.Int.OriginCall = std::move(Origin);
    return V;
  }
  static Value constant(int64_t N, std::string Origin = {}) {
    Value V = integer(N == 0  ? IntKnowledge::Zero
                      : N < 0 ? IntKnowledge::Negative
                              : IntKnowledge::Positive,
                      std::move(Origin));
    V.Int.Constant = N;
    return V;
  }
  bool isObject() const { return K == Kind::Object; }
  bool isInt() const { return K == Kind::Int; }
  bool isNull() const { return isInt() && Int.Known == IntKnowledge::Zero; }
  static Value fromFact(IntFact Fact) {
    Value V;
    V.K = Kind::Int;
    V.Int = std::move(Fact);
    return V;
  }
  bool isAddress() const { return K == Kind::Address; }
  /// The objects this value reaches: the object itself, or those an integer
  /// or pointer was derived from (p++, page_address(page)).
  llvm::SmallVector<ObjectId, 2> objects() const {
    if (isObject())
      return {Object};
    if (isInt())
      return llvm::SmallVector<ObjectId, 2>(Int.DerivedFrom.begin(),
                                            Int.DerivedFrom.end());
    return {};
  }
  static Value address(const AccessPath &P) {
    Value V;
    V.K = Kind::Address;
    V.Target = P;
    return V;
  }
  bool sameTypestate(const Value &O) const {
    return K == O.K && Object == O.Object && Int.Known == O.Int.Known &&
           Int.Constant == O.Int.Constant && Target == O.Target &&
           Int.Condition == O.Int.Condition &&
           Int.ConditionNegated == O.Int.ConditionNegated;
  }
};

/// Why the path is in atomic context: a lock taken, IRQs disabled, or the
/// function running as an IRQ handler.
struct AtomicHold {
  std::string What; ///< "spinlock", "hard IRQ handler"
  std::string By;   ///< "spin_lock(&priv->lock)" or "registered with request_irq()"
  clang::SourceLocation Loc;
  std::optional<AccessPath> Lock;
  /// in_interrupt() is true here: hard IRQ, softirq, bottom halves off.
  bool InInterrupt = false;
  /// The function runs in this context (an IRQ handler...): no unlock in
  /// its body ends it.
  bool IsCallbackContext = false;
  /// The function runs as a hard IRQ handler (or hrtimer callback).
  bool HardIrq = false;
  /// For guard(Class)(...): the class, whose destructor ends the hold.
  std::string GuardClass;
  bool operator==(const AtomicHold &O) const {
    return What == O.What && Loc == O.Loc && Lock == O.Lock;
  }
};

/// A side-effect-free branch condition the path has already decided, that
/// no other fact records (`ZERO_OR_NULL_PTR(priv->data_vault)`, `mode == 3`,
/// `flags & F_DMA`): the same test later on the path, before anything it
/// reads is reassigned, goes the same way (int3400_thermal_probe() creates
/// a sysfs group under a condition and removes it under the same one).
struct DecidedCondition {
  /// The test's canonical profile (Stmt::Profile), a comparison's with its
  /// operator normalized (`n > MAX` is `!(n <= MAX)`), and its hash.
  llvm::FoldingSetNodeID Test;
  unsigned Hash = 0;
  llvm::SmallVector<AccessPath, 2> Reads;
  bool Truth = false;
  bool operator==(const DecidedCondition &O) const {
    return Hash == O.Hash && Truth == O.Truth && Test == O.Test;
  }
};

struct StateNote {
  clang::SourceLocation Loc;
  std::string Message;
};

class PathState {
public:
  std::map<AccessPath, Value> Bindings;
  std::map<ObjectId, TrackedObject> Objects;
  /// Values of sub-expressions evaluated earlier in the current block
  /// (mostly calls), read by their parent expression.
  llvm::DenseMap<const clang::Expr *, Value> ExprValues;
  std::vector<StateNote> Notes;
  Value Returned;
  const clang::ReturnStmt *ReturnSite = nullptr;
  /// The object stored as the device's driver data, and the struct it is.
  ObjectId Drvdata = 0;
  /// The path called a noreturn function (BUG(), panic()).
  bool NoReturn = false;
  /// Atomic context, innermost last.
  std::vector<AtomicHold> Atomic;
  /// An unlock of a lock this function did not take: the caller's atomic
  /// context was left (sdhci_send_command_retry() drops host->lock around
  /// usleep_range()), so what follows is not in the caller's context.
  bool LeftCallerAtomic = false;
  /// The caller's holds this path ended, in order: the lock each unlock
  /// named, or none (rcu_read_unlock(), local_irq_enable()). A helper
  /// that ends one on every path ends it in its callers too
  /// (FunctionSummary::LeavesCallerHolds).
  std::vector<std::optional<AccessPath>> CallerHoldsLeft;
  /// A branch assumed a parameter's pointer field NULL (p->buf == NULL).
  bool AssumedParameterFieldNull = false;
  /// A summarized helper's branch assumed in_atomic()/irqs_disabled() false.
  bool AssumedOutsideAtomic = false;
  std::vector<AtomicHold> PendingHolds;
  const clang::RecordDecl *DrvdataKey = nullptr;
  /// The driver data's name when it is no object the engine tracks.
  std::optional<AccessPath> DrvdataName;
  /// Sorted by Hash, so that paths deciding the same tests agree.
  std::vector<DecidedCondition> Decided;

  Value lookup(const AccessPath &P) const {
    auto It = Bindings.find(P);
    return It == Bindings.end() ? Value() : It->second;
  }
  /// The first path (in path order) that holds object \p Id, if any does.
  std::optional<AccessPath> pathTo(ObjectId Id) const {
    for (const auto &[Path, V] : Bindings)
      if (V.isObject() && V.Object == Id)
        return Path;
    return std::nullopt;
  }
  TrackedObject *object(const Value &V) {
    if (!V.isObject())
      return nullptr;
    auto It = Objects.find(V.Object);
    return It == Objects.end() ? nullptr : &It->second;
  }

  /// Forgets \p P and every path through it (`p` takes `p->buf` along).
  /// \p KeepCallerObjects: fields below P that hold one of the function's
  /// own parameters (mgr->pci = pdev) or an object it acquired and still
  /// holds (icode->gpr_map = kcalloc(...)) stay: a callee handed mgr does
  /// not rewrite its back-pointer to the device, nor replace the buffers
  /// its caller owns (one that frees them says so in its summary, which
  /// is applied first).
  void forget(const AccessPath &P, bool IncludingItself = true,
              bool KeepCallerObjects = false);
  void bind(const AccessPath &P, const Value &V);
  /// Drops the decided conditions that read \p P or a path through it.
  void forgetDecided(const AccessPath &P);
  /// Records that \p Ids were stored in \p Where (first store wins).
  void markStored(llvm::ArrayRef<ObjectId> Ids, const std::string &Where,
                  clang::SourceLocation Loc);
  /// Gives object \p From the identity \p To everywhere it is referenced.
  void renameObject(ObjectId From, ObjectId To);
  /// Drops objects no binding or pending value refers to any more.
  void collectUnreachable();

  bool sameTypestate(const PathState &O) const;
};

} // namespace kmodlint

#endif
