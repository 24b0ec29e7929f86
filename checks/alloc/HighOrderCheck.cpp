//===- HighOrderCheck.cpp -------------------------------------------------===//
//
// Physically contiguous allocations above PAGE_ALLOC_COSTLY_ORDER: a
// kmalloc() of more than 32 KiB (4 KiB pages) or alloc_pages() of order 4+
// works on a fresh boot and fails, or stalls in compaction, once memory is
// fragmented. When nothing in the TU needs the memory to be contiguous
// (no DMA mapping, scatterlist, URB buffer or physical address of it), the
// kvmalloc family would do. See docs/checks/alloc.high-order.md.
//
//===----------------------------------------------------------------------===//
#include "checks/alloc/Shape.h"

#include "llvm/Support/FormatVariadic.h"

namespace kmodlint::alloc {

class HighOrderCheck : public FamilySwapCheck {
public:
  llvm::StringRef id() const override { return "alloc.high-order"; }
  // On by default: all true on held-out kernel code
  // (docs/precision/2026-12-03-alloc-round1.md).
  llvm::StringRef summary() const override {
    return "physically contiguous allocations above the costly order where "
           "kvmalloc() would do";
  }
  void onAllocation(const AllocationEvent &E, const PathState &S,
                    CheckContext &C) override;
  void onTranslationUnitEnd(CheckContext &C) override;

private:
  struct Candidate {
    WrittenAllocator Allocator;
    std::string Function;
    std::string Problem;
  };
  /// Why \p A (a contiguous allocator) is worth a note, or "" when it is not.
  std::string contiguousProblem(const WrittenAllocator &A,
                                const AllocationEvent &E, CheckContext &C);
  std::string pagesProblem(const WrittenAllocator &A, const AllocationEvent &E,
                           CheckContext &C);
  void report(const Candidate &Cand, CheckContext &C);

