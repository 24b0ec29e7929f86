//===- Analysis.h - Parse translation units and run the checks --*- C++ -*-===//
#ifndef KMODLINT_ANALYZER_ANALYSIS_H
#define KMODLINT_ANALYZER_ANALYSIS_H

#include "analyzer/frontend/CompilationInputs.h"
#include "analyzer/support/Finding.h"
#include "analyzer/model/ApiModel.h"
#include <functional>
#include <string>
#include <vector>

namespace kmodlint {

struct AnalysisOptions {
  const ApiModel *Model = nullptr; ///< defaults to ApiModel::builtin()
  /// clang-tidy style globs: "*", "-release.use-after-free", "release.*".
  std::vector<std::string> CheckFilters;
  /// Overrides LINUX_VERSION_CODE of every TU (0: use the TU's own).
  unsigned KernelVersionOverride = 0;
  /// Report suppression comments of the main file that suppressed nothing.
  bool ReportUnusedSuppressions = false;
};

/// A function the engine did not walk completely: findings on the paths it
/// left out are missing (said under --verbose and in SARIF's notifications).
struct IncompleteFunction {
  std::string Function;
  SourcePoint Where;
  unsigned DroppedPaths = 0; ///< past the per-block state bound
  bool OutOfBudget = false;  ///< the block-visit budget ran out
  bool TooLarge = false;     ///< not walked: EngineLimits::MaxStatementsPerFunction
};

struct UnitResult {
  std::string File;
  InputMode Mode = InputMode::CompileDatabase;
  /// Not analyzed: clang rejected it (FailureReason empty, FailureDetails
  /// clang's errors), or FailureReason says why (an empty command line, a
  /// budget exceeded, a crash).
  bool Failed = false;
  std::string FailureReason;
  std::string FailureDetails;
  unsigned KernelVersion = 0; ///< what the TU's LINUX_VERSION_CODE was
  std::vector<std::string> DroppedFlags;
  std::vector<Finding> Findings;
  std::vector<IncompleteFunction> Incomplete;
  unsigned Suppressed = 0; ///< findings an inline comment suppressed
  double Seconds = 0;
  uint64_t PeakMemoryKiB = 0; ///< the worker's peak RSS (isolated runs only)

  /// How text, JSON and SARIF name this unit's failure.
  UnitFailure failure(llvm::StringRef Path) const;
};

llvm::json::Value toJSON(const IncompleteFunction &I);
bool fromJSON(const llvm::json::Value &V, IncompleteFunction &I,
              llvm::json::Path Path);
/// A unit's result as JSON and back (worker processes report this way).
llvm::json::Value toJSON(const UnitResult &R);
bool fromJSON(const llvm::json::Value &V, UnitResult &R, llvm::json::Path Path);

/// Whether check \p Id passes \p Filters (later entries win; '-' excludes),
/// starting from \p ByDefault: a check that is off by default runs only
/// when a filter names it ("*" or "leak.local").
bool isCheckEnabled(llvm::StringRef Id, llvm::ArrayRef<std::string> Filters,
                    bool ByDefault = true);

/// The clang command line kmodlint parses \p Unit with: sanitized Kbuild
/// flags, -fsyntax-only, no output or dependency files.
std::vector<std::string> clangArguments(const AnalysisUnit &Unit);

UnitResult analyzeUnit(const AnalysisUnit &Unit, const AnalysisOptions &Options);

/// Analyzes \p Units on \p Jobs threads (0: one per core), unit I with
/// \p Options[I] (its own config). Results come back in the order of
/// \p Units, whatever the scheduling. \p OnDone, when given, is called
/// after each unit, one call at a time (progress display).
std::vector<UnitResult>
analyzeUnits(const std::vector<AnalysisUnit> &Units,
             const std::vector<AnalysisOptions> &Options, unsigned Jobs,
             std::function<void(const UnitResult &)> OnDone = nullptr);

} // namespace kmodlint

#endif
