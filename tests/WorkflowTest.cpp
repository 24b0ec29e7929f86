//===- WorkflowTest.cpp - Baselines, --diff lines, unused suppressions ----===//
#include "analyzer/workflow/Baseline.h"
#include "analyzer/workflow/GitDiff.h"
#include "analyzer/workflow/Suppressions.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

using namespace kmodlint;

static Finding finding(llvm::StringRef Check, llvm::StringRef File,
                       unsigned Line, llvm::StringRef Key) {
  Finding F;
  F.Check = Check.str();
  F.Where = {File.str(), Line, 1};
  F.Function = "probe";
  F.FingerprintKey = Key.str();
  F.Message = "m";
  return F;
}

TEST(Baseline, HidesKnownFindingsWhereverTheyMoved) {
  llvm::SmallString<128> Path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("baseline", "json", Path));
  std::vector<Finding> Old = {finding("leak.local", "/a/drv.c", 10, "p|kmalloc"),
                              finding("release.mismatch", "/a/drv.c", 20, "q")};
  ASSERT_FALSE(bool(writeBaseline(Path, Old)));
  auto Known = readBaseline(Path);
  ASSERT_TRUE(bool(Known)) << llvm::toString(Known.takeError());

  // Lines moved, the tree is checked out elsewhere, and one new finding
  // with the same shape as an old one appeared in the same function.
  std::vector<Finding> Now = {finding("leak.local", "/ci/x/drv.c", 42, "p|kmalloc"),
                              finding("leak.local", "/ci/x/drv.c", 50, "p|kmalloc"),
                              finding("release.mismatch", "/ci/x/drv.c", 61, "q"),
                              finding("release.mismatch", "/ci/x/drv.c", 70, "r")};
  EXPECT_EQ(removeBaselined(Now, *Known), 2u);
  ASSERT_EQ(Now.size(), 2u);
  EXPECT_EQ(Now[0].Where.Line, 50u) << "only as many as the baseline holds";
  EXPECT_EQ(Now[1].FingerprintKey, "r");
  llvm::sys::fs::remove(Path);
}

TEST(Baseline, RejectsWhatIsNotABaseline) {
  llvm::SmallString<128> Path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("baseline", "json", Path));
  {
    std::error_code EC;
    llvm::raw_fd_ostream(Path, EC) << "{\"version\": 1, \"findings\": [{}]}";
  }
  auto Known = readBaseline(Path);
  ASSERT_FALSE(bool(Known));
  EXPECT_NE(llvm::toString(Known.takeError()).find("fingerprint"),
            std::string::npos);
  EXPECT_FALSE(bool(readBaseline("/nonexistent/baseline.json")));
  llvm::consumeError(readBaseline("/nonexistent/baseline.json").takeError());
  llvm::sys::fs::remove(Path);
}

TEST(GitDiff, ParsesChangedLineRanges) {
  const char *Diff = "diff --git a/drv.c b/drv.c\n"
                     "--- a/drv.c\n"
                     "+++ b/drv.c\n"
                     "@@ -10,0 +11,3 @@ static int probe(void)\n"
                     "+\tbuf = kmalloc(n, GFP_KERNEL);\n"
                     "@@ -40 +43 @@\n"
                     "-old\n"
                     "+new\n"
                     "@@ -60,2 +62,0 @@\n"
                     "diff --git a/gone.c b/gone.c\n"
                     "--- a/gone.c\n"
                     "+++ /dev/null\n"
                     "@@ -1,3 +0,0 @@\n";
  ChangedLines C = parseUnifiedDiff(Diff, "/repo");
  EXPECT_TRUE(C.touchesFile("/repo/drv.c"));
  EXPECT_FALSE(C.touchesFile("/repo/gone.c"));
  for (unsigned Line : {11u, 12u, 13u, 43u, 62u, 63u})
    EXPECT_TRUE(C.touches(SourcePoint{"/repo/drv.c", Line, 1})) << Line;
  for (unsigned Line : {10u, 14u, 42u, 44u, 61u, 64u})
    EXPECT_FALSE(C.touches(SourcePoint{"/repo/drv.c", Line, 1})) << Line;

  // A finding counts when its path (an allocation note) touches the change.
  Finding F = finding("leak.error-path", "/repo/drv.c", 30, "k");
  EXPECT_FALSE(C.touches(F));
  F.Notes.push_back({{"/repo/drv.c", 12, 2}, "allocated by kmalloc()"});
  EXPECT_TRUE(C.touches(F));
}

