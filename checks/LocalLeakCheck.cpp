//===- LocalLeakCheck.cpp -------------------------------------------------===//
//
// Failing setup functions (module_init, probe) are leak.error-path's: there
// even stored objects leak. Everywhere else, an object is lost when it is
// neither released nor kept.
//
//===----------------------------------------------------------------------===//
#include "checks/LocalLeakCheck.h"
#include "analyzer/ModuleModel.h"
#include "checks/Ownership.h"

#include "llvm/Support/FormatVariadic.h"

namespace kmodlint {

llvm::StringRef LocalLeakCheck::id() const { return "leak.local"; }

llvm::StringRef LocalLeakCheck::summary() const {
  return "memory or a resource acquired in a function and lost on one of "
         "its paths";
}

void LocalLeakCheck::onLost(const LostEvent &E, const PathState &S,
                            CheckContext &C) {
  const TrackedObject &Obj = *E.Object;
  Finding F;
  F.Check = id().str();
  F.Where = C.point(E.Where->getBeginLoc());
  F.Message = llvm::formatv(
      "{0} acquired by {1}() is lost when '{2}' is overwritten",
      Obj.Family ? Obj.Family->Description : "resource", Obj.AcquiredBy,
      E.Spelling);
  F.Notes = C.objectHistory(Obj, S);
  F.FingerprintKey = "overwritten|" + E.Spelling + "|" + Obj.AcquiredBy;
  C.report(std::move(F));
}

void LocalLeakCheck::onExit(const PathState &S, CheckContext &C) {
  ExitKind Exit = classifyExit(S, C.Function, C.TU.AST);
  bool SetupFailing = C.TU.Module && C.TU.Module->setupPair(C.Function) &&
                      (Exit.Kind == ExitKind::Error ||
                       Exit.Kind == ExitKind::CallStatus);
  if (SetupFailing)
    return; // leak.error-path's
  llvm::DenseSet<ObjectId> Kept = keptObjects(S, /*CountStores=*/true);
  for (const auto &[Id, Obj] : S.Objects) {
    if (!isOwnedHere(Obj) || Kept.contains(Id) || Id == Exit.Guard)
      continue;
    Finding F;
    F.Check = id().str();
    clang::SourceLocation At =
        S.ReturnSite ? S.ReturnSite->getBeginLoc() : C.Function->getEndLoc();
    F.Where = C.point(At);
    std::string Returns =
        Exit.ValueText.empty() ? std::string("returns")
                               : "returns " + Exit.ValueText;
    F.Message = llvm::formatv("{0} is not released when {1}() {2}",
                              describeObject(S, Id, Obj), C.functionName(),
                              Returns);
    F.Notes = C.objectHistory(Obj, S);
    F.FingerprintKey = Obj.AcquiredBy + "|" + Exit.ValueText + "|" +
                       PathEngine::spellingOf(S, Id);
    C.report(std::move(F));
  }
}

} // namespace kmodlint
