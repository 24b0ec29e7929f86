//===- Check.h - The interface every kmodlint check implements --*- C++ -*-===//
//
// A check listens to the engine's events on one function at a time and
// decides what is a bug. It never walks code itself: the engine already
// knows which object a pointer is, where it came from and what happened to
// it on the path.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_CHECKS_CHECK_H
#define KMODLINT_CHECKS_CHECK_H

#include "analyzer/support/Finding.h"
#include "analyzer/engine/AllocationUses.h"
#include "analyzer/engine/ModuleModel.h"
#include "analyzer/engine/PathEngine.h"
#include "analyzer/engine/Summaries.h"
#include <memory>
#include <vector>

namespace kmodlint {

/// What a check needs to word a finding: locations, path notes, the sink.
class CheckContext {
public:
  CheckContext(TranslationUnitContext &TU, std::vector<Finding> &Sink)
      : TU(TU), Sink(Sink) {}

  TranslationUnitContext &TU;
  const clang::FunctionDecl *Function = nullptr;

  SourcePoint point(clang::SourceLocation Loc) const;
  /// The allocation or first sighting of \p Obj, and the branch
  /// assumptions taken on the path since.
  std::vector<PathNote> objectHistory(const TrackedObject &Obj,
                                      const PathState &State) const;
  std::string functionName() const;
  /// Everything \p Pair's teardowns (and the helpers they call) may
  /// release, from the engine's summaries.
  std::vector<ReleasedLocation> teardownReleases(const LifecyclePair &Pair) const;
  void report(Finding F);

  /// The token the file has at \p Loc; empty for a macro location.
  llvm::StringRef tokenAt(clang::SourceLocation Loc) const;
  /// An edit renaming that token (a callee, a mask macro) to \p Name.
  std::optional<TextEdit> renameToken(clang::SourceLocation Loc,
                                      llvm::StringRef Name) const;

private:
  std::vector<Finding> &Sink;
};

class Check {
public:
  virtual ~Check();
  /// The id users enable, disable and suppress: "release.mismatch".
  virtual llvm::StringRef id() const = 0;
  virtual llvm::StringRef summary() const = 0;
  /// Whether it runs without being named in `checks:` / --checks. Off for
  /// a check whose precision on held-out kernel code is below 80%
  /// (docs/precision/): a user enables it knowing what it costs.
  virtual bool enabledByDefault() const { return true; }
  /// Whether it reads TranslationUnitContext::Allocations: the index costs
  /// a walk of the TU (and of the header functions it calls), paid only
  /// when a check that reads it runs.
  virtual bool needsAllocationUses() const { return false; }
  virtual void onRelease(const ReleaseEvent &E, const PathState &S,
                         CheckContext &C) {}
  virtual void onUse(const UseEvent &E, const PathState &S, CheckContext &C) {}
  virtual void onLost(const LostEvent &E, const PathState &S, CheckContext &C) {}
  virtual void onSleep(const SleepEvent &E, const PathState &S, CheckContext &C) {}
  virtual void onAllocation(const AllocationEvent &E, const PathState &S,
                            CheckContext &C) {}
  virtual void onExit(const PathState &S, CheckContext &C) {}
  /// Every function of the TU has been analyzed.
  virtual void onTranslationUnitEnd(CheckContext &C) {}
};

/// Every check kmodlint has, in a stable order (checks/CheckList.def).
std::vector<std::unique_ptr<Check>> createAllChecks();

// One factory per check, defined next to the check's class.
#define KMODLINT_CHECK(Category, Class)                                        \
  namespace Category {                                                         \
  std::unique_ptr<Check> create##Class();                                      \
  }
#include "checks/CheckList.def"

/// The id of the pseudo-check that reports stale suppressions.
inline constexpr llvm::StringLiteral UnusedSuppressionCheck = "suppression.unused";

/// Every id a user may name: the checks and suppression.unused.
std::vector<std::string> knownCheckIds();

/// Checks a clang-tidy style glob list ("*,-atomic.*"): each glob must
/// parse and match at least one known check, so a misspelt check name is
/// an error instead of a silently ignored setting. The message names the
/// glob; the caller adds where it came from.
llvm::Error validateCheckGlob(llvm::StringRef Glob);

/// Fans the engine's events out to a set of checks.
class CheckDispatcher : public EngineListener {
public:
  CheckDispatcher(llvm::ArrayRef<Check *> Checks, CheckContext &Context)
      : Checks(Checks), Context(Context) {}
  void onRelease(const ReleaseEvent &E, const PathState &S) override;
  void onUse(const UseEvent &E, const PathState &S) override;
  void onLost(const LostEvent &E, const PathState &S) override;
  void onSleep(const SleepEvent &E, const PathState &S) override;
  void onAllocation(const AllocationEvent &E, const PathState &S) override;
  void onExit(const PathState &S) override;

private:
  llvm::ArrayRef<Check *> Checks;
  CheckContext &Context;
};

} // namespace kmodlint

#endif
