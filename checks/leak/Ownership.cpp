//===- Ownership.cpp - Who still owns an object when a function returns ---===//
#include "checks/leak/Ownership.h"
#include "analyzer/engine/ModuleModel.h"
#include "analyzer/engine/PathEngine.h"
#include "checks/Check.h"

#include "llvm/Support/FormatVariadic.h"

namespace kmodlint {

ExitKind classifyExit(const PathState &S, const clang::FunctionDecl *FD,
                      const clang::ASTContext &AST) {
  ExitKind Exit;
  if (FD->getReturnType()->isVoidType()) {
    Exit.Kind = ExitKind::Success;
    return Exit;
  }
  if (S.ReturnSite && S.ReturnSite->getRetValue())
    Exit.ValueText = expandedText(S.ReturnSite->getRetValue(), AST).str();
  bool Pointer = FD->getReturnType()->isPointerType();
  const Value &R = S.Returned;
  if (R.isObject()) {
    Exit.Kind = ExitKind::Success;
    return Exit;
  }
  if (!R.isInt())
    return Exit;
  IntKnowledge Known = R.Int.Known;
  if (isSubset(Known, IntKnowledge::Zero))
    Exit.Kind = Pointer ? ExitKind::Error : ExitKind::Success;
  else if (isSubset(Known, IntKnowledge::Negative))
    Exit.Kind = ExitKind::Error;
  else if (isSubset(Known, IntKnowledge::NonZero))
    Exit.Kind = Pointer ? ExitKind::Success : ExitKind::Error;
  else if (isSubset(Known, IntKnowledge::NonNegative))
    Exit.Kind = ExitKind::Success;
  else if (!R.Int.OriginCall.empty() && !Pointer) {
    Exit.Kind = ExitKind::CallStatus;
    Exit.FailingCall = R.Int.OriginCall;
    Exit.Guard = R.Int.Guards;
  }
  return Exit;
}

bool isOwnedHere(const TrackedObject &Obj) {
  return Obj.Status == ObjectStatus::Held && Obj.acquiredHere() &&
         !(Obj.Family && Obj.Family->Managed);
}

llvm::DenseSet<ObjectId> keptObjects(const PathState &S, bool CountStores) {
  llvm::DenseSet<ObjectId> Kept;
  for (const auto &[Id, Obj] : S.Objects) {
    if (!Obj.PassedTo.empty() || (CountStores && Obj.isStored()))
      Kept.insert(Id);
    if (CountStores && Obj.IsParameter)
      Kept.insert(Id); // the caller's object: what hangs off it is theirs
  }
  if (S.Returned.isObject())
    Kept.insert(S.Returned.Object);
  else if (S.Returned.isInt())
    Kept.insert(S.Returned.Int.DerivedFrom.begin(),
                S.Returned.Int.DerivedFrom.end());
  // A key-named resource is reachable by its key, and a registration that
  // returns only a status (register_chrdev()) by its family: outside a
  // failing setup, the module keeps them.
  if (CountStores)
    for (const auto &[Id, Obj] : S.Objects)
      if (Obj.Acquirer && (Obj.Acquirer->KeyArg ||
                           Obj.Acquirer->Returns != AcquireResult::Pointer))
        Kept.insert(Id);
  // Objects hang off other objects through field paths: priv->buf lives as
  // long as priv does.
  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (const auto &[Path, V] : S.Bindings) {
      llvm::SmallVector<ObjectId, 2> Values = V.objects();
      llvm::erase_if(Values, [&](ObjectId Id) { return Kept.contains(Id); });
      if (Values.empty())
        continue;
      bool Held = CountStores && (Path.isGlobal() ||
                                  (Path.isParameter() && !Path.Fields.empty()));
      for (size_t N = 0; !Held && N < Path.Fields.size(); ++N) {
        AccessPath Prefix;
        Prefix.Root = Path.Root;
        Prefix.Fields.assign(Path.Fields.begin(), Path.Fields.begin() + N);
        Value Owner = S.lookup(Prefix);
        Held = Owner.isObject() && Kept.contains(Owner.Object);
      }
      if (Held) {
        Kept.insert(Values.begin(), Values.end());
        Changed = true;
      }
    }
  }
  return Kept;
}

