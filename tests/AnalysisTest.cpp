//===- AnalysisTest.cpp - Running units: failures, parallel determinism ---===//
#include "analyzer/frontend/Analysis.h"
#include "analyzer/frontend/IsolatedUnits.h"
#include "analyzer/report/Report.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

using namespace kmodlint;

static std::vector<AnalysisUnit> testdataUnits() {
  std::vector<AnalysisUnit> Units;
  std::error_code EC;
  std::string Dir = std::string(KMODLINT_TESTDATA_DIR) + "/checks";
  for (llvm::sys::fs::recursive_directory_iterator It(Dir, EC), End;
       It != End && !EC; It.increment(EC))
    if (llvm::StringRef(It->path()).ends_with(".c"))
      Units.push_back(bundledHeadersUnit(It->path()));
  std::sort(Units.begin(), Units.end(),
            [](const AnalysisUnit &A, const AnalysisUnit &B) {
              return A.File < B.File;
            });
  return Units;
}

static std::string render(const std::vector<UnitResult> &Results) {
  std::vector<Finding> All;
  for (const UnitResult &R : Results)
    All.insert(All.end(), R.Findings.begin(), R.Findings.end());
  sortAndUnique(All);
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeJson(OS, All);
  return Text;
}

/// Every check, those off by default included: the tests exercise them all.
static AnalysisOptions allChecks() {
  AnalysisOptions Options;
  Options.CheckFilters = {"*"};
  return Options;
}

TEST(Analysis, OutputDoesNotDependOnThreads) {
  std::vector<AnalysisUnit> Units = testdataUnits();
  ASSERT_GT(Units.size(), 10u);
  AnalysisOptions Options = allChecks();
  std::string One = render(analyzeUnits(Units, std::vector<AnalysisOptions>(Units.size(), Options), 1));
  std::string Two = render(analyzeUnits(Units, std::vector<AnalysisOptions>(Units.size(), Options), 2));
  EXPECT_EQ(One, Two);
  EXPECT_NE(One.find("release.mismatch"), std::string::npos);
}

// A worker process hands back findings, notes, fixes and fingerprints
// through JSON: they must survive it unchanged.
TEST(Analysis, IsolatedWorkersReportWhatThreadsReport) {
  std::vector<AnalysisUnit> Units = testdataUnits();
  std::vector<AnalysisOptions> Options(Units.size(), allChecks());
  std::vector<UnitBudget> Budgets(Units.size(), DefaultUnitBudget);
  std::vector<UnitResult> Isolated =
      analyzeUnitsIsolated(Units, Options, Budgets, 2);
  for (const UnitResult &R : Isolated)
    EXPECT_FALSE(R.Failed) << R.File << ": " << R.FailureReason;
  std::string Threads = render(analyzeUnits(Units, Options, 2));
  EXPECT_EQ(render(Isolated), Threads);
  EXPECT_NE(Threads.find("\"fix\""), std::string::npos);
}

TEST(Analysis, UnitResultSurvivesJson) {
  UnitResult R;
  R.File = "a.c";
  R.Mode = InputMode::KbuildCheck;
  R.KernelVersion = 0x060c00;
  R.DroppedFlags = {"-fconserve-stack"};
  R.Suppressed = 2;
  R.Incomplete.push_back({"f", {"a.c", 3, 1}, 7, true, false});
  Finding F;
  F.Check = "leak.local";
  F.Level = Severity::Error;
  F.Where = {"a.c", 10, 4};
  F.Message = "m";
  F.Function = "f";
  F.Notes.push_back({{"a.c", 9, 2}, "allocated by kmalloc()"});
  F.Fix = FixIt{"use kvmalloc()", {{"a.c", 100, 6, "kvfree"}, {"a.c", 80, 7, "kvmalloc"}}};
  F.FingerprintKey = "k";
  R.Findings.push_back(F);
  std::string Text;
  llvm::raw_string_ostream(Text) << llvm::json::Value(toJSON(R));
  auto Back = llvm::json::parse<UnitResult>(Text);
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  std::string Again;
  llvm::raw_string_ostream(Again) << llvm::json::Value(toJSON(*Back));
  EXPECT_EQ(Text, Again);
  EXPECT_EQ(Back->Mode, InputMode::KbuildCheck);
  ASSERT_EQ(Back->Findings.size(), 1u);
  EXPECT_EQ(Back->Findings[0].fingerprint(), F.fingerprint());
  ASSERT_EQ(Back->Findings[0].Fix->Edits.size(), 2u);
  EXPECT_EQ(Back->Findings[0].Fix->Edits[1].Replacement, "kvmalloc");
  EXPECT_EQ(Back->Findings[0].Level, Severity::Error);
  EXPECT_FALSE(bool(llvm::json::parse<UnitResult>(
      "{\"file\": \"a.c\", \"mode\": 9}")));
}

