//===- SmallVmallocCheck.cpp ----------------------------------------------===//
//
// vmalloc() of less than a page: vmalloc rounds every request up to whole
// pages, maps them into the vmalloc area (a page-table update and a TLB
// entry per page) and returns memory kmalloc() would have given from a
// slab. See docs/checks/alloc.small-vmalloc.md.
//
//===----------------------------------------------------------------------===//
#include "checks/alloc/Shape.h"

#include "llvm/Support/FormatVariadic.h"

namespace kmodlint::alloc {

class SmallVmallocCheck : public FamilySwapCheck {
public:
  llvm::StringRef id() const override { return "alloc.small-vmalloc"; }
  // On by default: all true on held-out kernel code
  // (docs/precision/2026-12-03-alloc-round1.md).
  llvm::StringRef summary() const override {
    return "vmalloc() of less than a page, where kmalloc() would do";
  }
  void onAllocation(const AllocationEvent &E, const PathState &S,
                    CheckContext &C) override;
  void onTranslationUnitEnd(CheckContext &C) override;

private:
  struct Candidate {
    WrittenAllocator Allocator;
    uint64_t Bytes = 0;
    std::string Function;
  };
  std::optional<FixIt> fix(const WrittenAllocator &A, CheckContext &C) const;

  llvm::SmallPtrSet<const clang::CallExpr *, 8> Seen;
  std::vector<Candidate> Candidates;
};

void SmallVmallocCheck::onAllocation(const AllocationEvent &E,
                                     const PathState &S, CheckContext &C) {
  if (!Seen.insert(E.Call).second || !C.TU.Allocations)
    return;
  auto A = writtenAllocator(E.Call, C);
  if (!A || A->Shape->Kind != AllocatorKind::Virtual)
    return;
  auto Bytes = constantBytes(*A, C);
  if (!Bytes || *Bytes == 0 || *Bytes >= (uint64_t(1) << C.TU.PageShift))
    return;
  // remap_vmalloc_range(), vmalloc_to_page() need vmalloc memory.
  if (const clang::ValueDecl *Holder = C.TU.Allocations->destination(E.Call);
      Holder && C.TU.Allocations->vmallocNeed(Holder))
    return;
  Candidates.push_back({*A, *Bytes, C.functionName()});
}

/// vzalloc(n) -> kzalloc(n, GFP_KERNEL) and each vfree() -> kfree().
std::optional<FixIt> SmallVmallocCheck::fix(const WrittenAllocator &A,
                                            CheckContext &C) const {
  const AcquireFunction *Old = C.TU.Model.findAcquire(A.Name);
  const AcquireFunction *New = C.TU.Model.findAcquire(A.Shape->Small);
  if (A.Shape->Small.empty() || !Old || !New)
    return std::nullopt;
  auto Edits = swapFamilyEdits(A, A.Shape->Small, Releases, C);
  if (!Edits)
    return std::nullopt;
  if (!Old->GfpArg && New->GfpArg) {
    // The mask goes before the closing parenthesis the source writes.
    const clang::SourceManager &SM = C.TU.AST.getSourceManager();
    clang::SourceLocation Close =
        SM.getExpansionRange(A.Call->getRParenLoc()).getEnd();
    if (Close.isInvalid() || Close.isMacroID())
      return std::nullopt;
    Edits->push_back({SM.getFilename(Close).str(), SM.getFileOffset(Close), 0,
                      ", " + C.TU.Model.allocationShape().SmallMask});
  }
  std::string Release = New->Family->preferredRelease().str();
  return FixIt{llvm::formatv("use {0}() and release it with {1}()",
                             A.Shape->Small, Release)
                   .str(),
               std::move(*Edits)};
}

void SmallVmallocCheck::onTranslationUnitEnd(CheckContext &C) {
  for (const Candidate &Cand : Candidates) {
    const WrittenAllocator &A = Cand.Allocator;
    Finding F;
    F.Check = id().str();
    F.Level = Severity::Note;
    F.Function = Cand.Function;
    F.Where = C.point(A.Call->getBeginLoc());
    F.Message = llvm::formatv(
        "{0}() of {1} bytes: vmalloc maps whole pages into the vmalloc area "
        "(a {2}-byte page, page tables and a TLB entry for this); {3} "
        "would serve it from a slab",
        A.Name, Cand.Bytes, uint64_t(1) << C.TU.PageShift,
        A.Shape->Small.empty() ? std::string("kmalloc()") : A.Shape->Small + "()");
    F.Fix = fix(A, C);
    F.FingerprintKey = A.Name + "|" + std::to_string(Cand.Bytes);
    C.report(std::move(F));
  }
  Candidates.clear();
}

std::unique_ptr<Check> createSmallVmallocCheck() {
  return std::make_unique<SmallVmallocCheck>();
}

} // namespace kmodlint::alloc
