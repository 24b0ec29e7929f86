//===- CheckNamingTest.cpp - id -> source -> doc -> testdata, mechanically ===//
//
// Check "<category>.<name>" is checks/<category>/<Name>Check.cpp, documented
// in docs/checks/<category>.<name>.md, with testdata/checks/<category>/
// <name>.c and its silent twin <name>_ok.c (checks/CheckList.def). Nothing
// else lives under those names.
//
//===----------------------------------------------------------------------===//
#include "checks/Check.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <gtest/gtest.h>

using namespace kmodlint;

namespace {

std::string sourceFile(llvm::StringRef Relative) {
  return (llvm::Twine(KMODLINT_SOURCE_DIR) + "/" + Relative).str();
}

/// "double-free" -> "DoubleFreeCheck".
std::string className(llvm::StringRef Name) {
  std::string Class;
  llvm::SmallVector<llvm::StringRef, 4> Words;
  Name.split(Words, '-');
  for (llvm::StringRef W : Words)
    Class += (llvm::Twine(llvm::toUpper(W.front())) + W.drop_front()).str();
  return Class + "Check";
}

std::vector<std::string> filesIn(llvm::StringRef Dir) {
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    Files.push_back(llvm::sys::path::filename(It->path()).str());
  return Files;
}

TEST(CheckNaming, EveryCheckHasItsSourceDocAndTestdata) {
  for (const auto &C : createAllChecks()) {
    auto [Category, Name] = C->id().split('.');
    ASSERT_FALSE(Name.empty()) << C->id().str() << " is not <category>.<name>";
    for (std::string Path :
         {("checks/" + Category + "/" + className(Name) + ".cpp").str(),
          ("docs/checks/" + C->id() + ".md").str(),
          ("testdata/checks/" + Category + "/" + Name + ".c").str(),
          ("testdata/checks/" + Category + "/" + Name + "_ok.c").str()})
      EXPECT_TRUE(llvm::sys::fs::exists(sourceFile(Path)))
          << C->id().str() << " needs " << Path;
  }
}

TEST(CheckNaming, NoFileInACheckFolderBelongsToNoCheck) {
  llvm::StringMap<llvm::StringSet<>> NamesByCategory;
  for (const auto &C : createAllChecks()) {
    auto [Category, Name] = C->id().split('.');
    NamesByCategory[Category].insert(Name);
  }
  for (const auto &[Category, Names] : NamesByCategory) {
    for (const std::string &File :
         filesIn(sourceFile(("testdata/checks/" + Category).str()))) {
      // <name>.c, <name>_ok.c, <name>-<topic>.c, <name>-<topic>_ok.c
      bool Known = llvm::any_of(Names, [&](const auto &N) {
        llvm::StringRef Rest = File;
        return Rest.consume_front(N.getKey()) &&
               (Rest.starts_with("-") || Rest == ".c" || Rest == "_ok.c");
      });
      EXPECT_TRUE(Known) << "testdata/checks/" << Category.str() << "/" << File
                         << " names no " << Category.str() << ".* check";
    }
    for (const std::string &File :
         filesIn(sourceFile(("checks/" + Category).str()))) {
      if (!llvm::StringRef(File).ends_with("Check.cpp"))
        continue; // a helper the category's checks share (Ownership.cpp)
      bool Known = llvm::any_of(Names, [&](const auto &N) {
        return File == className(N.getKey()) + ".cpp";
      });
      EXPECT_TRUE(Known) << "checks/" << Category.str() << "/" << File
                         << " is no registered check (checks/CheckList.def)";
    }
  }
}

} // namespace
