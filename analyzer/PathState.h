//===- PathState.h - What the engine knows on one path -----------*- C++ -*-===//
//
// The typestate of tracked objects along one path through a function: which
// access paths point to which objects, what each object is (family, acquired
// where, released or not), and the integer facts the kernel's error
// handling branches on (`ret` is 0, `ret` < 0).
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ANALYZER_PATHSTATE_H
#define KMODLINT_ANALYZER_PATHSTATE_H

#include "analyzer/AccessPath.h"
#include "checks/ApiModel.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include <map>
#include <string>
#include <vector>

namespace kmodlint {

using ObjectId = unsigned;

enum class ObjectStatus { Held, Released };

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
  /// For objects not allocated on this path: where they came from, in words
  /// ("the memory stored in 'priv->buf'"), and why we believe the family.
  std::string Origin;
  std::string FamilyEvidence;
  clang::SourceLocation FamilyEvidenceLoc;
  /// The access path an untracked object was first met through.
  std::optional<AccessPath> FirstPath;
  std::string ReleasedBy;
  clang::SourceLocation ReleaseLoc;
  /// Index into PathState::Notes when the object appeared; later notes are
  /// the path assumptions relevant to it.
  unsigned NoteMark = 0;

  bool sameTypestate(const TrackedObject &O) const {
    return Family == O.Family && Status == O.Status &&
           MaybeNull == O.MaybeNull && MaybeError == O.MaybeError &&
           AcquireLoc == O.AcquireLoc;
  }
};

/// What an integer or untracked pointer is known to be on this path.
enum class IntKnowledge { Unknown, Zero, NonZero, Negative, NonNegative };

struct IntFact {
  IntKnowledge Known = IntKnowledge::Unknown;
  /// The call whose result this is, for "assuming foo() fails" notes.
  std::string OriginCall;
};

struct Value {
  enum class Kind { None, Object, Int } K = Kind::None;
  ObjectId Object = 0;
  IntFact Int;

  static Value object(ObjectId Id) {
    Value V;
    V.K = Kind::Object;
    V.Object = Id;
    return V;
  }
  static Value integer(IntKnowledge Known, std::string Origin = {}) {
    Value V;
    V.K = Kind::Int;
    V.Int = {Known, std::move(Origin)};
    return V;
  }
  bool isObject() const { return K == Kind::Object; }
  bool isInt() const { return K == Kind::Int; }
  bool isNull() const { return isInt() && Int.Known == IntKnowledge::Zero; }
  bool sameTypestate(const Value &O) const {
    return K == O.K && Object == O.Object && Int.Known == O.Int.Known;
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

  Value lookup(const AccessPath &P) const {
    auto It = Bindings.find(P);
    return It == Bindings.end() ? Value() : It->second;
  }
  TrackedObject *object(const Value &V) {
    if (!V.isObject())
      return nullptr;
    auto It = Objects.find(V.Object);
    return It == Objects.end() ? nullptr : &It->second;
  }

  /// Forgets \p P and every path through it (`p` takes `p->buf` along).
  void forget(const AccessPath &P, bool IncludingItself = true);
  void bind(const AccessPath &P, const Value &V);
  /// Drops objects no binding or pending value refers to any more.
  void collectUnreachable();

  bool sameTypestate(const PathState &O) const;
};

} // namespace kmodlint

#endif
