//===- GitDiff.h - The lines a git diff touches -----------------*- C++ -*-===//
//
// --diff analyzes only the files a change touches and keeps only findings
// whose location or path touches a changed line: a pre-commit hook must
// speak about the commit, not about the whole file's history.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ANALYZER_GITDIFF_H
#define KMODLINT_ANALYZER_GITDIFF_H

#include "analyzer/support/Finding.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <string>
#include <utility>
#include <vector>

namespace kmodlint {

struct ChangedLines {
  std::string RepositoryRoot;
  /// Absolute path -> inclusive [first, last] line ranges of the new file.
  llvm::StringMap<std::vector<std::pair<unsigned, unsigned>>> Files;

  bool touchesFile(llvm::StringRef File) const;
  bool touches(const SourcePoint &P) const;
  /// The finding's location or one of its path notes is on a changed line.
  bool touches(const Finding &F) const;
};

/// Parses `git diff -U0` output; paths are made absolute under \p Root.
ChangedLines parseUnifiedDiff(llvm::StringRef Diff, llvm::StringRef Root);

/// Runs git in \p WorkDir: the staged changes when \p Base is empty, else
/// the changes from \p Base to the working tree.
llvm::Expected<ChangedLines> gitChangedLines(llvm::StringRef WorkDir,
                                             llvm::StringRef Base);

} // namespace kmodlint

#endif
