//===- CompilerFlagsTest.cpp - gcc-to-clang flag sanitizing ---------------===//
#include "analyzer/frontend/CompilerFlags.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include <gtest/gtest.h>

using namespace kmodlint;

/// A real argv recorded from Debian 6.1 Kbuild (testdata/kbuild/*.json).
static std::vector<std::string> recordedArgv(llvm::StringRef Name) {
  auto Buffer = llvm::MemoryBuffer::getFile(std::string(KMODLINT_TESTDATA_DIR) +
                                            "/kbuild/" + Name.str());
  EXPECT_TRUE(bool(Buffer)) << Name.str();
  auto Parsed = llvm::json::parse((*Buffer)->getBuffer());
  EXPECT_TRUE(bool(Parsed));
  std::vector<std::string> Args;
  for (const llvm::json::Value &V : *Parsed->getAsArray())
    Args.push_back(V.getAsString()->str());
  return Args;
}

static bool contains(const std::vector<std::string> &V, llvm::StringRef S) {
  return std::find(V.begin(), V.end(), S.str()) != V.end();
}

TEST(CompilerFlags, DropsWhatClangRejectsFromRealKbuildCommand) {
  SanitizedFlags Out = sanitizeCompilerFlags(recordedArgv("phantom.argv.json"));
  // The six options clang-19 rejects on Debian's 6.1 Kbuild lines.
  for (llvm::StringRef Gcc :
       {"-mpreferred-stack-boundary=3", "-mindirect-branch=thunk-extern",
        "-mindirect-branch-register", "-fno-allow-store-data-races",
        "-fconserve-stack", "-mrecord-mcount"}) {
    EXPECT_FALSE(contains(Out.Args, Gcc)) << Gcc.str();
    EXPECT_TRUE(contains(Out.Dropped, Gcc)) << Gcc.str();
  }
  // Kbuild's dependency file must never be written by a checker.
  for (const std::string &A : Out.Args)
    EXPECT_FALSE(llvm::StringRef(A).starts_with("-Wp,")) << A;
  // What the parse needs stays, in order.
  EXPECT_TRUE(contains(Out.Args, "-I./include"));
  EXPECT_TRUE(contains(Out.Args, "-DMODULE"));
  EXPECT_TRUE(contains(Out.Args, "-nostdinc"));
  EXPECT_TRUE(contains(Out.Args, "/tmp/corpus/mod/phantom.c"));
  EXPECT_TRUE(contains(Out.Args, "-w"));
  EXPECT_FALSE(contains(Out.Args, "-Werror=strict-prototypes"));
}

TEST(CompilerFlags, ToleratesSparseCheckFlags) {
  SanitizedFlags Out =
      sanitizeCompilerFlags(recordedArgv("tifm_core.check-argv.json"));
  EXPECT_FALSE(contains(Out.Args, "--arch=x86"));
  EXPECT_FALSE(contains(Out.Args, "-Wbitwise"));
  EXPECT_FALSE(contains(Out.Args, "-D__STDC__"));
  EXPECT_TRUE(contains(Out.Args, "-D__x86_64__"));
}

TEST(CompilerFlags, UnknownGccFlagsAreFoundByClangsOptionTable) {
  SanitizedFlags Out = sanitizeCompilerFlags(
      {"gcc", "-fsome-future-gcc-only-flag", "-O2", "-c", "x.c"});
  EXPECT_TRUE(contains(Out.Dropped, "-fsome-future-gcc-only-flag"));
  EXPECT_TRUE(contains(Out.Args, "-O2"));
}

TEST(CompilerFlags, KnownListMatchesPrefixes) {
  EXPECT_TRUE(isKnownGccOnlyFlag("-mpreferred-stack-boundary=4"));
  EXPECT_TRUE(isKnownGccOnlyFlag("-mindirect-branch=thunk"));
  EXPECT_FALSE(isKnownGccOnlyFlag("-mno-red-zone"));
  EXPECT_TRUE(isKnownGccOnlyFlag("-mhard-float"));
}

TEST(CompilerFlags, DropsOptionsThatWriteFilesWithTheirValues) {
  std::vector<std::string> Argv = {
      "gcc", "-c", "-O2", "-MJ", "frag.json", "-MJjoined.json",
      "--serialize-diagnostics", "d.dia", "-fmodules",
      "-fmodules-cache-path=/tmp/mc", "-Xclang", "-dependency-file",
      "-Xclang", "deps.d", "-Xclang", "-stats-file=st.txt", "-Xclang",
      "-header-include-file", "-Xclang", "h.txt", "-Xclang", "-dependency-dot",
      "-Xclang", "g.dot", "-Xclang", "-fno-builtin", "-DKEEP=1", "a.c"};
  SanitizedFlags Out = sanitizeCompilerFlags(Argv);
  std::vector<std::string> Kept(Out.Args.begin(), Out.Args.end() - 2);
  EXPECT_EQ(Kept, (std::vector<std::string>{"gcc", "-c", "-O2", "-Xclang",
                                            "-fno-builtin", "-DKEEP=1",
                                            "a.c"}));
  for (const char *Written : {"frag.json", "d.dia", "deps.d", "h.txt", "g.dot"})
    EXPECT_TRUE(llvm::is_contained(Out.Dropped, Written)) << Written;
}

TEST(CompilerFlags, DropsOptionsThatLoadCodeOrWriteTracesAndTemporaries) {
  std::vector<std::string> Argv = {
      "gcc", "-c", "-ftime-trace", "-ftime-trace=t.json", "-save-temps",
      "-save-temps=obj", "-save-stats=cwd", "-fproc-stat-report=r.csv",
      "-fcrash-diagnostics-dir=/tmp/crash", "-fplugin=./evil.so",
      "-fpass-plugin=./pass.so", "-Xclang", "-load", "-Xclang", "lib.so",
      "-Xclang", "-add-plugin", "-Xclang", "p", "-Xclang", "-plugin-arg-p",
      "-Xclang", "v", "-DKEEP=1", "a.c"};
  SanitizedFlags Out = sanitizeCompilerFlags(Argv);
  std::vector<std::string> Kept(Out.Args.begin(), Out.Args.end() - 2);
  EXPECT_EQ(Kept, (std::vector<std::string>{"gcc", "-c", "-DKEEP=1", "a.c"}));
  for (const char *Dropped : {"lib.so", "-fplugin=./evil.so", "t.json"})
    EXPECT_TRUE(llvm::any_of(Out.Dropped, [&](const std::string &D) {
      return llvm::StringRef(D).contains(Dropped);
    })) << Dropped;
}
