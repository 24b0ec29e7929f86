//===- main.cpp - The kmodlint command line --------------------------------===//
//
//   kmodlint -p <build-dir> [files...]        compile_commands.json
//   kmodlint file.c -- <compiler flags>       flags given directly
//   kmodlint --kbuild <Kbuild checker argv>   make C=1 CHECK="kmodlint --kbuild"
//   kmodlint file.c                           bundled kernel API headers
//
// Exit status: 0 no findings, 1 findings, 2 kmodlint could not do its job.
//
//===----------------------------------------------------------------------===//
#include "analyzer/frontend/Analysis.h"
#include "analyzer/frontend/IsolatedUnits.h"
#include "analyzer/report/ApplyFixes.h"
#include "analyzer/support/OutputFile.h"
#include "analyzer/workflow/Baseline.h"
#include "analyzer/frontend/CompilationInputs.h"
#include "analyzer/workflow/Config.h"
#include "analyzer/support/EmbeddedFiles.h"
#include "analyzer/workflow/GitDiff.h"
#include "analyzer/report/Progress.h"
#include "analyzer/report/Report.h"
#include "analyzer/model/ApiModel.h"
#include "checks/Check.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

using namespace kmodlint;
namespace cl = llvm::cl;

static cl::OptionCategory Category("kmodlint options");

static cl::opt<std::string> BuildPath(
    "p", cl::desc("Build directory holding compile_commands.json (Kbuild: "
                  "create it with 'bear -- make ...')"),
    cl::value_desc("build-dir"), cl::cat(Category));
static cl::list<std::string> SourcePaths(cl::Positional,
                                         cl::desc("[<file.c> ...]"),
                                         cl::cat(Category));
static cl::opt<unsigned>
    Jobs("j", cl::desc("Translation units analyzed in parallel (default: one "
                       "per core)"),
         cl::init(0), cl::Prefix, cl::cat(Category));
static cl::opt<OutputFormat> Format(
    "format", cl::desc("Output format"), cl::init(OutputFormat::Text),
    cl::values(clEnumValN(OutputFormat::Text, "text",
                          "gcc-style file:line:col: warning: lines (default)"),
               clEnumValN(OutputFormat::Json, "json", "JSON document"),
               clEnumValN(OutputFormat::Sarif, "sarif",
                          "SARIF 2.1.0 (GitHub code scanning, IDE viewers)")),
    cl::cat(Category));
static cl::opt<std::string>
    OutputFile("o", cl::desc("Write findings to <file> instead of stdout"),
               cl::value_desc("file"), cl::cat(Category));
static cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the suggested fixes to <file> as clang-apply-replacements "
             "YAML (like clang-tidy --export-fixes)"),
    cl::value_desc("file"), cl::cat(Category));
static cl::opt<bool> Fix("fix",
                         cl::desc("Apply the suggested fixes to the source "
                                  "files (findings are still reported)"),
                         cl::cat(Category));
static cl::opt<std::string> Checks(
    "checks",
    cl::desc("Comma-separated globs of checks to run, '-' to exclude "
             "(e.g. '*,-release.use-after-free'); applied after the "
             "config file's 'checks'"),
    cl::cat(Category));
static cl::opt<std::string> ConfigFile(
    "config",
    cl::desc("Use this config file for every analyzed file instead of the "
             "nearest .kmodlint.yaml above it"),
    cl::value_desc("file"), cl::cat(Category));
static cl::opt<bool> DumpConfig(
    "dump-config",
    cl::desc("Print the configuration that applies to the first file named "
             "(or to the current directory) and exit"),
    cl::cat(Category));
static cl::opt<std::string> BaselineFile(
    "baseline",
    cl::desc("Hide the findings recorded in <file> (by fingerprint): gate on "
             "new findings only"),
    cl::value_desc("file"), cl::cat(Category));
static cl::opt<std::string> WriteBaselineFile(
    "write-baseline",
    cl::desc("Record every finding in <file> as the accepted baseline "
             "(other outputs are still written); exit 0 unless analysis "
             "failed"),
    cl::value_desc("file"), cl::cat(Category));
static cl::opt<bool> Diff(
    "diff",
    cl::desc("Analyze only the files the staged git changes touch, and report "
             "only findings whose location or path touches a changed line"),
    cl::cat(Category));
static cl::opt<std::string> DiffBase(
    "diff-base",
    cl::desc("Like --diff, for the changes from <rev> to the working tree "
             "(e.g. origin/main in CI)"),
    cl::value_desc("rev"), cl::cat(Category));
