//===- Report.h - Render findings as text or JSON ----------------*- C++ -*-===//
#ifndef KMODLINT_ANALYZER_REPORT_H
#define KMODLINT_ANALYZER_REPORT_H

#include "analyzer/Finding.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace kmodlint {

enum class OutputFormat { Text, Json };

/// gcc style, which editors' quickfix and problem matchers read:
///   file:line:col: warning: message [check]
///   file:line:col: note: path step
void writeText(llvm::raw_ostream &OS, const std::vector<Finding> &Findings);

/// {"version": 1, "findings": [...]} with notes, fixes and fingerprints.
void writeJson(llvm::raw_ostream &OS, const std::vector<Finding> &Findings);

/// The findings that carry a fix, as clang-apply-replacements YAML (what
/// clang-tidy --export-fixes writes).
void writeExportedFixes(llvm::raw_ostream &OS,
                        const std::vector<Finding> &Findings);

} // namespace kmodlint

#endif
