//===- Shape.h - What the alloc.* checks share ---------------*- C++ -*-===//
//
// The allocator a call is written with, the size it asks for when that is a
// constant, and the fix-its that swap an allocator together with every one
// of its releases.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_CHECKS_ALLOC_SHAPE_H
#define KMODLINT_CHECKS_ALLOC_SHAPE_H

#include "checks/Check.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace kmodlint::alloc {

/// An allocation call as the source writes it: 6.12's kcalloc() is a macro
/// over kmalloc_array_noprof(), and the fix must rename what the user wrote.
struct WrittenAllocator {
  const clang::CallExpr *Call = nullptr;
  /// The name the source spells ("kcalloc"), or the callee's when the call
  /// sits inside a macro of the driver's own.
  std::string Name;
  /// The token to rename in a fix; invalid when the source does not spell
  /// Name there.
  clang::SourceLocation NameLoc;
  const SizedAllocator *Shape = nullptr;
};

std::optional<WrittenAllocator> writtenAllocator(const clang::CallExpr *Call,
                                                 const CheckContext &C);

/// Argument \p Arg of \p Call when it is a non-negative constant.
std::optional<uint64_t> constantArg(const clang::CallExpr *Call,
                                    std::optional<unsigned> Arg,
                                    const clang::ASTContext &AST);

/// The bytes \p A asks for, when its size (and count) are constants.
std::optional<uint64_t> constantBytes(const WrittenAllocator &A,
                                      const CheckContext &C);

/// The page order a byte size needs, as get_order() computes it.
unsigned orderOf(uint64_t Bytes, unsigned PageShift);

/// The releases of the objects allocated at each site, collected from the
/// engine's events: a fix that changes an allocator's family must change
/// every release too, so it is offered only when the object stays in its
/// function and each release is a direct call the fix can rename.
class ReleaseSites {
public:
  void onRelease(const ReleaseEvent &E);
  void onExit(const PathState &S);
  /// Every release of what \p Site allocates, or nothing when they are not
  /// all known (the object escaped, a helper released it, a path kept it).
  std::optional<std::vector<const clang::CallExpr *>>
  allReleases(clang::SourceLocation Site) const;

private:
  struct Releases {
    llvm::SmallPtrSet<const clang::CallExpr *, 2> Calls;
    bool Unknown = false;
  };
  llvm::DenseMap<clang::SourceLocation, Releases> BySite;
};

/// A check whose fixes swap an allocator's family: it hears every path's
/// releases and exits, so that swapFamilyEdits() knows all the releases.
class FamilySwapCheck : public Check {
public:
  bool needsAllocationUses() const override { return true; }
  void onRelease(const ReleaseEvent &E, const PathState &S,
                 CheckContext &C) override {
    Releases.onRelease(E);
  }
  void onExit(const PathState &S, CheckContext &C) override {
    Releases.onExit(S);
  }

protected:
  ReleaseSites Releases;
};

/// The edits that swap \p A's allocator for \p NewAllocator and each of its
/// releases (the old family's preferred release) for the new family's; none
/// unless all of them can be made.
std::optional<std::vector<TextEdit>>
swapFamilyEdits(const WrittenAllocator &A, llvm::StringRef NewAllocator,
                const ReleaseSites &Releases, const CheckContext &C);

} // namespace kmodlint::alloc

#endif
