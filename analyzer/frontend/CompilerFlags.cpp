//===- CompilerFlags.cpp - Make Kbuild's gcc command lines clang's --------===//
#include "analyzer/frontend/CompilerFlags.h"

#include "clang/Driver/Options.h"
#include "llvm/ADT/DenseSet.h"
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
    // amdgpu's display FPU code (CC_FLAGS_FPU): clang's driver knows it
    // but rejects it for x86_64.
    "-mhard-float",
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

/// \p Argv as clang's driver (or, with CC1Option, its cc1) option table
/// reads it.
static llvm::opt::InputArgList parseWithClangTable(
    llvm::ArrayRef<const char *> Argv,
    unsigned Visibility = clang::driver::options::ClangOption) {
  unsigned MissingIndex = 0, MissingCount = 0;
  return clang::driver::getDriverOptTable().ParseArgs(
      Argv, MissingIndex, MissingCount, llvm::opt::Visibility(Visibility));
}

/// Options clang's driver does not know at all. Asking clang's own option
/// table keeps us correct for gcc flags nobody listed yet.
static llvm::StringSet<> unknownToClang(const llvm::opt::InputArgList &Parsed) {
  llvm::StringSet<> Unknown;
  for (const llvm::opt::Arg *A :
       Parsed.filtered(clang::driver::options::OPT_UNKNOWN))
    Unknown.insert(A->getAsString(Parsed));
  return Unknown;
}

/// Whether option \p ID makes clang write a file of its own (a
/// compilation-database fragment, serialized diagnostics, a module cache,
/// dependency or header lists, statistics, time traces, temporaries, crash
/// reproducers) or load code (plugins). Analysis must write nothing and run
/// only itself.
static bool writesFiles(unsigned ID) {
  namespace O = clang::driver::options;
  switch (ID) {
  case O::OPT_ftime_trace:
  case O::OPT_ftime_trace_EQ:
  case O::OPT_save_temps:
  case O::OPT_save_temps_EQ:
  case O::OPT_save_stats:
  case O::OPT_save_stats_EQ:
  case O::OPT_fproc_stat_report:
  case O::OPT_fproc_stat_report_EQ:
  case O::OPT_fcrash_diagnostics_dir:
  case O::OPT_fplugin_EQ:
  case O::OPT_fpass_plugin_EQ:
  case O::OPT_load:
  case O::OPT_plugin:
  case O::OPT_add_plugin:
  case O::OPT_plugin_arg:
  case O::OPT_MJ:
  case O::OPT__serialize_diags:
  case O::OPT_diagnostic_serialized_file:
  case O::OPT_fmodules:
  case O::OPT_fmodules_cache_path:
  case O::OPT_dependency_file:
  case O::OPT_dependency_dot:
  case O::OPT_header_include_file:
  case O::OPT_stats_file:
    return true;
  default:
    return false;
  }
}

/// The indices (into the command line, compiler at 0; \p Argv omits it) of
/// file-writing options and their values, as clang's own option tables
/// parse them: driver options
/// (-MJ path, --serialize-diagnostics path, -fmodules-cache-path=...) and
/// cc1 options passed as -Xclang pairs (-Xclang -dependency-file -Xclang f).
static llvm::DenseSet<size_t>
fileWritingArgs(const llvm::opt::InputArgList &Driver,
                llvm::ArrayRef<const char *> Argv) {
  llvm::DenseSet<size_t> Drop;
  std::vector<const char *> Cc1Argv;
  std::vector<size_t> Cc1Index; // driver index of each -Xclang value
  for (const llvm::opt::Arg *A : Driver) {
    unsigned First = A->getIndex(), Count = 1 + A->getNumValues();
    if (A->getOption().getKind() == llvm::opt::Option::JoinedClass ||
        (A->getNumValues() && llvm::StringRef(Argv[First]).size() >
                                  A->getSpelling().size()))
      Count = 1; // the value is part of the option's own argument
    if (A->getOption().matches(clang::driver::options::OPT_Xclang)) {
      Cc1Argv.push_back(A->getValue());
      Cc1Index.push_back(First + 2); // +1 for the compiler, +1 for -Xclang
      continue;
    }
    if (writesFiles(A->getOption().getID()))
      for (unsigned I = 0; I < Count; ++I)
        Drop.insert(First + I + 1); // +1: CommandLine[0] is the compiler
  }
  llvm::opt::InputArgList Cc1 =
      parseWithClangTable(Cc1Argv, clang::driver::options::CC1Option);
  for (const llvm::opt::Arg *A : Cc1) {
    if (!writesFiles(A->getOption().getID()))
      continue;
    unsigned Count = 1 + A->getNumValues();
    if (A->getOption().getKind() == llvm::opt::Option::JoinedClass)
      Count = 1;
    for (unsigned I = 0; I < Count && A->getIndex() + I < Cc1Index.size(); ++I) {
      size_t Value = Cc1Index[A->getIndex() + I];
      Drop.insert(Value);     // the -Xclang value
      Drop.insert(Value - 1); // and its -Xclang
    }
  }
  return Drop;
}

SanitizedFlags sanitizeCompilerFlags(llvm::ArrayRef<std::string> CommandLine) {
  SanitizedFlags Result;
  if (CommandLine.empty())
    return Result;
  // One parse by clang's driver table serves both questions.
  std::vector<const char *> Argv;
  for (const std::string &A : CommandLine.drop_front())
    Argv.push_back(A.c_str());
  llvm::opt::InputArgList Parsed = parseWithClangTable(Argv);
  llvm::StringSet<> Unknown = unknownToClang(Parsed);
  llvm::DenseSet<size_t> WritesFiles = fileWritingArgs(Parsed, Argv);
  Result.Args.push_back(CommandLine.front());
  for (size_t I = 1; I < CommandLine.size(); ++I) {
    llvm::StringRef Arg = CommandLine[I];
    if (WritesFiles.contains(I)) {
      Result.Dropped.push_back(Arg.str());
      continue;
    }
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
