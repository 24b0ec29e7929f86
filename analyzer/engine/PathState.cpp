//===- PathState.cpp - What the engine knows on one path ------------------===//
#include "analyzer/engine/PathState.h"

#include "llvm/ADT/DenseSet.h"

namespace kmodlint {

void PathState::forgetDecided(const AccessPath &P) {
  llvm::erase_if(Decided, [&](const DecidedCondition &D) {
    return llvm::any_of(D.Reads,
                        [&](const AccessPath &R) { return P.isPrefixOf(R); });
  });
}

void PathState::forget(const AccessPath &P, bool IncludingItself,
                       bool KeepCallerObjects) {
  // f(p) may rewrite what p points to, but a test of p->flag made before
  // still stands for the error ladder after it: callers rarely flip their
  // own flags through a callee, and keeping the test rules out paths that
  // do not exist (we would rather miss a bug than report one on them).
  if (IncludingItself)
    forgetDecided(P);
  for (auto It = Bindings.lower_bound(AccessPath{P.Root, {}});
       It != Bindings.end() && It->first.Root == P.Root;) {
    bool Below = It->first.Fields.size() > P.Fields.size();
    bool Through = P.isPrefixOf(It->first) && (IncludingItself || Below);
    if (Through && Below && KeepCallerObjects)
      if (const TrackedObject *Obj = object(It->second);
          Obj && (Obj->IsParameter ||
                  (Obj->Status == ObjectStatus::Held && Obj->acquiredHere())))
        Through = false;
    It = Through ? Bindings.erase(It) : std::next(It);
  }
}

void PathState::bind(const AccessPath &P, const Value &V) {
  forget(P);
  if (V.K != Value::Kind::None)
    Bindings[P] = V;
}

void PathState::markStored(llvm::ArrayRef<ObjectId> Ids,
                           const std::string &Where,
                           clang::SourceLocation Loc) {
  for (ObjectId Id : Ids)
    if (auto It = Objects.find(Id);
        It != Objects.end() && !It->second.isStored()) {
      It->second.Stored = StoredWhere::Place;
      It->second.StoredIn = Where;
      It->second.StoredLoc = Loc;
    }
}

void PathState::renameObject(ObjectId From, ObjectId To) {
  auto It = Objects.find(From);
  if (It == Objects.end())
    return;
  Objects[To] = std::move(It->second);
  Objects.erase(From);
  auto Rename = [&](Value &V) {
    if (V.isObject() && V.Object == From)
      V.Object = To;
    if (V.isInt())
      for (ObjectId &Id : V.Int.DerivedFrom)
        if (Id == From)
          Id = To;
  };
  for (auto &[P, V] : Bindings)
    Rename(V);
  for (auto &[E, V] : ExprValues)
    Rename(V);
  Rename(Returned);
  if (Drvdata == From)
    Drvdata = To;
}

void PathState::collectUnreachable() {
  llvm::DenseSet<ObjectId> Live;
  for (const auto &[Path, V] : Bindings)
    if (V.isObject())
      Live.insert(V.Object);
  for (const auto &[E, V] : ExprValues)
    if (V.isObject())
      Live.insert(V.Object);
  if (Returned.isObject())
    Live.insert(Returned.Object);
  // A registration (misc_register(), request_irq(), ...) returns a status,
  // not a pointer: it stays reachable by its key or its family, whatever
  // becomes of the status; released, it stays to say so (a second release
  // is a double free, and a path that skipped the release differs).
  // So does a resource first met at its release by key
  // (pci_disable_device(mgr->pci) in a cleanup helper): what the helper's
  // summary says it releases.
  auto ReachedByKey = [](const TrackedObject &Obj) {
    if (!Obj.Acquirer)
      return Obj.KeyPath && Obj.Status == ObjectStatus::Released;
    return Obj.Acquirer->Returns != AcquireResult::Pointer;
  };
  for (auto It = Objects.begin(); It != Objects.end();)
    It = Live.contains(It->first) || ReachedByKey(It->second)
             ? std::next(It)
             : Objects.erase(It);
}

bool PathState::sameTypestate(const PathState &O) const {
  if (Bindings.size() != O.Bindings.size() || Objects.size() != O.Objects.size())
    return false;
  for (auto A = Bindings.begin(), B = O.Bindings.begin(); A != Bindings.end();
       ++A, ++B)
    if (!(A->first == B->first) || !A->second.sameTypestate(B->second))
      return false;
  for (auto A = Objects.begin(), B = O.Objects.begin(); A != Objects.end();
       ++A, ++B)
    if (A->first != B->first || !A->second.sameTypestate(B->second))
      return false;
  return Returned.sameTypestate(O.Returned) && Atomic == O.Atomic &&
         LeftCallerAtomic == O.LeftCallerAtomic &&
         CallerHoldsLeft == O.CallerHoldsLeft &&
         AssumedParameterFieldNull == O.AssumedParameterFieldNull &&
         AssumedOutsideAtomic == O.AssumedOutsideAtomic &&
         Decided == O.Decided;
}

} // namespace kmodlint