static cl::opt<bool> ReportUnusedSuppressions(
    "report-unused-suppressions",
    cl::desc("Report inline suppressions that suppress nothing "
             "(check suppression.unused)"),
    cl::cat(Category));
enum class ProgressMode { Auto, Always, Never };
static cl::opt<ProgressMode> Progress(
    "progress", cl::desc("Progress line on stderr"),
    cl::init(ProgressMode::Auto),
    cl::values(clEnumValN(ProgressMode::Auto, "auto",
                          "only when stderr is a terminal (default)"),
               clEnumValN(ProgressMode::Always, "always", "always"),
               clEnumValN(ProgressMode::Never, "never", "never")),
    cl::cat(Category));
static cl::opt<bool> ListChecks("list-checks",
                                cl::desc("List the checks and exit"),
                                cl::cat(Category));
static cl::opt<std::string> KernelVersion(
    "kernel-version",
    cl::desc("Treat every file as built for this kernel (e.g. 6.12) instead "
             "of its LINUX_VERSION_CODE"),
    cl::cat(Category));
static cl::opt<bool> Verbose("verbose",
                             cl::desc("Print per-file mode, kernel version, "
                                      "config file, timing and dropped "
                                      "compiler flags"),
                             cl::cat(Category));
static cl::opt<bool> DumpClangCommands(
    "dump-clang-commands",
    cl::desc("Print the clang command lines kmodlint parses each file with, "
             "as a compile_commands.json, and exit"),
    cl::cat(Category));
static cl::opt<unsigned> TuTimeout(
    "tu-timeout",
    cl::desc("Wall-time budget of each translation unit in seconds (default "
             "60; 0: none); a unit over budget is reported as not analyzed"),
    cl::value_desc("seconds"), cl::cat(Category));
static cl::opt<unsigned> TuMemory(
    "tu-memory",
    cl::desc("Memory budget of each translation unit in MiB (default 2048; "
             "0: none). With both budgets 0, units are analyzed in this "
             "process instead of one worker process each"),
    cl::value_desc("MiB"), cl::cat(Category));
static cl::opt<bool> Quiet("quiet",
                           cl::desc("No summary or progress line on stderr"),
                           cl::cat(Category));

// The one version number: CMake's project(VERSION).
static constexpr llvm::StringLiteral ToolVersion = KMODLINT_VERSION;

static void printVersion(llvm::raw_ostream &OS) {
  OS << "kmodlint " << ToolVersion << " (LLVM/Clang " LLVM_VERSION_STRING;
  if (*KMODLINT_SANITIZERS)
    OS << "; sanitizers: " KMODLINT_SANITIZERS;
  OS << ")\n";
}

static const char *Overview = R"(kmodlint: finds leaks, mismatched releases and
sleeping-in-atomic bugs in Linux kernel modules.

  kmodlint -p <build-dir> [files...]      use <build-dir>/compile_commands.json
  kmodlint file.c -- <compiler flags>     flags given directly
  make -C <kernel-build> M=$PWD C=1 CHECK="kmodlint --kbuild"
                                          Kbuild's checker hook (C=2: all files)
  kmodlint file.c                         no compile command: analyze against
                                          kmodlint's bundled kernel headers

Configuration: the nearest .kmodlint.yaml above each file (checks, severity,
exclude, model extensions); see --dump-config and docs/configuration.md.
Suppress one finding with /* kmodlint: ignore[<check>] <reason> */ on its
line or the line above. Gate CI on new findings with --baseline; check only
a commit's lines with --diff.

Exit status: 0 no findings, 1 findings, 2 kmodlint could not do its job
(bad config or arguments, a file that does not parse).
With --kbuild, findings go to stderr and do not fail the build (like sparse).
Everything after --kbuild or -- is the compiler's command line, not ours.
)";


static llvm::Error usageError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

