//===- Finding.h - One reported problem --------------------------*- C++ -*-===//
//
// The single in-memory form of a finding. Text, JSON and SARIF are
// views of a list of these.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ANALYZER_FINDING_H
#define KMODLINT_ANALYZER_FINDING_H

#include "analyzer/support/SourcePoint.h"

#include <optional>
#include <tuple>
#include <string>
#include <vector>

namespace kmodlint {

/// Something a run says about its own completeness (a function the engine
/// did not walk completely): SARIF's toolExecutionNotifications.
struct ToolNotice {
  SourcePoint Where;
  std::string Message;
};

/// One step of the path that leads to a finding.
struct PathNote {
  SourcePoint Where;
  std::string Message;
};

/// A replacement of [Offset, Offset+Length) in File, clang-apply-replacements
/// style.
struct FixIt {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Replacement;
  std::string Description;
};

enum class Severity { Warning, Error };

struct Finding {
  std::string Check;
  Severity Level = Severity::Warning;
  SourcePoint Where;
  std::string Message;
  std::string Function; ///< the function the finding is in
  std::vector<PathNote> Notes;
  std::optional<FixIt> Fix;
  /// What identifies the finding independently of line numbers (function,
  /// check, involved expressions and calls); hashed into fingerprint().
  std::string FingerprintKey;

  std::string fingerprint() const;
};

/// Sorts by location, then check and message, and drops exact repeats, so
/// output is the same whatever the number of worker threads.
void sortAndUnique(std::vector<Finding> &Findings);

} // namespace kmodlint

#endif
