//===- CompilerFlags.cpp - Make Kbuild's gcc command lines clang's --------===//
#include "analyzer/frontend/CompilerFlags.h"

#include "clang/Driver/Options.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"

namespace kmodlint {

namespace {
// Options of gcc that clang does not accept, as Debian's 6.1 Kbuild passes
// them (arch/x86/Makefile, Makefile). Prefix entries end in '='.
constexpr llvm::StringLiteral GccOnlyPrefixes[] = {
    "-mpreferred-stack-boundary=", "-mindirect-branch=", "-fplugin=",
    "-fplugin-arg-", "-fmin-function-alignment=", "-fpatchable-function-entry=",
    "-mfunction-return=", "-fzero-call-used-regs=",
};
constexpr llvm::StringLiteral GccOnlyFlags[] = {
    "-mindirect-branch-register",
    "-fno-allow-store-data-races",
    "-fconserve-stack",
    "-mrecord-mcount",
    "-fno-var-tracking-assignments",
    "-fno-ipa-sra",
    "-mno-fp-ret-in-387",
    "-mskip-rax-setup",
    "-fno-tree-loop-im",
    "-fsanitize=bounds-strict",
    "-fno-stack-clash-protection",
    "-Wno-maybe-uninitialized",
    "-Wimplicit-fallthrough=5",
};
} // namespace

bool isKnownGccOnlyFlag(llvm::StringRef Arg) {
  for (llvm::StringRef Prefix : GccOnlyPrefixes)
    if (Arg.starts_with(Prefix))
      return true;
  return llvm::is_contained(GccOnlyFlags, Arg);
}

/// Options clang's driver does not know at all. Asking clang's own option
/// table keeps us correct for gcc flags nobody listed yet.
static llvm::StringSet<> unknownToClang(llvm::ArrayRef<std::string> Args) {
  std::vector<const char *> Argv;
  for (const std::string &A : Args.drop_front())
    Argv.push_back(A.c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  const llvm::opt::OptTable &Table = clang::driver::getDriverOptTable();
  llvm::opt::InputArgList Parsed = Table.ParseArgs(
      Argv, MissingIndex, MissingCount,
      llvm::opt::Visibility(clang::driver::options::ClangOption));
  llvm::StringSet<> Unknown;
  for (const llvm::opt::Arg *A :
       Parsed.filtered(clang::driver::options::OPT_UNKNOWN))
    Unknown.insert(A->getAsString(Parsed));
  return Unknown;
}

SanitizedFlags sanitizeCompilerFlags(llvm::ArrayRef<std::string> CommandLine) {
  SanitizedFlags Result;
  if (CommandLine.empty())
    return Result;
  llvm::StringSet<> Unknown = unknownToClang(CommandLine);
  Result.Args.push_back(CommandLine.front());
  for (size_t I = 1; I < CommandLine.size(); ++I) {
    llvm::StringRef Arg = CommandLine[I];
    // -Wp,-MMD,dir/.file.o.d would make us rewrite Kbuild's dependency file.
    bool Drop = Arg.starts_with("-Wp,") || isKnownGccOnlyFlag(Arg) ||
                Unknown.contains(Arg) ||
                // Warnings are not ours to report, and -Werror must not turn
                // one into a parse failure.
                Arg.starts_with("-Werror") ||
                // Sparse-only options from Kbuild's CHECKFLAGS.
                Arg.starts_with("--arch=") || Arg == "-Wbitwise" ||
                Arg == "-Wno-return-void" || Arg == "-Wno-unknown-attribute" ||
                Arg == "-D__STDC__";
    if (Drop)
      Result.Dropped.push_back(Arg.str());
    else
      Result.Args.push_back(Arg.str());
  }
  // gcc accepts these, clang does not know them all: keep analysis quiet.
  Result.Args.push_back("-w");
  Result.Args.push_back("-Wno-unknown-warning-option");
  return Result;
}

} // namespace kmodlint
