//===- UseAfterFreeCheck.cpp ----------------------------------------------===//
//
// A pointer dereferenced after the object it points to was released.
// See docs/checks/ for what it finds, its confidence and its known false
// positives.
//
// A dereference (p->f, *p, p[i]) of a pointer whose object was released
// earlier on the same path. A put of a refcounted object frees it only
// when the reference was the last: that is known only for an object the
// function made itself. A reference it was handed or looked up
// (bus_find_device(), kset_find_obj(), the caller's device) may be one of
// several, and the put leaves the object to the others.
//
//===----------------------------------------------------------------------===//
#include "checks/Check.h"

#include "llvm/Support/FormatVariadic.h"

namespace kmodlint::release {

class UseAfterFreeCheck : public Check {
public:
  llvm::StringRef id() const override;
  llvm::StringRef summary() const override;
  // Below 80% true on held-out kernel code (docs/precision/README.md).
  bool enabledByDefault() const override { return false; }
  void onUse(const UseEvent &E, const PathState &S, CheckContext &C) override;
};

llvm::StringRef UseAfterFreeCheck::id() const {
  return "release.use-after-free";
}

llvm::StringRef UseAfterFreeCheck::summary() const {
  return "a pointer dereferenced after its object was released";
}

/// Whether the release that came before the use freed the object: any
/// release of a plain allocation does; a put only of the one reference a
/// function that made the object (with no key: not get_device(dev)) holds.
static bool releaseFreed(const TrackedObject &Obj, const ApiModel &Model) {
  const AllocFamily *Family = Model.familyReleasedBy(Obj.ReleaseFn);
  if (!Family || !Family->Refcounted)
    return true;
  return Obj.acquiredHere() && !(Obj.Acquirer && Obj.Acquirer->KeyArg);
}

void UseAfterFreeCheck::onUse(const UseEvent &E, const PathState &S,
                              CheckContext &C) {
  const TrackedObject &Obj = *E.Object;
  if (!releaseFreed(Obj, C.TU.Model))
    return;
  Finding F;
  F.Check = id().str();
  F.Where = C.point(E.Use->getBeginLoc());
  F.Message = llvm::formatv("'{0}' is used after it was released by {1}()",
                            E.Spelling, Obj.ReleasedBy);
  F.Notes = C.objectHistory(Obj, S);
  F.Notes.push_back({C.point(Obj.ReleaseLoc),
                     llvm::formatv("released here by {0}()", Obj.ReleasedBy)});
  F.FingerprintKey = E.Spelling + "|" + Obj.ReleasedBy;
  C.report(std::move(F));
}

std::unique_ptr<Check> createUseAfterFreeCheck() {
  return std::make_unique<UseAfterFreeCheck>();
}

} // namespace kmodlint::release
