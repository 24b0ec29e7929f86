//===- Report.h - Render findings as text or JSON ----------------*- C++ -*-===//
#ifndef KMODLINT_ANALYZER_REPORT_H
#define KMODLINT_ANALYZER_REPORT_H

#include "analyzer/support/Finding.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <utility>
#include <vector>

namespace kmodlint {

enum class OutputFormat { Text, Json, Sarif };

/// What a SARIF rule says about a check.
struct RuleInfo {
  std::string Id;
  std::string Summary;
  std::string HelpMarkdown; ///< the check's documentation page

  /// The page's "What it finds" paragraph, as plain text; the summary when
  /// the page has none.
  std::string fullDescription() const;
};

/// gcc style, which editors' quickfix and problem matchers read:
///   file:line:col: warning: message [check]
///   file:line:col: note: path step
void writeText(llvm::raw_ostream &OS, const std::vector<Finding> &Findings);

/// {"version": 1, "findings": [...], "failures": [...]} with notes, fixes
/// and fingerprints; failures are the files that could not be analyzed
/// (file, compiler errors).
void writeJson(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
               llvm::ArrayRef<UnitFailure> Failures = {});

/// SARIF 2.1.0: one run with \p Rules and a result per finding, its path as
/// a code flow, its fingerprint and fix (SarifReport.cpp).
/// \p Failures are the files kmodlint could not analyze (file, compiler
/// errors): the run's invocation reports them, so a CI view shows that the
/// results are incomplete.
/// \p Notices (functions not analyzed completely) become warning
/// notifications with their location.
void writeSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                llvm::ArrayRef<RuleInfo> Rules, llvm::StringRef ToolVersion,
                llvm::ArrayRef<UnitFailure> Failures,
                llvm::ArrayRef<ToolNotice> Notices = {});

/// The findings that carry a fix, as clang-apply-replacements YAML (what
/// clang-tidy --export-fixes writes).
void writeExportedFixes(llvm::raw_ostream &OS,
                        const std::vector<Finding> &Findings);

} // namespace kmodlint

#endif
