//===- ErrorPathLeakCheck.cpp ---------------------------------------------===//
//
// When a setup function fails, the kernel never calls its teardown: every
// resource it acquired on the path must be released before it returns the
// error, even those already stored in globals or in the driver data (devres
// frees only devm_ resources). What was handed to a callee is not
// reported: the callee may own it now.
//
//===----------------------------------------------------------------------===//
#include "checks/ErrorPathLeakCheck.h"
#include "analyzer/ModuleModel.h"
#include "checks/Ownership.h"

#include "llvm/Support/FormatVariadic.h"

namespace kmodlint {

llvm::StringRef ErrorPathLeakCheck::id() const { return "leak.error-path"; }

llvm::StringRef ErrorPathLeakCheck::summary() const {
  return "module_init or probe returns an error while still holding what "
         "it acquired";
}

void ErrorPathLeakCheck::onExit(const PathState &S, CheckContext &C) {
  if (!C.TU.Module)
    return;
  const LifecyclePair *Pair = C.TU.Module->setupPair(C.Function);
  if (!Pair)
    return;
  ExitKind Exit = classifyExit(S, C.Function, C.TU.AST);
  if (Exit.Kind != ExitKind::Error && Exit.Kind != ExitKind::CallStatus)
    return;
  llvm::DenseSet<ObjectId> Kept = keptObjects(S, /*CountStores=*/false);
  for (const auto &[Id, Obj] : S.Objects) {
    if (!isOwnedHere(Obj) || Kept.contains(Id) || Id == Exit.Guard)
      continue;
    Finding F;
    F.Check = id().str();
    clang::SourceLocation At =
        S.ReturnSite ? S.ReturnSite->getBeginLoc() : C.Function->getEndLoc();
    F.Where = C.point(At);
    std::string Returns =
        Exit.Kind == ExitKind::CallStatus
            ? llvm::formatv("returns the error of {0}()", Exit.FailingCall).str()
            : "returns " + Exit.ValueText;
    F.Message = llvm::formatv("{0} is not released when {1}() {2}",
                              describeObject(S, Id, Obj), C.functionName(),
                              Returns);
    F.Notes = C.objectHistory(Obj, S);
    if (!Obj.StoredIn.empty())
      F.Notes.push_back(
          {C.point(Obj.StoredLoc),
           llvm::formatv("stored in {0} here, but {1} teardown never runs "
                         "after a failed {2}",
                         Obj.StoredIn == "the driver data"
                             ? Obj.StoredIn
                             : "'" + Obj.StoredIn + "'",
                         Pair->TeardownRole, Pair->SetupRole)});
    if (Exit.Kind == ExitKind::CallStatus)
      F.Notes.push_back({C.point(At), llvm::formatv("assuming {0}() fails",
                                                    Exit.FailingCall)});
    F.FingerprintKey = Obj.AcquiredBy + "|" + Exit.ValueText + "|" +
                       PathEngine::spellingOf(S, Id);
    C.report(std::move(F));
  }
}

} // namespace kmodlint
