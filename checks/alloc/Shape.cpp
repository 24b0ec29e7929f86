//===- Shape.cpp - What the alloc.* checks share --------------------------===//
#include "checks/alloc/Shape.h"

#include "llvm/Support/MathExtras.h"

namespace kmodlint::alloc {

std::optional<WrittenAllocator> writtenAllocator(const clang::CallExpr *Call,
                                                 const CheckContext &C) {
  const ApiModel &Model = C.TU.Model;
  const clang::SourceManager &SM = C.TU.AST.getSourceManager();
  WrittenAllocator A;
  A.Call = Call;
  clang::SourceLocation Loc = SM.getExpansionLoc(Call->getBeginLoc());
  llvm::StringRef Written = C.tokenAt(Loc);
  llvm::StringRef Callee = PathEngine::calleeName(Call);
  if (const SizedAllocator *Shape = Model.sizedAllocator(Written)) {
    A.Name = Model.canonicalName(Written).str();
    A.NameLoc = Loc;
    A.Shape = Shape;
  } else if (const SizedAllocator *Shape = Model.sizedAllocator(Callee)) {
    A.Name = Model.canonicalName(Callee).str();
    A.Shape = Shape;
  } else {
    return std::nullopt;
  }
  return A;
}

std::optional<uint64_t> constantArg(const clang::CallExpr *Call,
                                    std::optional<unsigned> Arg,
                                    const clang::ASTContext &AST) {
  if (!Arg || *Arg >= Call->getNumArgs())
    return std::nullopt;
  clang::Expr::EvalResult Result;
  const clang::Expr *E = Call->getArg(*Arg);
  if (E->isValueDependent() || !E->EvaluateAsInt(Result, AST) ||
      Result.Val.getInt().isNegative())
    return std::nullopt;
  return Result.Val.getInt().getLimitedValue();
}

std::optional<uint64_t> constantBytes(const WrittenAllocator &A,
                                      const CheckContext &C) {
  auto Size = constantArg(A.Call, A.Shape->SizeArg, C.TU.AST);
  if (!Size)
    return std::nullopt;
  if (!A.Shape->CountArg)
    return Size;
  auto Count = constantArg(A.Call, A.Shape->CountArg, C.TU.AST);
  bool Overflowed = false;
  uint64_t Bytes = Count ? llvm::SaturatingMultiply(*Count, *Size, &Overflowed) : 0;
  if (!Count || Overflowed)
    return std::nullopt;
  return Bytes;
}

unsigned orderOf(uint64_t Bytes, unsigned PageShift) {
  uint64_t Pages = (Bytes + (uint64_t(1) << PageShift) - 1) >> PageShift;
  unsigned Order = 0;
  while ((uint64_t(1) << Order) < Pages && Order < 63)
    ++Order;
  return Order;
}

void ReleaseSites::onRelease(const ReleaseEvent &E) {
  if (!E.Object || !E.Object->acquiredHere())
    return;
  Releases &R = BySite[E.Object->AcquireLoc];
  if (!E.Call || !E.ViaHelper.empty())
    R.Unknown = true;
  else
    R.Calls.insert(E.Call);
}

void ReleaseSites::onExit(const PathState &S) {
  for (const auto &Entry : S.Objects) {
    const TrackedObject &Obj = Entry.second;
    if (!Obj.acquiredHere())
      continue;
    Releases &R = BySite[Obj.AcquireLoc];
    bool Kept = Obj.Status == ObjectStatus::Held && !Obj.MaybeNull;
    // Returning it (or a pointer into it) is an escape staysLocal() sees.
    if (Obj.escaped() || Kept)
      R.Unknown = true;
  }
}

std::optional<std::vector<const clang::CallExpr *>>
ReleaseSites::allReleases(clang::SourceLocation Site) const {
  auto It = BySite.find(Site);
  if (It == BySite.end() || It->second.Unknown || It->second.Calls.empty())
    return std::nullopt;
  std::vector<const clang::CallExpr *> Calls(It->second.Calls.begin(),
                                             It->second.Calls.end());
  // In source order: the set's order is the pointers', which differs
  // between runs.
  llvm::sort(Calls, [](const clang::CallExpr *A, const clang::CallExpr *B) {
    return A->getBeginLoc() < B->getBeginLoc();
  });
  return Calls;
}

std::optional<std::vector<TextEdit>>
swapFamilyEdits(const WrittenAllocator &A, llvm::StringRef NewAllocator,
                const ReleaseSites &Releases, const CheckContext &C) {
  const ApiModel &Model = C.TU.Model;
  const AcquireFunction *Old = Model.findAcquire(A.Name);
  const AcquireFunction *New = Model.findAcquire(NewAllocator);
  if (!Old || !New || !Old->Family || !New->Family || !A.NameLoc.isValid() ||
      Old->Family->Managed)
    return std::nullopt;
  // Only a local the function keeps to itself has all its releases here.
  const clang::ValueDecl *Holder =
      C.TU.Allocations ? C.TU.Allocations->destination(A.Call) : nullptr;
  const auto *Local = llvm::dyn_cast_or_null<clang::VarDecl>(Holder);
  if (!Local || !C.TU.Allocations->staysLocal(Local))
    return std::nullopt;
  const clang::SourceManager &SM = C.TU.AST.getSourceManager();
  auto Calls = Releases.allReleases(SM.getExpansionLoc(A.Call->getBeginLoc()));
  if (!Calls)
    return std::nullopt;
  std::vector<TextEdit> Edits;
  auto Rename = C.renameToken(A.NameLoc, NewAllocator);
  if (!Rename)
    return std::nullopt;
  Edits.push_back(*Rename);
  llvm::StringRef OldRelease = Old->Family->preferredRelease();
  llvm::StringRef NewRelease = New->Family->preferredRelease();
  for (const clang::CallExpr *Release : *Calls) {
    clang::SourceLocation Loc = SM.getExpansionLoc(Release->getBeginLoc());
    if (Model.canonicalName(C.tokenAt(Loc)) != OldRelease)
      return std::nullopt; // kfree_sensitive(), or a macro of the driver's
    auto Edit = C.renameToken(Loc, NewRelease);
    if (!Edit)
      return std::nullopt;
    Edits.push_back(*Edit);
  }
  return Edits;
}

} // namespace kmodlint::alloc
