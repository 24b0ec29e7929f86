//===- LocalCheck.cpp -----------------------------------------------------===//
//
// An object acquired in a function and lost on some path: the function
// returns, or its last pointer is overwritten, while nothing released it,
// stored it where it outlives the function, or handed it on.
// See docs/checks/leak.local.md.
//
// Failing setup functions (module_init, probe) are leak.error-path's: there
// even stored objects leak. Everywhere else, an object is lost when it is
// neither released nor kept.
//
//===----------------------------------------------------------------------===//
#include "checks/Check.h"
#include "checks/leak/Ownership.h"

#include "llvm/Support/FormatVariadic.h"

namespace kmodlint::leak {

class LocalCheck : public Check {
public:
  llvm::StringRef id() const override;
  llvm::StringRef summary() const override;
  // Below 80% true on held-out kernel code (docs/precision/README.md).
  bool enabledByDefault() const override { return false; }
  void onLost(const LostEvent &E, const PathState &S, CheckContext &C) override;
  void onExit(const PathState &S, CheckContext &C) override;
};

llvm::StringRef LocalCheck::id() const { return "leak.local"; }

llvm::StringRef LocalCheck::summary() const {
  return "memory or a resource acquired in a function and lost on one of "
         "its paths";
}

void LocalCheck::onLost(const LostEvent &E, const PathState &S,
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

void LocalCheck::onExit(const PathState &S, CheckContext &C) {
  ExitKind Exit = classifyExit(S, C.Function, C.TU.AST);
  bool SetupFailing = currentSetupPair(C) &&
                      (Exit.Kind == ExitKind::Error ||
                       Exit.Kind == ExitKind::CallStatus);
  if (SetupFailing)
    return; // leak.error-path's
  // A path that ends after the function returned what it acquired as a
  // call's status (`return misc_register(&m)`) passes that one on.
  if (Exit.Kind == ExitKind::CallStatus)
    Exit.Kind = ExitKind::Success;
  for (const auto &[Id, Obj] : leakedAtExit(S, Exit, /*CountStores=*/true))
    C.report(exitLeakFinding(id(), S, Id, *Obj, Exit, C));
}

std::unique_ptr<Check> createLocalCheck() {
  return std::make_unique<LocalCheck>();
}

} // namespace kmodlint::leak
