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
  const LifecyclePair *Pair = currentSetupPair(C);
  if (!Pair)
    return;
  ExitKind Exit = classifyExit(S, C.Function, C.TU.AST);
  if (Exit.Kind != ExitKind::Error && Exit.Kind != ExitKind::CallStatus)
    return;
  for (const auto &[Id, ObjPtr] : leakedAtExit(S, Exit, /*CountStores=*/false)) {
    const TrackedObject &Obj = *ObjPtr;
    Finding F = exitLeakFinding(id(), S, Id, Obj, Exit, C);
    clang::SourceLocation At =
        S.ReturnSite ? S.ReturnSite->getBeginLoc() : C.Function->getEndLoc();
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
    C.report(std::move(F));
  }
}

} // namespace kmodlint