TEST(Analysis, ParseFailureIsReportedWithCompilerErrors) {
  llvm::SmallString<128> Path;
  int FD = 0;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("broken", "c", FD, Path));
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << "#include <linux/slab.h>\nint f(void) { return undeclared_thing; }\n";
  }
  UnitResult R = analyzeUnit(bundledHeadersUnit(Path), allChecks());
  llvm::sys::fs::remove(Path);
  EXPECT_TRUE(R.Failed);
  EXPECT_NE(R.FailureDetails.find("undeclared_thing"), std::string::npos)
      << R.FailureDetails;
  EXPECT_TRUE(R.Findings.empty());
}

TEST(Analysis, CheckFiltersFollowClangTidyGlobs) {
  EXPECT_TRUE(isCheckEnabled("release.mismatch", {"*"}));
  EXPECT_FALSE(isCheckEnabled("release.mismatch", {"*", "-release.*"}));
  EXPECT_TRUE(isCheckEnabled("leak.local", {"*", "-release.*"}));
  EXPECT_TRUE(isCheckEnabled("atomic.sleep", {"-*", "atomic.*"}));
  EXPECT_FALSE(isCheckEnabled("gfp.flags", {"-*", "atomic.*"}));
}

TEST(Analysis, ChecksOffByDefaultRunOnlyWhenNamed) {
  EXPECT_FALSE(isCheckEnabled("leak.local", {}, /*ByDefault=*/false));
  EXPECT_FALSE(isCheckEnabled("leak.local", {"-atomic.*"}, false));
  EXPECT_TRUE(isCheckEnabled("leak.local", {"*"}, false));
  EXPECT_TRUE(isCheckEnabled("leak.local", {"leak.*"}, false));
  EXPECT_FALSE(isCheckEnabled("leak.local", {"*", "-leak.local"}, false));
  EXPECT_TRUE(isCheckEnabled("gfp.flags", {}, true));
}

/// A probe that leaks cfg when pdev->id < 0; \p Test is the failing branch.
static std::string probeLeakingOnABranch(llvm::StringRef Test) {
  return (R"(#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

static int demo_probe(struct platform_device *pdev)
{
	void *cfg = kzalloc(32, GFP_KERNEL);

	if (!cfg)
		return -ENOMEM;
)" + Test + R"(
	kfree(cfg);
	return 0;
}

static struct platform_driver demo_driver = {
	.probe = demo_probe,
	.driver = { .name = "demo" },
};
module_platform_driver(demo_driver);
)").str();
}

/// A C file in the temporary directory, rewritten and analyzed as a test
/// goes (a fix applied, then the file analyzed again).
class ScratchSource {
public:
  explicit ScratchSource(llvm::StringRef Prefix) {
    int FD = 0;
    Created = !llvm::sys::fs::createTemporaryFile(Prefix, "c", FD, Path);
    if (Created)
      llvm::sys::Process::SafelyCloseFileDescriptor(FD);
  }
  ~ScratchSource() { llvm::sys::fs::remove(Path); }
  bool created() const { return Created; }
  void write(const std::string &Text) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << Text;
  }
  UnitResult analyze() { return analyzeUnit(bundledHeadersUnit(Path), allChecks()); }

private:
  llvm::SmallString<128> Path;
  bool Created = false;
};

TEST(Analysis, ErrorPathFixItRemovesTheLeak) {
  std::string Source =
      probeLeakingOnABranch("\tif (pdev->id < 0) {\n\t\treturn -EINVAL;\n\t}");
  ScratchSource File("fixit");
  ASSERT_TRUE(File.created());
  File.write(Source);
  UnitResult Before = File.analyze();
  ASSERT_EQ(Before.Findings.size(), 1u);
  ASSERT_TRUE(Before.Findings[0].Fix.has_value());
  const FixIt &Fix = *Before.Findings[0].Fix;
  ASSERT_EQ(Fix.Edits.size(), 1u);
  std::string Fixed = Source;
  Fixed.replace(Fix.Edits[0].Offset, Fix.Edits[0].Length, Fix.Edits[0].Replacement);
  File.write(Fixed);
  UnitResult After = File.analyze();
  EXPECT_FALSE(After.Failed) << After.FailureDetails;
  EXPECT_TRUE(After.Findings.empty());
  EXPECT_NE(Fixed.find("kfree(cfg);\n\t\treturn -EINVAL;"), std::string::npos)
      << Fixed;
}

