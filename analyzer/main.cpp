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
#include "analyzer/Analysis.h"
#include "analyzer/CompilationInputs.h"
#include "analyzer/Report.h"
#include "checks/ApiModel.h"
#include "checks/Check.h"

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
               clEnumValN(OutputFormat::Json, "json", "JSON document")),
    cl::cat(Category));
static cl::opt<std::string>
    OutputFile("o", cl::desc("Write findings to <file> instead of stdout"),
               cl::value_desc("file"), cl::cat(Category));
static cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the suggested fixes to <file> as clang-apply-replacements "
             "YAML (like clang-tidy --export-fixes)"),
    cl::value_desc("file"), cl::cat(Category));
static cl::opt<std::string> Checks(
    "checks",
    cl::desc("Comma-separated globs of checks to run, '-' to exclude "
             "(e.g. '*,-release.use-after-free')"),
    cl::init("*"), cl::cat(Category));
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
                                      "timing and dropped compiler flags"),
                             cl::cat(Category));
static cl::opt<bool> DumpClangCommands(
    "dump-clang-commands",
    cl::desc("Print the clang command lines kmodlint parses each file with, "
             "as a compile_commands.json, and exit"),
    cl::cat(Category));
static cl::opt<bool> Quiet("quiet", cl::desc("No summary line on stderr"),
                           cl::cat(Category));

static void printVersion(llvm::raw_ostream &OS) {
  OS << "kmodlint 0.1.0 (LLVM/Clang " LLVM_VERSION_STRING ")\n";
}

static const char *Overview = R"(kmodlint: finds leaks, mismatched releases and
sleeping-in-atomic bugs in Linux kernel modules.

  kmodlint -p <build-dir> [files...]      use <build-dir>/compile_commands.json
  kmodlint file.c -- <compiler flags>     flags given directly
  make -C <kernel-build> M=$PWD C=1 CHECK="kmodlint --kbuild"
                                          Kbuild's checker hook (C=2: all files)
  kmodlint file.c                         no compile command: analyze against
                                          kmodlint's bundled kernel headers

Exit status: 0 no findings, 1 findings, 2 kmodlint could not do its job.
With --kbuild, findings are printed but do not fail the build (like sparse).
)";