  llvm::SmallPtrSet<const clang::CallExpr *, 8> Seen;
  std::vector<Candidate> Candidates;
};

static std::string kib(uint64_t Bytes) {
  return Bytes % 1024 == 0 ? llvm::formatv("{0} KiB", Bytes / 1024).str()
                           : llvm::formatv("{0} bytes", Bytes).str();
}

std::string HighOrderCheck::contiguousProblem(const WrittenAllocator &A,
                                              const AllocationEvent &E,
                                              CheckContext &C) {
  auto Bytes = constantBytes(A, C);
  uint64_t Costly = uint64_t(1) << (C.TU.PageShift + C.TU.CostlyOrder);
  if (!Bytes || *Bytes <= Costly)
    return {};
  // GFP_DMA/GFP_DMA32 ask for memory a device addresses physically;
  // without direct reclaim kvmalloc() is kmalloc() (6.1:mm/util.c:547-553).
  if (!E.GfpValue || (*E.GfpValue & C.TU.GfpDmaZones) ||
      !(*E.GfpValue & C.TU.GfpDirectReclaim))
    return {};
  return llvm::formatv("{0}() of {1} needs an order-{2} physically contiguous "
                       "block, above PAGE_ALLOC_COSTLY_ORDER ({3}): once memory "
                       "is fragmented it can fail or stall in compaction",
                       A.Name, kib(*Bytes), orderOf(*Bytes, C.TU.PageShift),
                       C.TU.CostlyOrder);
}

std::string HighOrderCheck::pagesProblem(const WrittenAllocator &A,
                                         const AllocationEvent &E,
                                         CheckContext &C) {
  auto Order = constantArg(A.Call, A.Shape->OrderArg, C.TU.AST);
  if (!Order || *Order <= C.TU.CostlyOrder || *Order >= 64 - C.TU.PageShift)
    return {};
  // __GFP_NOFAIL, __GFP_RETRY_MAYFAIL, __GFP_NORETRY or __GFP_NOWARN: the
  // caller thought about failure; without direct reclaim the allocation
  // is opportunistic. A mask that is not a constant may say either.
  uint64_t Mask = E.GfpValue.value_or(0);
  if (!E.GfpValue || (Mask & (C.TU.GfpNoFail | C.TU.GfpFailureExpected)) ||
      !(Mask & C.TU.GfpDirectReclaim))
    return {};
  uint64_t N = *Order;
  return llvm::formatv("{0}() of order {1} ({2}) is above "
                       "PAGE_ALLOC_COSTLY_ORDER ({3}) and may fail once memory "
                       "is fragmented; nothing falls back on failure and the "
                       "mask says neither __GFP_NOFAIL nor that failure is "
                       "expected (__GFP_RETRY_MAYFAIL, __GFP_NORETRY, "
                       "__GFP_NOWARN)",
                       A.Name, N, kib(uint64_t(1) << (C.TU.PageShift + N)),
                       C.TU.CostlyOrder);
}

void HighOrderCheck::onAllocation(const AllocationEvent &E, const PathState &S,
                                  CheckContext &C) {
  if (!Seen.insert(E.Call).second)
    return;
  auto A = writtenAllocator(E.Call, C);
  if (!A || !C.TU.Allocations)
    return;
  std::string Problem;
  if (A->Shape->Kind == AllocatorKind::Contiguous)
    Problem = contiguousProblem(*A, E, C);
  else if (A->Shape->Kind == AllocatorKind::Pages)
    Problem = pagesProblem(*A, E, C);
  if (Problem.empty())
    return;
  // Where the memory goes must be known, and nothing there may need it
  // contiguous; a second allocation into the same place is a fallback.
  // Pages are asked for as pages: only the fallback matters for them.
  const clang::ValueDecl *Holder = C.TU.Allocations->destination(E.Call);
  bool Pages = A->Shape->Kind == AllocatorKind::Pages;
  if ((!Pages && (!Holder || C.TU.Allocations->contiguousNeed(Holder))) ||
      C.TU.Allocations->hasFallback(E.Call))
    return;
  Candidates.push_back({*A, C.functionName(), std::move(Problem)});
}

void HighOrderCheck::report(const Candidate &Cand, CheckContext &C) {
  const WrittenAllocator &A = Cand.Allocator;
  Finding F;
  F.Check = id().str();
  F.Level = Severity::Note;
  F.Function = Cand.Function;
  F.Where = C.point(A.Call->getBeginLoc());
  F.Message = Cand.Problem;
  if (!A.Shape->Virtual.empty()) {
    F.Message += llvm::formatv("; nothing here needs it contiguous (no DMA "
                               "mapping, scatterlist or URB buffer), so "
                               "{0}() would do",
                               A.Shape->Virtual);
    if (auto Edits = swapFamilyEdits(A, A.Shape->Virtual, Releases, C))
      F.Fix = FixIt{llvm::formatv("use {0}() and release it with {1}()",
                                  A.Shape->Virtual,
                                  C.TU.Model.findAcquire(A.Shape->Virtual)
                                      ->Family->preferredRelease())
                        .str(),
                    std::move(*Edits)};
  } else if (const AcquireFunction *Fn = C.TU.Model.findAcquire(A.Name);
             Fn && Fn->Family && Fn->Family->Managed) {
    F.Message += "; devres has no kvmalloc variant: kvzalloc() released with "
                 "kvfree() on remove would do, if nothing needs it contiguous";
  }
  F.FingerprintKey = A.Name + "|" + Cand.Problem;
  C.report(std::move(F));
}

void HighOrderCheck::onTranslationUnitEnd(CheckContext &C) {
  for (const Candidate &Cand : Candidates)
    report(Cand, C);
  Candidates.clear();
}

std::unique_ptr<Check> createHighOrderCheck() {
  return std::make_unique<HighOrderCheck>();
}

} // namespace kmodlint::alloc
