//===- TestdataTest.cpp - Run testdata/checks with inline expectations ----===//
//
// Each .c file under testdata/checks is analyzed against the bundled kernel
// headers: testdata/checks/<category>/<name>[-<topic>][_ok].c for check
// <category>.<name>, and files at the top for every check at once. A line expecting a finding carries
//     // expect-warning: <text in the message> [<check id>]
// or expect-note: for a finding of note level (advice), and may add
//     // expect-fix: <text in the fix's description>
// for a fix one of that line's findings must carry; "// expect-fix: none"
// says that line's findings carry none.
// Every finding must match an expectation on its line and every expectation
// must be met, so a file without expectations asserts silence (the "_ok"
// twins). "// kmodlint-test: kernel-version X.Y" sets the kernel version.
//
//===----------------------------------------------------------------------===//
#include "analyzer/frontend/Analysis.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include <gtest/gtest.h>

using namespace kmodlint;

namespace {

struct Expectation {
  unsigned Line;
  std::string Text;
  std::string Check;
  Severity Level = Severity::Warning;
  bool Met = false;
};

struct FixExpectation {
  unsigned Line;
  std::string Text; ///< "none": no finding on the line has a fix
};

std::vector<std::string> testdataFiles() {
  std::vector<std::string> Files;
  std::error_code EC;
  std::string Dir = std::string(KMODLINT_TESTDATA_DIR) + "/checks";
  for (llvm::sys::fs::recursive_directory_iterator It(Dir, EC), End;
       It != End && !EC; It.increment(EC))
    if (llvm::StringRef(It->path()).ends_with(".c"))
      Files.push_back(It->path());
  std::sort(Files.begin(), Files.end());
  return Files;
}

class TestdataFile : public ::testing::TestWithParam<std::string> {};

TEST_P(TestdataFile, FindingsMatchInlineExpectations) {
  const std::string &Path = GetParam();
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  ASSERT_TRUE(bool(Buffer));
  llvm::Regex Expect("^(.*) \\[([a-z.-]+)\\]$");
  llvm::Regex Version("// kmodlint-test: kernel-version ([0-9.]+)");
  std::vector<Expectation> Expected;
  std::vector<FixExpectation> ExpectedFixes;
  AnalysisOptions Options;
  // Every check's testdata runs it, whether or not it is on by default.
  // The other checks' testdata allocates a few bytes with vmalloc() on
  // purpose (family mismatches): alloc.small-vmalloc would advise on each,
  // so it runs on its own files only.
  Options.CheckFilters = {"*"};
  if (!llvm::StringRef(Path).contains("/checks/alloc/"))
    Options.CheckFilters.push_back("-alloc.small-vmalloc");
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n');
  for (unsigned I = 0; I < Lines.size(); ++I) {
    llvm::SmallVector<llvm::StringRef, 3> M;
    // Several expectations may share a line, each after its own marker.
    llvm::SmallVector<llvm::StringRef, 2> Parts;
    Lines[I].rtrim().split(Parts, "// expect-");
    for (llvm::StringRef Part : llvm::ArrayRef(Parts).drop_front()) {
      Part = Part.rtrim();
      if (Part.consume_front("fix: ")) {
        ExpectedFixes.push_back({I + 1, Part.str()});
        continue;
      }
      // "note: ..." or "warning: ...": the level a config would name.
      auto [Name, Rest] = Part.split(": ");
      std::optional<Severity> Level = severityNamed(Name);
      if (Level && *Level != Severity::Error && Expect.match(Rest, &M))
        Expected.push_back({I + 1, M[1].str(), M[2].str(), *Level});
    }
    if (Version.match(Lines[I], &M))
      Options.KernelVersionOverride = *parseKernelVersion(M[1]);
  }

  UnitResult Result = analyzeUnit(bundledHeadersUnit(Path), Options);
  ASSERT_FALSE(Result.Failed) << Result.FailureDetails;
  for (const Finding &F : Result.Findings) {
    bool Matched = false;
    for (Expectation &E : Expected)
      if (!E.Met && E.Line == F.Where.Line && E.Check == F.Check &&
          E.Level == F.Level && F.Message.find(E.Text) != std::string::npos) {
        E.Met = Matched = true;
        break;
      }
    EXPECT_TRUE(Matched) << "unexpected finding at " << F.Where.File << ":"
                         << F.Where.Line << ": " << F.Message << " ["
                         << F.Check << "]";
  }
  for (const Expectation &E : Expected)
    EXPECT_TRUE(E.Met) << "missing finding at line " << E.Line << ": "
                       << E.Text << " [" << E.Check << "]";
  for (const FixExpectation &E : ExpectedFixes) {
    bool None = E.Text == "none", Found = false;
    for (const Finding &F : Result.Findings)
      if (F.Where.Line == E.Line && F.Fix)
        Found |= None || F.Fix->Description.find(E.Text) != std::string::npos;
    EXPECT_EQ(Found, !None) << "line " << E.Line << ": expected "
                            << (None ? "no fix" : "a fix '" + E.Text + "'");
  }
}

std::string testName(const ::testing::TestParamInfo<std::string> &Info) {
  llvm::StringRef Relative = Info.param;
  Relative.consume_front(std::string(KMODLINT_TESTDATA_DIR) + "/checks/");
  std::string Name = Relative.drop_back(2).str(); // ".c"
  for (char &C : Name)
    if (!isalnum(static_cast<unsigned char>(C)))
      C = '_';
  return Name;
}

INSTANTIATE_TEST_SUITE_P(Checks, TestdataFile,
                         ::testing::ValuesIn(testdataFiles()), testName);

} // namespace
