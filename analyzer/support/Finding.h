//===- Finding.h - One reported problem --------------------------*- C++ -*-===//
//
// The single in-memory form of a finding. Text, JSON and SARIF are
// views of a list of these.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ANALYZER_FINDING_H
#define KMODLINT_ANALYZER_FINDING_H

#include "analyzer/support/SourcePoint.h"

#include "llvm/Support/JSON.h"

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
struct TextEdit {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Replacement;
};

/// One fix: every edit it needs, applied together or not at all (an
/// allocator and each of its releases replaced by the kvmalloc family's).
struct FixIt {
  std::string Description;
  std::vector<TextEdit> Edits;
};

/// Note is advice (alloc.high-order): editors and SARIF show it as such.
enum class Severity { Note, Warning, Error };

/// "note", "warning", "error": how text, JSON, SARIF and the config spell it.
llvm::StringRef severityName(Severity S);
/// The severity a config spells, if it is one.
std::optional<Severity> severityNamed(llvm::StringRef Name);

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

/// A file kmodlint could not analyze: what text, JSON and SARIF say about it.
struct UnitFailure {
  std::string File;
  std::string Reason;  ///< one sentence: "could not be parsed", "not analyzed: ..."
  std::string Details; ///< clang's errors, or what a crashed worker printed
  bool CompilerErrors = false; ///< Details are clang's diagnostics
};

/// "could not be parsed; compiler errors:\n..." / "not analyzed: ...": the
/// reason and, on the lines after it, the details.
std::string failureText(const UnitFailure &F);

/// ObjectMapper::map for an unsigned field (llvm::json reads only 64-bit
/// integers): false when it is missing, negative or too large.
bool mapUnsigned(llvm::json::ObjectMapper &O, llvm::StringLiteral Key,
                 unsigned &Out);

/// Findings as JSON and back, losslessly: how a worker process hands its
/// unit's findings to the process that reports them.
llvm::json::Value toJSON(const SourcePoint &P);
bool fromJSON(const llvm::json::Value &V, SourcePoint &P, llvm::json::Path Path);
llvm::json::Value toJSON(const PathNote &N);
bool fromJSON(const llvm::json::Value &V, PathNote &N, llvm::json::Path Path);
llvm::json::Value toJSON(const TextEdit &E);
bool fromJSON(const llvm::json::Value &V, TextEdit &E, llvm::json::Path Path);
llvm::json::Value toJSON(const FixIt &F);
bool fromJSON(const llvm::json::Value &V, FixIt &F, llvm::json::Path Path);
llvm::json::Value toJSON(const Finding &F);
bool fromJSON(const llvm::json::Value &V, Finding &F, llvm::json::Path Path);

/// Sorts by location, then check and message, and drops exact repeats, so
/// output is the same whatever the number of worker threads.
void sortAndUnique(std::vector<Finding> &Findings);

} // namespace kmodlint

#endif