// A fix with several edits: the allocator and every release change family
// together, and the result is clean for every check (no mismatch left).
TEST(Analysis, HighOrderFixSwapsAllocatorAndReleases) {
  std::string Source = R"(#include <linux/module.h>
#include <linux/slab.h>
struct entry { u32 key; u32 value; };
static int sum_table(int fail)
{
	struct entry *t = kmalloc(8192 * sizeof(*t), GFP_KERNEL);
	int sum = 0;

	if (!t)
		return -ENOMEM;
	if (fail) {
		kfree(t);
		return -EINVAL;
	}
	sum = t[0].value;
	kfree(t);
	return sum;
}
MODULE_LICENSE("GPL");
)";
  ScratchSource File("highorder");
  ASSERT_TRUE(File.created());
  File.write(Source);
  UnitResult Before = File.analyze();
  ASSERT_EQ(Before.Findings.size(), 1u);
  EXPECT_EQ(Before.Findings[0].Check, "alloc.high-order");
  EXPECT_EQ(Before.Findings[0].Level, Severity::Note);
  ASSERT_TRUE(Before.Findings[0].Fix.has_value());
  std::vector<TextEdit> Edits = Before.Findings[0].Fix->Edits;
  ASSERT_EQ(Edits.size(), 3u) << "kmalloc and both kfree calls";
  std::sort(Edits.begin(), Edits.end(), [](const TextEdit &A, const TextEdit &B) {
    return A.Offset > B.Offset;
  });
  std::string Fixed = Source;
  for (const TextEdit &E : Edits)
    Fixed.replace(E.Offset, E.Length, E.Replacement);
  File.write(Fixed);
  UnitResult After = File.analyze();
  EXPECT_FALSE(After.Failed) << After.FailureDetails;
  EXPECT_TRUE(After.Findings.empty()) << After.Findings[0].Message;
  EXPECT_NE(Fixed.find("kvmalloc(8192 * sizeof(*t), GFP_KERNEL)"), std::string::npos);
  EXPECT_EQ(Fixed.find("kfree("), std::string::npos) << Fixed;
}

TEST(Analysis, ErrorPathFixItOnlyWhereTheReturnStartsItsLine) {
  // `{ return -EINVAL; }` on one line: a release inserted before the return
  // would need the line split; no fix rather than a broken one.
  llvm::SmallString<128> Path;
  int FD = 0;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("fixit1", "c", FD, Path));
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << probeLeakingOnABranch("\tif (pdev->id < 0) { return -EINVAL; }");
  }
  UnitResult R = analyzeUnit(bundledHeadersUnit(Path), allChecks());
  llvm::sys::fs::remove(Path);
  ASSERT_EQ(R.Findings.size(), 1u);
  EXPECT_EQ(R.Findings[0].Check, "leak.error-path");
  EXPECT_FALSE(R.Findings[0].Fix.has_value());
}

TEST(Analysis, ExportedFixesAreClangApplyReplacementsYaml) {
  Finding F;
  F.Check = "release.mismatch";
  F.Message = "'p' holds vmalloc memory from vmalloc() but is released with kfree(); use vfree()";
  F.Where = {"/src/a.c", 10, 2};
  F.Fix = FixIt{"replace kfree() with vfree()", {{"/src/a.c", 120, 5, "vfree"}, {"/src/a.c", 60, 7, "vmalloc"}}};
  Finding NoFix = F;
  NoFix.Fix.reset();
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeExportedFixes(OS, {F, NoFix});
  YAML::Node Doc = YAML::Load(OS.str());
  EXPECT_EQ(Doc["MainSourceFile"].as<std::string>(), "/src/a.c");
  ASSERT_EQ(Doc["Diagnostics"].size(), 1u);
  YAML::Node Replacement =
      Doc["Diagnostics"][0]["DiagnosticMessage"]["Replacements"][0];
  EXPECT_EQ(Replacement["Offset"].as<unsigned>(), 120u);
  EXPECT_EQ(Replacement["Length"].as<unsigned>(), 5u);
  EXPECT_EQ(Replacement["ReplacementText"].as<std::string>(), "vfree");
  EXPECT_EQ(Doc["Diagnostics"][0]["DiagnosticMessage"]["Replacements"][1]
               ["ReplacementText"].as<std::string>(),
            "vmalloc")
      << "every edit of a fix";
  EXPECT_EQ(Doc["Diagnostics"][0]["DiagnosticName"].as<std::string>(),
            "release.mismatch");
}

