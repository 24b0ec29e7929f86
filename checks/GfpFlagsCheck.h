//===- GfpFlagsCheck.h ------------------------------------------*- C++ -*-===//
//
// gfp masks that cannot be right for the allocator they are given to:
// kvmalloc()/__vmalloc() without __GFP_DIRECT_RECLAIM (GFP_ATOMIC,
// GFP_NOWAIT are not supported), GFP_KERNEL | GFP_ATOMIC and similar
// contradictions, __GFP_NOFAIL without direct reclaim.
// See docs/checks/gfp.flags.md.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_CHECKS_GFPFLAGSCHECK_H
#define KMODLINT_CHECKS_GFPFLAGSCHECK_H

#include "checks/Check.h"

namespace kmodlint {

class GfpFlagsCheck : public Check {
public:
  llvm::StringRef id() const override;
  llvm::StringRef summary() const override;
  void onAllocation(const AllocationEvent &E, const PathState &S,
                    CheckContext &C) override;
};

} // namespace kmodlint

#endif
