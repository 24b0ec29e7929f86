//===- CompilerFlags.h - Make Kbuild's gcc command lines clang's -*- C++ -*-===//
//
// Kbuild compiles with gcc. Its command lines carry options clang rejects and
// options that must never reach a checker (Kbuild's -Wp,-MMD dependency
// files). This is the one place that knows them.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ANALYZER_COMPILERFLAGS_H
#define KMODLINT_ANALYZER_COMPILERFLAGS_H

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace kmodlint {

struct SanitizedFlags {
  std::vector<std::string> Args;
  /// What was removed, for --verbose and for tests.
  std::vector<std::string> Dropped;
};

/// Removes gcc-only and harmful options from a compiler command line
/// (argv[0] first, as in a compilation database), and adds the options every
/// analysis wants (no warnings: only errors matter to the analysis).
SanitizedFlags sanitizeCompilerFlags(llvm::ArrayRef<std::string> CommandLine);

/// Whether \p Arg is one of the options we drop by name. Exposed for tests.
bool isKnownGccOnlyFlag(llvm::StringRef Arg);

} // namespace kmodlint

#endif