TEST(Suppressions, FindsCommentsAndReportsTheUnusedOnes) {
  llvm::SmallString<128> Path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("supp", "c", Path));
  {
    std::error_code EC;
    llvm::raw_fd_ostream(Path, EC)
        << "int a; /* kmodlint: ignore[leak.local] handed to firmware */\n"
           "int b; // NOLINT(kmodlint-release.*)\n"
           "int c; /* kmodlint: ignore[leak.local] */\n"      // no reason
           "int d; // NOLINT(bugprone-foo)\n"                  // not ours
           "int e; /* kmodlint: ignore[gfp.flags] why */\n";
  }
  std::string File(Path);
  auto Buffer = llvm::MemoryBuffer::getFile(File);
  std::vector<SuppressionComment> Comments =
      suppressionComments((*Buffer)->getBuffer(), File);
  ASSERT_EQ(Comments.size(), 3u);
  EXPECT_EQ(Comments[0].Where.Line, 1u);
  EXPECT_EQ(Comments[0].Where.Column, 11u);
  EXPECT_EQ(Comments[1].Globs, std::vector<std::string>{"release.*"});
  EXPECT_EQ(Comments[2].Where.Line, 5u);

  std::vector<Finding> Findings = {finding("leak.local", File, 1, "x"),
                                   finding("leak.local", File, 3, "y")};
  std::vector<SourcePoint> Used;
  EXPECT_EQ(applySuppressions(Findings, &Used), 1u);
  ASSERT_EQ(Findings.size(), 1u) << "a suppression without a reason is none";
  ASSERT_EQ(Findings[0].Notes.size(), 1u) << "and the finding says why";
  EXPECT_NE(Findings[0].Notes[0].Message.find("gives no reason"), std::string::npos);
  // gfp.flags is disabled in this run: its comment is not reported.
  auto Enabled = [](llvm::StringRef Glob) { return Glob != "gfp.flags"; };
  std::vector<Finding> Unused = unusedSuppressions(File, Used, Enabled);
  ASSERT_EQ(Unused.size(), 1u);
  EXPECT_EQ(Unused[0].Check, "suppression.unused");
  EXPECT_EQ(Unused[0].Where.Line, 2u);
  EXPECT_NE(Unused[0].Message.find("'release.*'"), std::string::npos);
  llvm::sys::fs::remove(Path);
}

TEST(Suppressions, KernelStyleBlockCommentsAndNolintNextLine) {
  llvm::SmallString<128> Path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("supp", "c", Path));
  {
    std::error_code EC;
    llvm::raw_fd_ostream(Path, EC)
        << "/*\n"                                           // 1
           " * kmodlint: ignore[release.mismatch]\n"        // 2
           " * the buffer comes from the firmware loader\n" // 3
           " */\n"                                          // 4
           "int a;\n"                                       // 5
           "// NOLINTNEXTLINE(kmodlint-leak.local)\n"       // 6
           "int b;\n"                                       // 7
           "int c; /* kmodlint: ignore[releese.mismatch] typo */\n"; // 8
  }
  std::string File(Path);
  std::vector<Finding> Findings = {finding("release.mismatch", File, 5, "x"),
                                   finding("leak.local", File, 7, "y")};
  std::vector<SourcePoint> Used;
  EXPECT_EQ(applySuppressions(Findings, &Used), 2u);
  ASSERT_EQ(Used.size(), 2u);
  EXPECT_EQ(Used[0].Line, 1u) << "the comment is known by its first line";

  auto Enabled = [](llvm::StringRef) { return true; };
  std::vector<Finding> Unused = unusedSuppressions(File, Used, Enabled);
  ASSERT_EQ(Unused.size(), 1u) << "only the misspelt one";
  EXPECT_EQ(Unused[0].Where.Line, 8u);
  EXPECT_NE(Unused[0].Message.find("'releese.mismatch', which matches no check"),
            std::string::npos);
  llvm::sys::fs::remove(Path);
}

TEST(GitDiff, QuotedAndSpacedPaths) {
  const char *Diff = "+++ \"b/caf\\303\\251 \\\"x\\\".c\"\n"
                     "@@ -1 +1 @@\n"
                     "+++ b/with space.c\t\n"
                     "@@ -0,0 +1,2 @@\n";
  ChangedLines C = parseUnifiedDiff(Diff, "/repo");
  EXPECT_TRUE(C.touchesFile("/repo/caf\xc3\xa9 \"x\".c"));
  EXPECT_TRUE(C.touches(SourcePoint{"/repo/with space.c", 2, 1}));
}
