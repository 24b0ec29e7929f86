//===- CompilationInputsTest.cpp - compile database and Kbuild argv -------===//
#include "analyzer/frontend/CompilationInputs.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

using namespace kmodlint;

namespace {
class TempDir {
public:
  TempDir() { llvm::sys::fs::createUniqueDirectory("kmodlint-test", Path); }
  ~TempDir() { llvm::sys::fs::remove_directories(Path); }
  std::string file(llvm::StringRef Name, llvm::StringRef Text) {
    llvm::SmallString<256> P(Path);
    llvm::sys::path::append(P, Name);
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    OS << Text;
    return std::string(P);
  }
  llvm::SmallString<256> Path;
};
} // namespace

TEST(CompilationInputs, ReadsKbuildDatabaseAndSkipsModC) {
  TempDir Dir;
  std::string Db = R"([
    {"directory": "/usr/src/linux-headers-6.1.0-56-amd64",
     "arguments": ["gcc", "-I./include", "-c", "-o", "/m/a.o", "/m/a.c"],
     "file": "/m/a.c"},
    {"directory": "/usr/src/linux-headers-6.1.0-56-amd64",
     "arguments": ["gcc", "-c", "-o", "/m/a.mod.o", "/m/a.mod.c"],
     "file": "/m/a.mod.c"},
    {"directory": "/m", "command": "gcc -c rel.c", "file": "rel.c"}
  ])";
  Dir.file("compile_commands.json", Db);
  auto Units = loadDatabaseUnits(Dir.Path, {});
  ASSERT_TRUE(bool(Units)) << llvm::toString(Units.takeError());
  ASSERT_EQ(Units->size(), 2u);
  EXPECT_EQ((*Units)[0].File, "/m/a.c");
  EXPECT_EQ((*Units)[0].Directory, "/usr/src/linux-headers-6.1.0-56-amd64");
  EXPECT_EQ((*Units)[0].CommandLine[1], "-I./include");
  // A relative "file" is relative to the entry's directory.
  EXPECT_EQ((*Units)[1].File, "/m/rel.c");
}

TEST(CompilationInputs, MissingDatabaseNamesTheFile) {
  TempDir Dir;
  auto Units = loadDatabaseUnits(Dir.Path, {});
  ASSERT_FALSE(bool(Units));
  std::string Message = llvm::toString(Units.takeError());
  EXPECT_NE(Message.find("compile_commands.json"), std::string::npos);
  EXPECT_NE(Message.find("bear"), std::string::npos);
}

TEST(CompilationInputs, FileWithoutEntryIsAnError) {
  TempDir Dir;
  Dir.file("compile_commands.json",
           R"([{"directory": "/m", "command": "gcc -c a.c", "file": "a.c"}])");
  auto Units = loadDatabaseUnits(Dir.Path, {"/elsewhere/b.c"});
  ASSERT_FALSE(bool(Units));
  EXPECT_NE(llvm::toString(Units.takeError()).find("/elsewhere/b.c"),
            std::string::npos);
}

TEST(CompilationInputs, KbuildCheckArgvEndsWithTheFile) {
  auto Unit = kbuildCheckUnit({"-D__linux__", "--arch=x86", "-I./include",
                               "-DMODULE", "/m/drv.c"});
  ASSERT_TRUE(bool(Unit));
  EXPECT_EQ(Unit->File, "/m/drv.c");
  EXPECT_EQ(Unit->Mode, InputMode::KbuildCheck);
  EXPECT_EQ(Unit->CommandLine.back(), "/m/drv.c");
  EXPECT_FALSE(bool(kbuildCheckUnit({"-DMODULE"})));
}

TEST(CompilationInputs, BundledHeadersUnitUsesTheVirtualIncludeDir) {
  AnalysisUnit Unit = bundledHeadersUnit("/m/x.c");
  EXPECT_EQ(Unit.Mode, InputMode::BundledHeaders);
  EXPECT_NE(std::find(Unit.CommandLine.begin(), Unit.CommandLine.end(),
                      "-I" + BundledIncludeDir.str()),
            Unit.CommandLine.end());
}

TEST(CompilationInputs, ACutOrPaddedDatabaseIsAnErrorNamingIt) {
  std::string Entry =
      R"({"directory": "/m", "command": "gcc -c a.c", "file": "a.c"})";
  for (std::string Text : {"[" + Entry + ", " + Entry, // no closing ]
                           "[" + Entry + "] trailing"}) {
    TempDir Dir;
    Dir.file("compile_commands.json", Text);
    auto Units = loadDatabaseUnits(Dir.Path, {});
    ASSERT_FALSE(bool(Units)) << Text;
    std::string Message = llvm::toString(Units.takeError());
    EXPECT_NE(Message.find("compile_commands.json is not valid JSON"),
              std::string::npos)
        << Message;
    EXPECT_EQ(Message.find("YAML"), std::string::npos) << Message;
  }
}
