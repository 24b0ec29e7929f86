//===- DoubleFreeCheck.cpp ------------------------------------------------===//
//
// An object released twice on the same path.
// See docs/checks/ for what it finds, its confidence and its known false
// positives.
//
// The second release of an object on one path. Slab and vmalloc double
// frees corrupt freelists; with devres the second release often happens at
// unbind, which the mismatch check reports instead.
//
//===----------------------------------------------------------------------===//
#include "checks/Check.h"

#include "llvm/Support/FormatVariadic.h"

namespace kmodlint::release {

class DoubleFreeCheck : public Check {
public:
  llvm::StringRef id() const override;
  llvm::StringRef summary() const override;
  // Below 80% true on held-out kernel code (docs/precision/README.md).
  bool enabledByDefault() const override { return false; }
  void onRelease(const ReleaseEvent &E, const PathState &S,
                 CheckContext &C) override;
};

llvm::StringRef DoubleFreeCheck::id() const { return "release.double-free"; }

llvm::StringRef DoubleFreeCheck::summary() const {
  return "an object released twice on the same path";
}

void DoubleFreeCheck::onRelease(const ReleaseEvent &E, const PathState &S,
                                CheckContext &C) {
  const TrackedObject &Obj = *E.Object;
  if (Obj.Status != ObjectStatus::Released)
    return;
  // Of an object whose family we do not know, two releases of different
  // families are layers, not a double free: device_unregister(dev) drops the
  // registration, put_device(dev) the caller's reference.
  const ApiModel &Model = C.TU.Model;
  if (!Obj.Family &&
      Model.familyReleasedBy(Obj.ReleaseFn) != Model.familyReleasedBy(E.Release->Name))
    return;
  std::string Releaser =
      E.ViaHelper.empty()
          ? llvm::formatv("{0}()", E.Release->Name).str()
          : llvm::formatv("{0}() (inside {1}())", E.Release->Name, E.ViaHelper)
                .str();
  Finding F;
  F.Check = id().str();
  F.Where = C.point(E.Loc);
  F.Message = llvm::formatv(
      "'{0}' is released twice: {1} releases it after {2}() already did",
      E.Spelling, Releaser, Obj.ReleasedBy);
  F.Notes = C.objectHistory(Obj, S);
  F.Notes.push_back({C.point(Obj.ReleaseLoc),
                     llvm::formatv("first released here by {0}()",
                                   Obj.ReleasedBy)});
  F.FingerprintKey = E.Spelling + "|" + Obj.ReleasedBy + "|" + E.Release->Name;
  C.report(std::move(F));
}

std::unique_ptr<Check> createDoubleFreeCheck() {
  return std::make_unique<DoubleFreeCheck>();
}

} // namespace kmodlint::release
