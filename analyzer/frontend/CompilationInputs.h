//===- CompilationInputs.h - What to analyze and with which flags -*- C++ -*-===//
//
// The three ways a TU reaches kmodlint: a compile_commands.json (Kbuild's, via
// bear or scripts/clang-tools/gen_compile_commands.py), Kbuild's CHECK= hook,
// and a bare file analyzed against the bundled kernel headers.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ANALYZER_COMPILATIONINPUTS_H
#define KMODLINT_ANALYZER_COMPILATIONINPUTS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace kmodlint {

enum class InputMode {
  CompileDatabase, ///< compile_commands.json
  ExplicitFlags,   ///< file.c -- flags
  KbuildCheck,     ///< make C=1 CHECK="kmodlint --kbuild"
  BundledHeaders,  ///< no compile command: the bundled kernel API headers
};

llvm::StringRef describeInputMode(InputMode Mode);

/// One translation unit and the command that compiles it.
struct AnalysisUnit {
  std::string File;      ///< as the user or the database named it
  std::string Directory; ///< the compiler's working directory
  std::vector<std::string> CommandLine; ///< argv, compiler first, file included
  InputMode Mode = InputMode::CompileDatabase;
};

/// Reads BuildDir/compile_commands.json. With \p Files empty, every C entry
/// except Kbuild's generated *.mod.c; otherwise the entries for \p Files
/// (a file without an entry is an error naming it).
llvm::Expected<std::vector<AnalysisUnit>>
loadDatabaseUnits(llvm::StringRef BuildDir, llvm::ArrayRef<std::string> Files);

/// file.c -- <flags>, as clang-tidy takes it.
AnalysisUnit explicitFlagsUnit(llvm::StringRef File,
                               llvm::ArrayRef<std::string> Flags);

/// Kbuild runs "$(CHECK) $(CHECKFLAGS) $(c_flags) file.c" from the kernel
/// build directory: the last .c argument is the file, the rest are flags.
llvm::Expected<AnalysisUnit> kbuildCheckUnit(llvm::ArrayRef<std::string> Argv);

/// Where the bundled headers appear in the analysis's virtual file system.
constexpr llvm::StringLiteral BundledIncludeDir = "/__kmodlint__/include";

/// A file without a compile command, against the bundled kernel headers.
AnalysisUnit bundledHeadersUnit(llvm::StringRef File);

} // namespace kmodlint

#endif
