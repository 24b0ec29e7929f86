//===- GfpFlagsCheck.cpp --------------------------------------------------===//
#include "checks/GfpFlagsCheck.h"

#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"

namespace kmodlint {

llvm::StringRef GfpFlagsCheck::id() const { return "gfp.flags"; }

llvm::StringRef GfpFlagsCheck::summary() const {
  return "gfp flags the allocator does not support or that contradict "
         "each other";
}

/// The GFP_* macro names the user wrote in the mask.
static llvm::StringSet<> writtenFlags(const clang::Expr *Gfp,
                                      const clang::ASTContext &AST) {
  llvm::StringRef Text = writtenText(Gfp, AST);
  llvm::StringSet<> Flags;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Text.split(Parts, '|');
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim(" \t\n()");
    if (Part.starts_with("GFP_") || Part.starts_with("__GFP_"))
      Flags.insert(Part);
  }
  return Flags;
}

void GfpFlagsCheck::onAllocation(const AllocationEvent &E, const PathState &S,
                                 CheckContext &C) {
  if (!E.Gfp || !E.GfpValue)
    return;
  uint64_t Mask = *E.GfpValue;
  bool Blocking = Mask & C.TU.GfpDirectReclaim;
  const AllocFamily *Family = E.Fn->Family;
  std::string Problem;
  if (Family && (Family->Name == "kvmalloc" || Family->Name == "vmalloc") &&
      !Blocking)
    // 6.1:mm/util.c:547-553 (kvmalloc), mm/vmalloc.c:3201-3205 (__vmalloc).
    Problem = llvm::formatv(
        "{0}() needs a GFP_KERNEL-compatible mask: without "
        "__GFP_DIRECT_RECLAIM (GFP_ATOMIC, GFP_NOWAIT) it is not supported{1}",
        E.Callee,
        Family->Name == "kvmalloc"
            ? " and never falls back to vmalloc; use kmalloc() with this mask"
            : "");
  llvm::StringSet<> Flags = writtenFlags(E.Gfp, C.TU.AST);
  bool SaysSleep = Flags.contains("GFP_KERNEL") || Flags.contains("GFP_NOFS") ||
                   Flags.contains("GFP_NOIO") || Flags.contains("GFP_USER");
  bool SaysAtomic = Flags.contains("GFP_ATOMIC") || Flags.contains("GFP_NOWAIT");
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
  F.Where = C.point(E.Gfp->getBeginLoc());
  F.Message = Problem;
  F.FingerprintKey = E.Callee + "|" + std::to_string(Mask);
  C.report(std::move(F));
}

} // namespace kmodlint
