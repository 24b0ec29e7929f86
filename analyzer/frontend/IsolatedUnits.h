//===- IsolatedUnits.h - One worker process per TU, within a budget -*- C++ -*-===//
//
// kmodlint runs unattended in CI and git hooks over code it has never seen.
// A TU that makes clang or the engine take minutes or gigabytes, or crash,
// must cost that TU only: each unit is analyzed by a child process forked
// for it, with a wall-time and a memory budget. The parent kills a child
// that runs out of time; a child that runs out of memory says so with its
// exit status; a crash is a signal. Either way the unit is reported as not
// analyzed, with one sentence, and the others go on.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ANALYZER_ISOLATEDUNITS_H
#define KMODLINT_ANALYZER_ISOLATEDUNITS_H

#include "analyzer/frontend/Analysis.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <functional>
#include <string>
#include <vector>

namespace kmodlint {

/// What one TU may cost; 0 is no limit.
struct UnitBudget {
  unsigned Seconds = 0; ///< wall time
  unsigned MiB = 0;     ///< memory (the worker's data segment)

  bool limited() const { return Seconds || MiB; }
};

/// The budget when neither the command line nor a config sets one.
inline constexpr UnitBudget DefaultUnitBudget{60, 2048};

/// The worker's exit status when an allocation failed: the memory budget.
inline constexpr int WorkerOutOfMemoryStatus = 3;

/// Analyzes unit I, with \p Options[I], in a child process forked for it
/// (it inherits the loaded model and configs), \p Parallel at a time,
/// within \p Budgets[I]. Results come back in the order of \p Units;
/// \p OnDone is called after each, from this thread. Call it while this
/// process has one thread: a fork copies only the calling thread.
std::vector<UnitResult>
analyzeUnitsIsolated(const std::vector<AnalysisUnit> &Units,
                     const std::vector<AnalysisOptions> &Options,
                     llvm::ArrayRef<UnitBudget> Budgets, unsigned Parallel,
                     std::function<void(const UnitResult &)> OnDone = nullptr);

} // namespace kmodlint

#endif
