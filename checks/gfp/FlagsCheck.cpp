//===- FlagsCheck.cpp -----------------------------------------------------===//
//
// gfp masks that cannot be right for the allocator they are given to:
// kvmalloc()/__vmalloc() without __GFP_DIRECT_RECLAIM (GFP_ATOMIC,
// GFP_NOWAIT are not supported), GFP_KERNEL | GFP_ATOMIC and similar
// contradictions, __GFP_NOFAIL without direct reclaim.
// See docs/checks/gfp.flags.md.
//
//===----------------------------------------------------------------------===//
#include "checks/Check.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"

namespace kmodlint::gfp {

class FlagsCheck : public Check {
public:
  llvm::StringRef id() const override;
  llvm::StringRef summary() const override;
  // Below 80% true on held-out kernel code (docs/precision/README.md).
  bool enabledByDefault() const override { return false; }
  void onAllocation(const AllocationEvent &E, const PathState &S,
                    CheckContext &C) override;
};

llvm::StringRef FlagsCheck::id() const { return "gfp.flags"; }

llvm::StringRef FlagsCheck::summary() const {
  return "gfp flags the allocator does not support or that contradict "
         "each other";
}

/// The model's mask names the user wrote in the mask (`A | B`).
static llvm::SmallVector<llvm::StringRef, 4>
writtenMaskNames(const clang::Expr *Gfp, const clang::ASTContext &AST) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  writtenText(Gfp, AST).split(Parts, '|');
  for (llvm::StringRef &Part : Parts)
    Part = Part.trim(" \t\n()");
  return llvm::SmallVector<llvm::StringRef, 4>(Parts.begin(), Parts.end());
}

void FlagsCheck::onAllocation(const AllocationEvent &E, const PathState &S,
                                 CheckContext &C) {
  if (!E.Gfp || !E.GfpValue)
    return;
  uint64_t Mask = *E.GfpValue;
  bool Blocking = Mask & C.TU.GfpDirectReclaim;
  const AllocFamily *Family = E.Fn->Family;
  std::string Problem;
  if (Family && Family->NeedsDirectReclaim && !Blocking)
    Problem = llvm::formatv(
        "{0}() needs a GFP_KERNEL-compatible mask: without "
        "__GFP_DIRECT_RECLAIM (GFP_ATOMIC, GFP_NOWAIT) it is not supported{1}",
        E.Callee,
        Family->WithoutReclaim.empty() ? "" : " and " + Family->WithoutReclaim);
  const GfpModel &Names = C.TU.Model.gfp();
  bool SaysSleep = false, SaysAtomic = false;
  for (llvm::StringRef Name : writtenMaskNames(E.Gfp, C.TU.AST)) {
    SaysSleep |= Names.Sleeping.contains(Name);
    SaysAtomic |= Names.Atomic.contains(Name);
  }
  if (Problem.empty() && SaysSleep && SaysAtomic)
    Problem = "the gfp mask combines a sleeping (GFP_KERNEL-like) and an "
              "atomic (GFP_ATOMIC/GFP_NOWAIT) mask; pick the one the calling "
              "context allows";
  if (Problem.empty() && (Mask & C.TU.GfpNoFail) && !Blocking)
    Problem = "__GFP_NOFAIL without __GFP_DIRECT_RECLAIM cannot be honoured "
              "(the allocator warns and may fail); drop __GFP_NOFAIL or "
              "allow reclaim";
  if (Problem.empty())
    return;
  Finding F;
  F.Check = id().str();
  // Where the mask is written, even when a macro passed it on (6.10+
  // kvmalloc() is a macro over __kvmalloc_node_noprof()).
  F.Where = C.point(C.TU.AST.getSourceManager().getFileLoc(E.Gfp->getBeginLoc()));
  F.Message = Problem;
  F.FingerprintKey = E.Callee + "|" + std::to_string(Mask);
  C.report(std::move(F));
}

std::unique_ptr<Check> createFlagsCheck() {
  return std::make_unique<FlagsCheck>();
}

} // namespace kmodlint::gfp
