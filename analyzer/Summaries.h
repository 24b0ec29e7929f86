//===- Summaries.h - What a same-TU function does to its arguments -*- C++ -*-===//
//
// Function summaries let the engine follow a call into a helper defined in
// the same TU without re-walking it at every call site: which of its
// pointer parameters (or fields of them) it always releases, and which
// allocation family it returns. Computed on demand, memoized, with
// recursion cut (a function in its own call chain gets no summary).
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ANALYZER_SUMMARIES_H
#define KMODLINT_ANALYZER_SUMMARIES_H

#include "analyzer/PathEngine.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace kmodlint {

/// The helper releases what its parameter Param (through Fields) points to,
/// on every path that returns.
struct ParamRelease {
  unsigned Param = 0;
  llvm::SmallVector<const clang::FieldDecl *, 2> Fields;
  const ReleaseFunction *Release = nullptr;
  clang::SourceLocation Loc;
};

struct FunctionSummary {
  std::vector<ParamRelease> Releases;
  /// Set when every return hands back a fresh allocation of this family
  /// (or a failure value).
  const AllocFamily *ReturnedFamily = nullptr;
  std::string ReturnedAcquiredBy;
  clang::SourceLocation ReturnedAcquireLoc;
  FailureValue ReturnedFailure = FailureValue::Null;
};

class Summaries {
public:
  explicit Summaries(TranslationUnitContext &TU) : TU(TU) {}

  /// The summary of \p FD's definition, or null when it has no body in this
  /// TU or is being summarized further up the call chain.
  const FunctionSummary *get(const clang::FunctionDecl *FD);

private:
  TranslationUnitContext &TU;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionSummary>>
      Cache;
  llvm::DenseSet<const clang::FunctionDecl *> InProgress;
};

/// Parameters \p FD assigns to (or takes the address of): a release through
/// such a parameter does not release what the caller passed.
llvm::DenseSet<const clang::ParmVarDecl *>
reassignedParameters(const clang::FunctionDecl *FD);

} // namespace kmodlint

#endif