static std::string absolutePath(llvm::StringRef Directory, llvm::StringRef File) {
  llvm::SmallString<256> Path(File);
  llvm::sys::fs::make_absolute(Directory, Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

struct SelectedUnits {
  std::vector<AnalysisUnit> Units;
  std::string Source; ///< how the compile commands were found, for the summary
};

/// The TUs the command line names, and with which compile commands.
/// \p Changed (--diff) supplies the files when none are named.
static llvm::Expected<SelectedUnits>
selectUnits(bool Kbuild, bool HaveDashDash,
            const std::vector<std::string> &CompilerArgs,
            const ChangedLines *Changed) {
  SelectedUnits Out;
  if (Kbuild) {
    auto Unit = kbuildCheckUnit(CompilerArgs);
    if (!Unit)
      return Unit.takeError();
    Out.Units.push_back(std::move(*Unit));
    Out.Source = "Kbuild CHECK= command line";
    return Out;
  }
  if (HaveDashDash) {
    if (SourcePaths.empty())
      return usageError("name the files to analyze before '--'");
    for (const std::string &File : SourcePaths)
      Out.Units.push_back(explicitFlagsUnit(File, CompilerArgs));
    Out.Source = "flags given after --";
    return Out;
  }
  std::string Database = BuildPath;
  // A hook run from the top of a tree that has a compile database uses it.
  if (Database.empty() && Changed && SourcePaths.empty()) {
    llvm::SmallString<256> Candidate(Changed->RepositoryRoot);
    llvm::sys::path::append(Candidate, "compile_commands.json");
    if (llvm::sys::fs::exists(Candidate))
      Database = Changed->RepositoryRoot;
  }
  if (!Database.empty()) {
    auto Loaded = loadDatabaseUnits(Database, SourcePaths);
    if (!Loaded)
      return Loaded.takeError();
    if (Loaded->empty())
      return usageError(Database + "/compile_commands.json lists no C files "
                                   "to analyze");
    Out.Units = std::move(*Loaded);
    Out.Source = "compile database " + Database + "/compile_commands.json";
    return Out;
  }
  std::vector<std::string> Files = SourcePaths;
  if (Files.empty() && Changed)
    for (const auto &Entry : Changed->Files) {
      llvm::StringRef Path = Entry.first();
      if (Path.ends_with(".c") && llvm::sys::fs::exists(Path))
        Files.push_back(Path.str());
      // Without a compile database nothing says who includes a header:
      // take the C files beside it, the module that owns it.
      if (Path.ends_with(".h")) {
        std::error_code EC;
        for (llvm::sys::fs::directory_iterator It(
                 llvm::sys::path::parent_path(Path), EC), End;
             It != End && !EC; It.increment(EC))
          if (llvm::StringRef(It->path()).ends_with(".c"))
            Files.push_back(It->path());
      }
    }
  if (Files.empty() && !Changed)
    return usageError("nothing to analyze; give -p <build-dir>, files, or "
                      "see --help");
  llvm::sort(Files);
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
  for (const std::string &File : Files) {
    llvm::sys::fs::file_status Status;
    if (std::error_code EC = llvm::sys::fs::status(File, Status))
      return usageError(File + ": " + EC.message());
    Out.Units.push_back(bundledHeadersUnit(File));
  }
  Out.Source = "bundled kernel API headers (no compile command given; use -p "
               "<build-dir> for your kernel's real headers)";
  return Out;
}

/// --diff: the units whose file the change touches; every unit when a
/// header changed, since any of them may include it.
static void keepChangedUnits(std::vector<AnalysisUnit> &Units,
                             const ChangedLines &Changed) {
  bool HeaderChanged = llvm::any_of(Changed.Files, [](const auto &Entry) {
    return Entry.first().ends_with(".h");
  });
  if (HeaderChanged)
    return;
  llvm::erase_if(Units, [&](const AnalysisUnit &U) {
    return !Changed.touchesFile(absolutePath(U.Directory, U.File));
  });
}

/// The checks as SARIF rules, with their documentation pages.
static std::vector<RuleInfo> ruleInfos() {
  std::vector<RuleInfo> Rules;
  auto Page = [](llvm::StringRef Id) {
    std::string Path = ("docs/checks/" + Id + ".md").str();
    for (const EmbeddedFile &F : embeddedFiles())
      if (Path == F.Path)
        return std::string(F.Contents);
    return std::string();
  };
  for (const auto &C : createAllChecks())
    Rules.push_back({C->id().str(), C->summary().str(), Page(C->id())});
  Rules.push_back({"suppression.unused",
                   "An inline suppression that suppresses no finding "
                   "(--report-unused-suppressions)",
                   Page("suppression.unused")});
  return Rules;
}

static void writeOutput(llvm::raw_ostream &Out,
                        const std::vector<Finding> &Findings,
                        llvm::ArrayRef<UnitFailure> Failures,
                        llvm::ArrayRef<ToolNotice> Notices) {
  switch (Format) {
  case OutputFormat::Json:
    writeJson(Out, Findings, Failures);
    break;
  case OutputFormat::Sarif:
    writeSarif(Out, Findings, ruleInfos(), ToolVersion, Failures, Notices);
    break;
  case OutputFormat::Text:
    writeText(Out, Findings);
    break;
  }
  Out.flush();
}

/// The command line split at "--kbuild" or "--": what follows is compiler
/// arguments (Kbuild's checker argv, or flags), not ours.
struct SplitCommandLine {
  std::vector<const char *> Ours;
  std::vector<std::string> CompilerArgs;
  bool Kbuild = false;
  bool HaveDashDash = false;
};

static SplitCommandLine splitCommandLine(int argc, const char **argv) {
  SplitCommandLine Split;
  Split.Ours.assign(argv, argv + argc);
  for (int I = 1; I < argc; ++I) {
    llvm::StringRef Arg = argv[I];
    if (Arg == "--kbuild" || Arg == "--") {
      Split.Kbuild = Arg == "--kbuild";
      Split.HaveDashDash = !Split.Kbuild;
      Split.CompilerArgs.assign(argv + I + 1, argv + argc);
      Split.Ours.assign(argv, argv + I);
      break;
    }
  }
  return Split;
}

/// Option combinations and names that are wrong before anything runs. The
/// command line's check globs get the config's treatment: a typo is an
/// error, not a silently empty or full run.
static llvm::Expected<std::vector<std::string>> validateOptions() {
  std::vector<std::string> CommandLineChecks;
  llvm::SmallVector<llvm::StringRef, 4> Globs;
  llvm::StringRef(Checks).split(Globs, ',', -1, false);
  for (llvm::StringRef G : Globs) {
    if (llvm::Error E = validateCheckGlob(G.trim()))
      return usageError("--checks: " + llvm::toString(std::move(E)));
    CommandLineChecks.push_back(G.trim().str());
  }
  if (!WriteBaselineFile.empty() && (Diff || !DiffBase.empty()))
    return usageError("--write-baseline records every finding of the "
                      "files analyzed; it cannot be combined with "
                      "--diff or --diff-base");
  for (const std::string &Path : SourcePaths)
    if (llvm::sys::fs::is_directory(Path))
      return usageError(Path + " is a directory; name the C files, or "
                               "use -p <build-dir> for a compile database");
  return CommandLineChecks;
}

static void listChecks() {
  for (const auto &C : createAllChecks())
    llvm::outs() << C->id() << "\t" << C->summary()
                 << (C->enabledByDefault() ? "" : " (off by default)") << "\n";
  llvm::outs() << UnusedSuppressionCheck << "\tinline suppressions that "
                  "suppress no finding or name no check (only with "
                  "--report-unused-suppressions)\n";
}

/// What the command line names besides the sources, checked before the
/// analysis runs: a typo must not cost a whole run.
struct RunInputs {
  std::optional<Baseline> Known;
  unsigned KernelVersionOverride = 0;
  std::optional<ChangedLines> Changed;
};

/// The files kmodlint writes (-o, --export-fixes, --write-baseline) must not
/// be one it reads, or one another output writes: it would empty an input
/// before reading it (`-o a.c a.c`, `-o base.json --baseline base.json`).
static llvm::Error refuseOverwritingInputs(llvm::ArrayRef<std::string> Inputs) {
  std::vector<std::pair<const char *, std::string>> Outputs;
  for (auto [Option, Path] : {std::pair{"-o", &OutputFile},
                              std::pair{"--export-fixes", &ExportFixes},
                              std::pair{"--write-baseline", &WriteBaselineFile}})
    if (!Path->empty())
      Outputs.push_back({Option, *Path});
  auto Same = [](const std::string &A, const std::string &B) {
    bool Equivalent = false;
    return !llvm::sys::fs::equivalent(A, B, Equivalent) && Equivalent;
  };
  for (size_t I = 0; I < Outputs.size(); ++I) {
    for (const std::string &Input : Inputs)
      if (Same(Outputs[I].second, Input))
        return usageError(llvm::Twine(Outputs[I].first) + " " +
                          Outputs[I].second +
                          " is also an input of this run; refusing to "
                          "overwrite it");
    for (size_t J = I + 1; J < Outputs.size(); ++J)
      if (Outputs[I].second == Outputs[J].second ||
          Same(Outputs[I].second, Outputs[J].second))
        return usageError(llvm::Twine(Outputs[I].first) + " and " +
                          Outputs[J].first + " name the same file " +
                          Outputs[I].second);
  }
  return llvm::Error::success();
}

/// What this run reads: the named files, the baseline, the config files
/// (named or found) and their model files, the compile database and every
/// unit's source.
static std::vector<std::string>
runInputs(llvm::ArrayRef<AnalysisUnit> Units,
          llvm::ArrayRef<const Config *> Configs) {
  std::vector<std::string> Inputs(SourcePaths.begin(), SourcePaths.end());
  for (const std::string *Path : {&BaselineFile, &ConfigFile})
    if (!Path->empty())
      Inputs.push_back(*Path);
  if (!BuildPath.empty())
    Inputs.push_back(BuildPath + "/compile_commands.json");
  for (const AnalysisUnit &Unit : Units)
    Inputs.push_back(absolutePath(Unit.Directory, Unit.File));
  for (const Config *C : Configs) {
    if (!C->File.empty())
      Inputs.push_back(C->File);
    for (const std::string &Model : C->ModelFiles)
      Inputs.push_back(absolutePath(C->Directory, Model));
  }
  return Inputs;
}

/// Outputs are written at the end, whole (OutputFile.h); whether they can
/// be is checked before the analysis, so a typo costs no run.
static llvm::Error checkOutputs() {
  for (const std::string *Path : {&OutputFile.getValue(), &ExportFixes.getValue(),
                                  &WriteBaselineFile.getValue()})
    if (!Path->empty())
      if (llvm::Error E = checkOutputWritable(*Path))
        return E;
  return llvm::Error::success();
}

static llvm::Expected<RunInputs> openRunInputs(llvm::StringRef Cwd) {
  RunInputs In;
  if (!BaselineFile.empty()) {
    auto Read = readBaseline(BaselineFile);
    if (!Read)
      return Read.takeError();
    In.Known = std::move(*Read);
  }
  if (!KernelVersion.empty()) {
    auto V = parseKernelVersion(KernelVersion);
    if (!V)
      return usageError("--kernel-version takes a version like 6.12, "
                        "not '" + KernelVersion + "'");
    In.KernelVersionOverride = *V;
  }
  if (Diff || !DiffBase.empty()) {
    auto Lines = gitChangedLines(Cwd, DiffBase);
    if (!Lines)
      return Lines.takeError();
    In.Changed = std::move(*Lines);
  }
  return In;
}

/// One file named twice (a.c ./a.c, or through a symlink) is one unit:
/// twice would double its findings and its --fix edits.
static void dropDuplicateUnits(std::vector<AnalysisUnit> &Units) {
  llvm::StringSet<> Seen;
  llvm::erase_if(Units, [&](const AnalysisUnit &U) {
    llvm::SmallString<256> Real;
    std::string Path = absolutePath(U.Directory, U.File);
    if (llvm::sys::fs::real_path(Path, Real))
      Real = Path;
    return !Seen.insert(Real).second;
  });
}

/// The units left after the configs' excludes, each with the config of
/// its own file and the options that gives.
struct ConfiguredUnits {
  std::vector<AnalysisUnit> Units;
  std::vector<const Config *> Configs;
  std::vector<AnalysisOptions> Options;
  /// Units whose config (found, not --config) is broken: a broken config
  /// in one subtree must not stop the analysis of the others.
  std::vector<UnitFailure> Rejected;
  unsigned Excluded = 0;
};

static llvm::Expected<ConfiguredUnits>
configureUnits(std::vector<AnalysisUnit> Units, ConfigLocator &Configs,
               const std::vector<std::string> &CommandLineChecks,
               unsigned KernelVersionOverride) {
  ConfiguredUnits Out;
  for (AnalysisUnit &Unit : Units) {
    std::string Path = absolutePath(Unit.Directory, Unit.File);
    auto C = Configs.configFor(Path);
    if (!C && ConfigFile.empty()) {
      Out.Rejected.push_back({Path,
                              "not analyzed: its config is broken: " +
                                  llvm::toString(C.takeError()),
                              "", false});
      continue;
    }
    if (!C)
      return C.takeError();
    if ((*C)->excludes(Path)) {
      ++Out.Excluded;
      continue;
    }
    AnalysisOptions Options;
    Options.Model = &(*C)->model();
    Options.CheckFilters = (*C)->Checks;
    llvm::append_range(Options.CheckFilters, CommandLineChecks);
    Options.KernelVersionOverride = KernelVersionOverride;
    Options.ReportUnusedSuppressions = ReportUnusedSuppressions;
    Out.Configs.push_back(*C);
    Out.Options.push_back(std::move(Options));
    Out.Units.push_back(std::move(Unit));
  }
  return Out;
}

/// No file has a check to run: the config or --checks turned off the few
/// that run by default (the others are below 80% precision on held-out
/// kernel code). Said once, so that "0 findings" is not read as "checked
/// and clean".
static void noteNoChecksEnabled(const ConfiguredUnits &Run) {
  std::vector<std::unique_ptr<Check>> All = createAllChecks();
  for (const AnalysisOptions &Options : Run.Options)
    for (const auto &C : All)
      if (isCheckEnabled(C->id(), Options.CheckFilters, C->enabledByDefault()))
        return;
  if (Run.Options.empty())
    return;
  llvm::errs() << "kmodlint: no check is enabled: most are off by default until "
                  "their precision on held-out kernel code reaches 80% "
                  "(docs/precision/README.md); enable them with "
                  "--checks='*' or `checks: ['*']` in .kmodlint.yaml\n";
}

static void dumpClangCommands(const std::vector<AnalysisUnit> &Units) {
  llvm::json::Array Commands;
  for (const AnalysisUnit &Unit : Units) {
    llvm::json::Array Arguments;
    for (const std::string &Arg : clangArguments(Unit))
      Arguments.push_back(Arg);
    Commands.push_back(llvm::json::Object{{"directory", Unit.Directory},
                                          {"file", Unit.File},
                                          {"arguments", std::move(Arguments)}});
  }
  llvm::outs() << llvm::formatv("{0:2}", llvm::json::Value(std::move(Commands)))
               << "\n";
}

/// The unit's budget: the command line's, else its config's, else the
/// default.
static UnitBudget budgetFor(const Config &C) {
  UnitBudget Budget = DefaultUnitBudget;
  Budget.Seconds = C.TuTimeoutSeconds.value_or(Budget.Seconds);
  Budget.MiB = C.TuMemoryMiB.value_or(Budget.MiB);
  if (TuTimeout.getNumOccurrences())
    Budget.Seconds = TuTimeout;
  if (TuMemory.getNumOccurrences())
    Budget.MiB = TuMemory;
  return Budget;
}

/// Each unit's budget; empty when none has one (then the units run on
/// threads of this process, as when kmodlint had no budgets).
static std::vector<UnitBudget> unitBudgets(const ConfiguredUnits &Run) {
  std::vector<UnitBudget> Budgets;
  for (const Config *C : Run.Configs)
    Budgets.push_back(budgetFor(*C));
  if (llvm::none_of(Budgets, [](const UnitBudget &B) { return B.limited(); }))
    Budgets.clear();
  return Budgets;
}

static std::vector<UnitResult> analyzeWithProgress(const ConfiguredUnits &Run,
                                                   bool Kbuild) {
  bool ShowProgress =
      !Quiet && !Kbuild && Run.Units.size() > 1 &&
      (Progress == ProgressMode::Always ||
       (Progress == ProgressMode::Auto &&
        llvm::sys::Process::StandardErrIsDisplayed()));
  ProgressLine Line(llvm::errs(), Run.Units.size());
  auto OnDone = ShowProgress ? std::function<void(const UnitResult &)>(
                                   [&](const UnitResult &R) {
                                     Line.fileDone(R.File, R.Findings.size());
                                   })
                             : nullptr;
  std::vector<UnitBudget> Budgets = unitBudgets(Run);
  std::vector<UnitResult> Results =
      Budgets.empty()
          ? analyzeUnits(Run.Units, Run.Options, Jobs, OnDone)
          : analyzeUnitsIsolated(
                Run.Units, Run.Options, Budgets,
                llvm::hardware_concurrency(Jobs).compute_thread_count(),
                OnDone);
  if (ShowProgress)
    Line.finish();
  return Results;
}

static std::string incompleteMessage(const IncompleteFunction &I) {
  if (I.TooLarge)
    return I.Function + "() was not analyzed: its body is too large to walk "
                        "(a macro expanding to a huge expression?)";
  return I.Function + "() was not analyzed completely (" +
         (I.OutOfBudget ? std::string("the path budget ran out")
                        : std::to_string(I.DroppedPaths) +
                              " paths past the per-block bound were not "
                              "followed") +
         "); findings on those paths are missing";
}

static void printVerboseUnit(const UnitResult &R, const Config &C) {
  llvm::errs() << "kmodlint: " << R.File << ": " << describeInputMode(R.Mode)
               << ", kernel "
               << (R.KernelVersion ? formatKernelVersion(R.KernelVersion)
                                   : std::string("version unknown"))
               << ", config "
               << (C.File.empty() ? std::string("built-in") : C.File) << ", "
               << llvm::format("%.3f", R.Seconds) << " s";
  if (R.PeakMemoryKiB)
    llvm::errs() << ", peak " << (R.PeakMemoryKiB + 1023) / 1024 << " MiB";
  llvm::errs() << "\n";
  for (const std::string &Flag : R.DroppedFlags)
    llvm::errs() << "kmodlint:   dropped compiler flag " << Flag << "\n";
  for (const IncompleteFunction &I : R.Incomplete)
    llvm::errs() << "kmodlint:   " << I.Where.File << ":" << I.Where.Line
                 << ": " << incompleteMessage(I) << "\n";
}

/// Every unit's findings after excludes, --diff and severities, with the
/// units that failed and what was hidden.
struct CollectedFindings {
  std::vector<Finding> Findings;
  std::vector<UnitFailure> Failures;
  std::vector<ToolNotice> Notices;
  unsigned Suppressed = 0, OutsideDiff = 0;
};

static CollectedFindings collectFindings(const std::vector<UnitResult> &Results,
                                         const ConfiguredUnits &Run,
                                         const ChangedLines *Changed) {
  CollectedFindings Out;
  for (const UnitFailure &F : Run.Rejected) {
    llvm::errs() << "kmodlint: " << F.File << ": " << failureText(F) << "\n";
    Out.Failures.push_back(F);
  }
  for (size_t I = 0; I < Results.size(); ++I) {
    const UnitResult &R = Results[I];
    const Config &C = *Run.Configs[I];
    if (R.Failed) {
      UnitFailure F = R.failure(absolutePath(Run.Units[I].Directory, R.File));
      llvm::errs() << "kmodlint: " << (R.File.empty() ? F.File : R.File)
                   << ": " << failureText(F) << "\n";
      Out.Failures.push_back(std::move(F));
    }
    if (Verbose)
      printVerboseUnit(R, C);
    for (const IncompleteFunction &I : R.Incomplete)
      Out.Notices.push_back({I.Where, incompleteMessage(I)});
    for (Finding F : R.Findings) {
      // A finding in a header the config excludes is not the file's to fix.
      if (C.excludes(F.Where.File))
        continue;
      if (Changed && !Changed->touches(F)) {
        ++Out.OutsideDiff;
        continue;
      }
      F.Level = C.severityOf(F.Check, F.Level);
      Out.Findings.push_back(std::move(F));
    }
    Out.Suppressed += R.Suppressed;
  }
  sortAndUnique(Out.Findings);
  return Out;
}

static void printFixOutcome(const FixOutcome &Outcome) {
  llvm::errs() << "kmodlint: applied " << Outcome.Applied << " fix"
               << (Outcome.Applied == 1 ? "" : "es") << " in "
               << Outcome.FilesChanged << " file"
               << (Outcome.FilesChanged == 1 ? "" : "s")
               << (Outcome.Skipped
                       ? ", skipped " + std::to_string(Outcome.Skipped)
                       : std::string())
               << "\n";
}

/// Writes the baseline (of everything found), then the outputs of what the
/// baseline does not hide, then applies fixes. Returns how many findings
/// the baseline hid.
static llvm::Expected<unsigned> emitOutputs(CollectedFindings &Found,
                                            RunInputs &In, bool Kbuild) {
  // The baseline records what this run found, before any baseline hides
  // part of it; the other outputs still follow.
  std::vector<Finding> &Findings = Found.Findings;
  if (!WriteBaselineFile.empty()) {
    if (llvm::Error E = writeBaseline(WriteBaselineFile, Findings))
      return std::move(E);
    if (!Quiet)
      llvm::errs() << "kmodlint: wrote " << Findings.size() << " finding"
                   << (Findings.size() == 1 ? "" : "s") << " to the baseline "
                   << WriteBaselineFile << "\n";
  }
  unsigned Baselined = 0;
  if (In.Known)
    Baselined = removeBaselined(Findings, std::move(*In.Known));
  if (!ExportFixes.empty())
    if (llvm::Error E = writeOutputFile(ExportFixes, [&](llvm::raw_ostream &OS) {
          writeExportedFixes(OS, Findings);
        }))
      return std::move(E);
  auto Write = [&](llvm::raw_ostream &OS) {
    writeOutput(OS, Findings, Found.Failures, Found.Notices);
  };
  // As Kbuild's checker, findings go to stderr like sparse's and the
  // compiler's: `make -s` sends the checker's stdout to /dev/null.
  if (!OutputFile.empty()) {
    if (llvm::Error E = writeOutputFile(OutputFile, Write))
      return std::move(E);
  } else {
    llvm::raw_fd_ostream &OS = Kbuild ? llvm::errs() : llvm::outs();
    Write(OS);
    if (llvm::Error E = flushStream(OS, Kbuild ? "the standard error"
                                               : "the standard output"))
      return std::move(E);
  }
  if (Fix) {
    FixOutcome Outcome = applyFixes(Findings, llvm::errs());
    if (!Quiet)
      printFixOutcome(Outcome);
    if (Outcome.FilesFailed)
      return usageError(std::to_string(Outcome.FilesFailed) + " file" +
                        (Outcome.FilesFailed == 1 ? "" : "s") +
                        " could not be fixed (said above)");
  }
  return Baselined;
}

static void printSummary(size_t Files, llvm::StringRef Source,
                         const CollectedFindings &Found, unsigned Baselined,
                         unsigned Excluded) {
  llvm::SmallVector<std::string, 4> Hidden;
  if (Found.Suppressed)
    Hidden.push_back(std::to_string(Found.Suppressed) + " suppressed inline");
  if (Baselined)
    Hidden.push_back(std::to_string(Baselined) + " in the baseline");
  if (Found.OutsideDiff)
    Hidden.push_back(std::to_string(Found.OutsideDiff) + " outside the diff");
  if (Excluded)
    Hidden.push_back(std::to_string(Excluded) + " file" +
                     (Excluded == 1 ? "" : "s") + " excluded by config");
  size_t N = Found.Findings.size();
  size_t Failed = Found.Failures.size();
  Files -= std::min(Files, Failed);
  llvm::errs() << "kmodlint: " << Files << " file" << (Files == 1 ? "" : "s")
               << " analyzed"
               << (Failed ? " (" + std::to_string(Failed) +
                                " not analyzed, said above)"
                          : std::string())
               << " using " << Source << "; " << N << " finding"
               << (N == 1 ? "" : "s")
               << (Hidden.empty() ? std::string()
                                  : " (" + llvm::join(Hidden, ", ") + ")")
               << "\n";
}

static int fail(llvm::Error E) {
  llvm::errs() << "kmodlint: " << llvm::toString(std::move(E)) << "\n";
  return 2;
}

int main(int argc, const char **argv) {
  llvm::InitLLVM Init(argc, argv);
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter(printVersion);

  SplitCommandLine Split = splitCommandLine(argc, argv);
  if (!cl::ParseCommandLineOptions(Split.Ours.size(), Split.Ours.data(),
                                   Overview, &llvm::errs()))
    return 2;
  // An editor's "%" with no current file passes "".
  if (llvm::is_contained(SourcePaths, std::string()))
    return fail(usageError("an empty file name was given (an editor's "
                           "current-file placeholder with no file?)"));
  if (ListChecks) {
    listChecks();
    return 0;
  }
  auto CommandLineChecks = validateOptions();
  if (!CommandLineChecks)
    return fail(CommandLineChecks.takeError());

  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  ConfigLocator Configs(ConfigFile.empty() ? std::string()
                                           : absolutePath(Cwd, ConfigFile));
  if (DumpConfig) {
    std::string For = absolutePath(
        Cwd, SourcePaths.empty() ? std::string("-") : SourcePaths.front());
    auto C = Configs.configFor(For);
    if (!C)
      return fail(C.takeError());
    writeConfig(llvm::outs(), **C, *CommandLineChecks);
    return 0;
  }

  auto In = openRunInputs(Cwd);
  if (!In)
    return fail(In.takeError());
  const ChangedLines *Changed = In->Changed ? &*In->Changed : nullptr;
  auto Selected =
      selectUnits(Split.Kbuild, Split.HaveDashDash, Split.CompilerArgs, Changed);
  if (!Selected)
    return fail(Selected.takeError());
  if (Changed)
    keepChangedUnits(Selected->Units, *Changed);
  dropDuplicateUnits(Selected->Units);
  auto Run = configureUnits(std::move(Selected->Units), Configs,
                            *CommandLineChecks, In->KernelVersionOverride);
  if (!Run)
    return fail(Run.takeError());
  if (DumpClangCommands) {
    dumpClangCommands(Run->Units);
    return 0;
  }
  if (llvm::Error E = refuseOverwritingInputs(runInputs(Run->Units, Run->Configs)))
    return fail(std::move(E));
  if (llvm::Error E = checkOutputs())
    return fail(std::move(E));

  if (!Quiet)
    noteNoChecksEnabled(*Run);
  std::vector<UnitResult> Results = analyzeWithProgress(*Run, Split.Kbuild);
  CollectedFindings Found = collectFindings(Results, *Run, Changed);
  auto Baselined = emitOutputs(Found, *In, Split.Kbuild);
  if (!Baselined)
    return fail(Baselined.takeError());
  if (!Quiet && !Split.Kbuild)
    printSummary(Results.size() + Run->Rejected.size(), Selected->Source,
                 Found, *Baselined,
                 Run->Excluded);
  if (!Found.Failures.empty())
    return 2;
  if (Split.Kbuild || !WriteBaselineFile.empty())
    return 0;
  // Notes are advice (alloc.high-order): they are reported, but only a
  // warning or an error fails the run.
  bool Fails = llvm::any_of(Found.Findings, [](const Finding &F) {
    return F.Level != Severity::Note;
  });
  return Fails ? 1 : 0;
}