/// Fingerprints predate typed paths and spelled a path-less object "the
/// object"; keeping the text keeps users' baselines valid.
static std::string spellingForFingerprint(const PathState &S, ObjectId Id) {
  std::optional<AccessPath> Path = S.pathTo(Id);
  return Path ? Path->str() : "the object";
}

std::string describeObject(const PathState &S, ObjectId Id,
                           const TrackedObject &Obj) {
  std::string What = Obj.Family ? Obj.Family->Description : "resource";
  std::optional<AccessPath> Where = S.pathTo(Id);
  if (!Where)
    Where = Obj.KeyPath;
  std::string Text = llvm::formatv("{0} acquired by {1}()", What, Obj.AcquiredBy);
  if (Where)
    Text += llvm::formatv(" ('{0}')", Where->str()).str();
  return Text;
}

const LifecyclePair *currentSetupPair(const CheckContext &C) {
  return C.TU.Module && C.Function ? C.TU.Module->setupPair(C.Function)
                                   : nullptr;
}

/// What hangs off a leaked object (the rest of a lost list, reached only
/// as 'pl->next->next') leaks with it: one finding names the outermost.
static std::vector<std::pair<ObjectId, const TrackedObject *>>
withoutContents(const PathState &S,
                std::vector<std::pair<ObjectId, const TrackedObject *>> Leaked) {
  llvm::DenseSet<ObjectId> Ids;
  for (const auto &[Id, Obj] : Leaked)
    Ids.insert(Id);
  auto InsideAnother = [&](ObjectId Id) {
    bool Named = false;
    for (const auto &[P, V] : S.Bindings) {
      if (!V.isObject() || V.Object != Id)
        continue;
      Named = true;
      AccessPath Outer = P;
      bool Inside = false;
      while (!Inside && !Outer.Fields.empty()) {
        Outer.Fields.pop_back();
        Value Container = S.lookup(Outer);
        Inside = Container.isObject() && Container.Object != Id &&
                 Ids.contains(Container.Object);
      }
      if (!Inside)
        return false;
    }
    return Named;
  };
  llvm::erase_if(Leaked, [&](const auto &Entry) { return InsideAnother(Entry.first); });
  return Leaked;
}

std::vector<std::pair<ObjectId, const TrackedObject *>>
leakedAtExit(const PathState &S, const ExitKind &Exit, bool CountStores) {
  llvm::DenseSet<ObjectId> Kept = keptObjects(S, CountStores);
  std::vector<std::pair<ObjectId, const TrackedObject *>> Leaked;
  for (const auto &[Id, Obj] : S.Objects)
    // A status nothing has tested yet (register_chrdev(major, ...) != 0
    // may be success or failure) proves no acquisition.
    if (isOwnedHere(Obj) && !Kept.contains(Id) && Id != Exit.Guard &&
        !Obj.Pending && !(Obj.Family && Obj.Family->SelfReleasing))
      Leaked.push_back({Id, &Obj});
  return withoutContents(S, std::move(Leaked));
}

Finding exitLeakFinding(llvm::StringRef Check, const PathState &S,
                        ObjectId Id, const TrackedObject &Obj,
                        const ExitKind &Exit, CheckContext &C) {
  Finding F;
  F.Check = Check.str();
  clang::SourceLocation At =
      S.ReturnSite ? S.ReturnSite->getBeginLoc() : C.Function->getEndLoc();
  F.Where = C.point(At);
  std::string Returns =
      Exit.Kind == ExitKind::CallStatus
          ? llvm::formatv("returns the error of {0}()", Exit.FailingCall).str()
      : Exit.ValueText.empty() ? std::string("returns")
                               : "returns " + Exit.ValueText;
  F.Message = llvm::formatv("{0} is not released when {1}() {2}",
                            describeObject(S, Id, Obj), C.functionName(),
                            Returns);
  F.Notes = C.objectHistory(Obj, S);
  F.FingerprintKey = Obj.AcquiredBy + "|" + Exit.ValueText + "|" +
                     spellingForFingerprint(S, Id);
  return F;
}

} // namespace kmodlint