// A subsystem's own vmalloc-like allocator, declared only in a config's
// model, gets the gfp.flags findings a built-in family gets: the check
// reads the family's needs_direct_reclaim, never a family name.
TEST(Analysis, UserFamilyGetsTheGfpChecksOfABuiltinOne) {
  const char *Source = R"(#include <linux/slab.h>
void *foo_vmap_alloc(unsigned long size, gfp_t gfp);
void foo_vmap_free(void *p);
void *a(void) { return foo_vmap_alloc(64, GFP_ATOMIC); }
void *b(void) { return foo_vmap_alloc(64, GFP_KERNEL); }
)";
  llvm::SmallString<128> Path;
  int FD = 0;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("userfamily", "c", FD, Path));
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Source;
  }
  auto Findings = [&](bool NeedsReclaim) {
    auto Model = ApiModel::parseBuiltin();
    EXPECT_TRUE(bool(Model));
    std::string Yaml = std::string("families:\n  foo_vmap:\n") +
                       (NeedsReclaim ? "    needs_direct_reclaim: true\n" : "") +
                       "    acquire: {foo_vmap_alloc: {gfp: 1}}\n"
                       "    release: {foo_vmap_free: {arg: 0}}\n";
    EXPECT_FALSE(bool((*Model)->extend(Yaml, "test.yaml")));
    AnalysisOptions Options;
    Options.Model = Model->get();
    Options.CheckFilters = {"-*", "gfp.flags"};
    return analyzeUnit(bundledHeadersUnit(Path), Options).Findings;
  };
  std::vector<Finding> With = Findings(true);
  ASSERT_EQ(With.size(), 1u);
  EXPECT_EQ(With[0].Where.Line, 4u);
  EXPECT_NE(With[0].Message.find("foo_vmap_alloc() needs a GFP_KERNEL-"
                                 "compatible mask"),
            std::string::npos)
      << With[0].Message;
  EXPECT_TRUE(Findings(false).empty());
  llvm::sys::fs::remove(Path);
}

// A database entry with "arguments": [] or a blank "command" used to crash
// (Args[0] of an empty vector): it is now one unusable file, reported.
TEST(Analysis, EmptyCommandLineIsAFailureNotACrash) {
  for (std::vector<std::string> CommandLine :
       {std::vector<std::string>{}, std::vector<std::string>{"  "}}) {
    AnalysisUnit Unit;
    Unit.File = std::string(KMODLINT_TESTDATA_DIR) + "/checks/precision_ok.c";
    Unit.Directory = "/";
    Unit.CommandLine = CommandLine;
    EXPECT_EQ(clangArguments(Unit).front(), "clang");
    UnitResult R = analyzeUnit(Unit, allChecks());
    EXPECT_TRUE(R.Failed);
    EXPECT_NE(R.FailureReason.find("empty command line"), std::string::npos);
  }
}

TEST(Analysis, AFunctionCutShortByTheStateBoundIsSaid) {
  // 40 registrations, each followed by a step that may fail: more paths
  // reach the error labels than the engine keeps per block.
  std::string Source = "#include <linux/module.h>\n#include <linux/miscdevice.h>\n"
                       "int step(int);\n";
  const int N = 40;
  for (int I = 0; I < N; ++I)
    Source += "static struct miscdevice m" + std::to_string(I) +
              " = { .minor = MISC_DYNAMIC_MINOR, .name = \"m\" };\n";
  Source += "static int __init l_init(void)\n{\n\tint ret;\n";
  for (int I = 0; I < N; ++I) {
    std::string S = std::to_string(I);
    Source += "\tret = misc_register(&m" + S + ");\n\tif (ret)\n\t\tgoto e" + S +
              ";\n\tret = step(" + S + ");\n\tif (ret)\n\t\tgoto f" + S + ";\n";
  }
  Source += "\treturn 0;\n";
  for (int I = N - 1; I >= 0; --I)
    Source += "f" + std::to_string(I) + ":\n\tmisc_deregister(&m" +
              std::to_string(I) + ");\ne" + std::to_string(I) + ":\n";
  Source += "\treturn ret;\n}\nmodule_init(l_init);\n";
  llvm::SmallString<128> Path;
  int FD = 0;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("ladder", "c", FD, Path));
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Source;
  }
  UnitResult R = analyzeUnit(bundledHeadersUnit(Path), allChecks());
  llvm::sys::fs::remove(Path);
  ASSERT_FALSE(R.Failed) << R.FailureDetails;
  ASSERT_EQ(R.Incomplete.size(), 1u);
  EXPECT_EQ(R.Incomplete[0].Function, "l_init");
  EXPECT_GT(R.Incomplete[0].DroppedPaths, 0u);
  EXPECT_FALSE(R.Incomplete[0].OutOfBudget);
  EXPECT_EQ(R.Incomplete[0].Where.File, std::string(Path));
}

TEST(Analysis, SmallFunctionsAreComplete) {
  UnitResult R = analyzeUnit(
      bundledHeadersUnit(std::string(KMODLINT_TESTDATA_DIR) +
                         "/checks/leak/error-path.c"),
      allChecks());
  ASSERT_FALSE(R.Failed);
  EXPECT_TRUE(R.Incomplete.empty());
}
