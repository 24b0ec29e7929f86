//===- MismatchCheck.cpp --------------------------------------------------===//
//
// An object released by a function of another allocation family.
// See docs/checks/ for what it finds, its confidence and its known false
// positives.
//
// kfree() of vmalloc memory, vfree() of kmalloc memory, kfree() of kvmalloc
// memory (which may be vmalloc'ed at run time), kfree() of devm_ memory
// (devres frees it again at unbind), kfree() of kmem_cache objects before
// 6.4: each corrupts allocator state, usually far from the bug.
//
//===----------------------------------------------------------------------===//
#include "checks/Check.h"

#include "llvm/Support/FormatVariadic.h"

namespace kmodlint::release {

class MismatchCheck : public Check {
public:
  llvm::StringRef id() const override;
  llvm::StringRef summary() const override;
  // Below 80% true on held-out kernel code (docs/precision/README.md).
  bool enabledByDefault() const override { return false; }
  void onRelease(const ReleaseEvent &E, const PathState &S,
                 CheckContext &C) override;
};

llvm::StringRef MismatchCheck::id() const { return "release.mismatch"; }

llvm::StringRef MismatchCheck::summary() const {
  return "memory released by a function of another allocation family "
         "(kmalloc/vmalloc/kvmalloc/kmem_cache/devm_/pages/DMA)";
}

/// A fix that renames the release call, when the suggested function takes
/// the pointer in the same argument position.
static std::optional<FixIt> renameCallFix(const ReleaseEvent &E,
                                          const AllocFamily &Family,
                                          CheckContext &C) {
  if (!E.Call || !E.ViaHelper.empty() || Family.Releases.empty())
    return std::nullopt;
  const ReleaseFunction &Suggested = Family.Releases.front();
  if (Suggested.Arg != E.Release->Arg)
    return std::nullopt;
  const auto *Callee = llvm::dyn_cast<clang::DeclRefExpr>(
      E.Call->getCallee()->IgnoreParenImpCasts());
  if (!Callee || Callee->getLocation().isMacroID())
    return std::nullopt;
  auto Rename = C.renameToken(Callee->getLocation(), Suggested.Name);
  if (!Rename)
    return std::nullopt;
  FixIt Fix;
  Fix.Edits.push_back(*Rename);
  Fix.Description = llvm::formatv("replace {0}() with {1}()",
                                  E.Release->Name, Suggested.Name);
  return Fix;
}

void MismatchCheck::onRelease(const ReleaseEvent &E,
                                       const PathState &S, CheckContext &C) {
  const TrackedObject &Obj = *E.Object;
  if (!Obj.Family || Obj.Status != ObjectStatus::Held)
    return;
  // A helper releasing what a field always holds is reported inside the
  // helper, where the wrong call is; not again at each caller.
  if (!E.ViaHelper.empty() && Obj.FirstPath)
    return;
  const ApiModel &Model = C.TU.Model;
  ReleaseVerdict Verdict =
      Model.mayRelease(*Obj.Family, E.Release->Name, C.TU.KernelVersion);
  if (Verdict.Allowed)
    return;

  const AllocFamily &Family = *Obj.Family;
  const AllocFamily *ReleaseFamily = Model.familyReleasedBy(E.Release->Name);
  std::string Releaser = E.ViaHelper.empty()
                             ? llvm::formatv("{0}()", E.Release->Name).str()
                             : llvm::formatv("{0}() (inside {1}())",
                                             E.Release->Name, E.ViaHelper)
                                   .str();
  std::string What = llvm::formatv("'{0}' holds {1} from {2}()", E.Spelling,
                                   Family.Description, Obj.AcquiredBy);
  std::string Message;
  if (Family.Managed)
    Message = llvm::formatv(
        "{0} and is released with {1}: devres releases it again when the "
        "device is unbound (double free); use {2}() or let devres release it",
        What, Releaser, Family.preferredRelease());
  else if (ReleaseFamily && ReleaseFamily->Managed)
    Message = llvm::formatv(
        "{0}, which is not device-managed, but is released with {1}; use {2}()",
        What, Releaser, Family.preferredRelease());
  else if (Verdict.VersionRule)
    Message = llvm::formatv(
        "{0} and is released with {1}, which accepts it only since Linux {2} "
        "(this file is built for {3}); use {4}()",
        What, Releaser,
        formatKernelVersion(Verdict.VersionRule->Since.value_or(0)),
        formatKernelVersion(C.TU.KernelVersion), Family.preferredRelease());
  else
    Message = llvm::formatv("{0} but is released with {1}; use {2}()", What,
                            Releaser, Family.preferredRelease());

  Finding F;
  F.Check = id().str();
  F.Where = C.point(E.Loc);
  F.Message = Message;
  F.Notes = C.objectHistory(Obj, S);
  if (!E.ViaHelper.empty() && E.HelperReleaseLoc)
    F.Notes.push_back({*E.HelperReleaseLoc,
                       llvm::formatv("{0}() releases it with {1}() here",
                                     E.ViaHelper, E.Release->Name)});
  F.Fix = renameCallFix(E, Family, C);
  F.FingerprintKey = E.Spelling + "|" + Obj.AcquiredBy + "|" + E.Release->Name;
  C.report(std::move(F));
}

std::unique_ptr<Check> createMismatchCheck() {
  return std::make_unique<MismatchCheck>();
}

} // namespace kmodlint::release
