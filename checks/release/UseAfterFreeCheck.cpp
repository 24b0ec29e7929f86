//===- UseAfterFreeCheck.cpp ----------------------------------------------===//
//
// A pointer dereferenced after the object it points to was released.
// See docs/checks/ for what it finds, its confidence and its known false
// positives.
//
// A dereference (p->f, *p, p[i]) of a pointer whose object was released
// earlier on the same path.
//
//===----------------------------------------------------------------------===//
#include "checks/Check.h"

#include "llvm/Support/FormatVariadic.h"

namespace kmodlint::release {

class UseAfterFreeCheck : public Check {
public:
  llvm::StringRef id() const override;
  llvm::StringRef summary() const override;
  void onUse(const UseEvent &E, const PathState &S, CheckContext &C) override;
};

llvm::StringRef UseAfterFreeCheck::id() const {
  return "release.use-after-free";
}

llvm::StringRef UseAfterFreeCheck::summary() const {
  return "a pointer dereferenced after its object was released";
}

void UseAfterFreeCheck::onUse(const UseEvent &E, const PathState &S,
                              CheckContext &C) {
  const TrackedObject &Obj = *E.Object;
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