int main(int argc, const char **argv) {
  llvm::InitLLVM Init(argc, argv);
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter(printVersion);

  // Kbuild's checker argv and the flags after "--" are compiler arguments,
  // not ours: split them off before option parsing.
  std::vector<const char *> Ours(argv, argv + argc);
  std::vector<std::string> CompilerArgs;
  bool Kbuild = false, HaveDashDash = false;
  for (int I = 1; I < argc; ++I) {
    llvm::StringRef Arg = argv[I];
    if (Arg == "--kbuild" || Arg == "--") {
      Kbuild = Arg == "--kbuild";
      HaveDashDash = !Kbuild;
      CompilerArgs.assign(argv + I + 1, argv + argc);
      Ours.assign(argv, argv + I);
      break;
    }
  }
  if (!cl::ParseCommandLineOptions(Ours.size(), Ours.data(), Overview,
                                   &llvm::errs()))
    return 2;

  if (ListChecks) {
    for (const auto &C : createAllChecks())
      llvm::outs() << C->id() << "\t" << C->summary() << "\n";
    return 0;
  }

  AnalysisOptions Options;
  llvm::SmallVector<llvm::StringRef, 4> Globs;
  llvm::StringRef(Checks).split(Globs, ',', -1, false);
  for (llvm::StringRef G : Globs)
    Options.CheckFilters.push_back(G.trim().str());
  if (!KernelVersion.empty()) {
    auto V = parseKernelVersion(KernelVersion);
    if (!V) {
      llvm::errs() << "kmodlint: --kernel-version takes a version like 6.12, "
                      "not '" << KernelVersion << "'\n";
      return 2;
    }
    Options.KernelVersionOverride = *V;
  }

  std::vector<AnalysisUnit> Units;
  std::string Source;
  if (Kbuild) {
    auto Unit = kbuildCheckUnit(CompilerArgs);
    if (!Unit) {
      llvm::errs() << "kmodlint: " << llvm::toString(Unit.takeError()) << "\n";
      return 2;
    }
    Units.push_back(std::move(*Unit));
    Source = "Kbuild CHECK= command line";
  } else if (HaveDashDash) {
    if (SourcePaths.empty()) {
      llvm::errs() << "kmodlint: name the files to analyze before '--'\n";
      return 2;
    }
    for (const std::string &File : SourcePaths)
      Units.push_back(explicitFlagsUnit(File, CompilerArgs));
    Source = "flags given after --";
  } else if (!BuildPath.empty()) {
    auto Loaded = loadDatabaseUnits(BuildPath, SourcePaths);
    if (!Loaded) {
      llvm::errs() << "kmodlint: " << llvm::toString(Loaded.takeError()) << "\n";
      return 2;
    }
    Units = std::move(*Loaded);
    Source = "compile database " + BuildPath + "/compile_commands.json";
    if (Units.empty()) {
      llvm::errs() << "kmodlint: " << BuildPath
                   << "/compile_commands.json lists no C files to analyze\n";
      return 2;
    }
  } else {
    if (SourcePaths.empty()) {
      llvm::errs() << "kmodlint: nothing to analyze; give -p <build-dir>, "
                      "files, or see --help\n";
      return 2;
    }
    for (const std::string &File : SourcePaths) {
      if (!llvm::sys::fs::exists(File)) {
        llvm::errs() << "kmodlint: " << File << ": no such file\n";
        return 2;
      }
      Units.push_back(bundledHeadersUnit(File));
    }
    Source = "bundled kernel API headers (no compile command given; use -p "
             "<build-dir> for your kernel's real headers)";
  }

  if (DumpClangCommands) {
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
    return 0;
  }

  std::vector<UnitResult> Results = analyzeUnits(Units, Options, Jobs);

  std::vector<Finding> Findings;
  unsigned Suppressed = 0;
  bool ToolFailed = false;
  for (const UnitResult &R : Results) {
    if (R.ParseFailed) {
      ToolFailed = true;
      llvm::errs() << "kmodlint: " << R.File
                   << ": could not be parsed; compiler errors:\n"
                   << R.CompilerErrors;
    }
    if (Verbose) {
      llvm::errs() << "kmodlint: " << R.File << ": "
                   << describeInputMode(R.Mode) << ", kernel "
                   << (R.KernelVersion ? formatKernelVersion(R.KernelVersion)
                                       : std::string("version unknown"))
                   << ", " << llvm::format("%.3f", R.Seconds) << " s\n";
      for (const std::string &Flag : R.DroppedFlags)
        llvm::errs() << "kmodlint:   dropped compiler flag " << Flag << "\n";
    }
    Findings.insert(Findings.end(), R.Findings.begin(), R.Findings.end());
    Suppressed += R.Suppressed;
  }
  sortAndUnique(Findings);

  std::unique_ptr<llvm::raw_fd_ostream> File;
  if (!OutputFile.empty()) {
    std::error_code EC;
    File = std::make_unique<llvm::raw_fd_ostream>(OutputFile, EC);
    if (EC) {
      llvm::errs() << "kmodlint: cannot write " << OutputFile << ": "
                   << EC.message() << "\n";
      return 2;
    }
  }
  if (!ExportFixes.empty()) {
    std::error_code EC;
    llvm::raw_fd_ostream Fixes(ExportFixes, EC);
    if (EC) {
      llvm::errs() << "kmodlint: cannot write " << ExportFixes << ": "
                   << EC.message() << "\n";
      return 2;
    }
    writeExportedFixes(Fixes, Findings);
  }
  llvm::raw_ostream &Out = File ? *File : llvm::outs();
  if (Format == OutputFormat::Json)
    writeJson(Out, Findings);
  else
    writeText(Out, Findings);
  Out.flush();

  if (!Quiet && !Kbuild)
    llvm::errs() << "kmodlint: " << Results.size() << " file"
                 << (Results.size() == 1 ? "" : "s") << " analyzed using "
                 << Source << "; " << Findings.size() << " finding"
                 << (Findings.size() == 1 ? "" : "s")
                 << (Suppressed ? " (" + std::to_string(Suppressed) +
                                      " suppressed inline)"
                                : std::string())
                 << "\n";
  if (ToolFailed)
    return 2;
  if (Kbuild)
    return 0;
  return Findings.empty() ? 0 : 1;
}
