//===- ConfigTest.cpp - .kmodlint.yaml parsing and lookup -----------------===//
#include "analyzer/workflow/Config.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

using namespace kmodlint;

static std::string errorOf(llvm::StringRef Yaml) {
  auto C = parseConfig(Yaml, "/p/.kmodlint.yaml", "/p");
  return C ? std::string() : llvm::toString(C.takeError());
}

TEST(Config, ReadsChecksSeverityAndExcludes) {
  auto C = parseConfig("checks: ['*', '-atomic.*']\n"
                       "severity:\n  'leak.*': error\n  leak.local: warning\n  alloc.high-order: note\n"
                       "exclude: ['drivers/staging/', '*_test.c']\n",
                       "/p/.kmodlint.yaml", "/p");
  ASSERT_TRUE(bool(C)) << llvm::toString(C.takeError());
  EXPECT_EQ((*C)->Checks, (std::vector<std::string>{"*", "-atomic.*"}));
  EXPECT_EQ((*C)->severityOf("leak.error-path", Severity::Warning), Severity::Error);
  EXPECT_EQ((*C)->severityOf("leak.local", Severity::Warning), Severity::Warning) << "last wins";
  EXPECT_EQ((*C)->severityOf("release.mismatch", Severity::Warning), Severity::Warning);
  EXPECT_EQ((*C)->severityOf("alloc.small-vmalloc", Severity::Note), Severity::Note)
      << "the check's own default when nothing matches";
  EXPECT_EQ((*C)->severityOf("alloc.high-order", Severity::Warning), Severity::Note);
  EXPECT_TRUE((*C)->excludes("/p/drivers/staging/foo/bar.c"));
  EXPECT_TRUE((*C)->excludes("/p/drivers/misc/x_test.c"));
  EXPECT_FALSE((*C)->excludes("/p/drivers/misc/x.c"));
  EXPECT_EQ(&(*C)->model(), &ApiModel::builtin()) << "no extension, no copy";
}

TEST(Config, CheckNamesMustExistAndKeysBeUnique) {
  EXPECT_EQ(errorOf("checks: ['*', '-leek.local']\n"),
            "/p/.kmodlint.yaml:1:15: '-leek.local' matches no check "
            "(kmodlint --list-checks lists them)");
  EXPECT_EQ(errorOf("severity:\n  'lek.*': error\n"),
            "/p/.kmodlint.yaml:2:3: 'lek.*' matches no check "
            "(kmodlint --list-checks lists them)");
  EXPECT_EQ(errorOf("checks: ['-*']\nchecks: ['*']\n"),
            "/p/.kmodlint.yaml:2:1: 'checks' appears twice (first at line 1)");
  EXPECT_EQ(errorOf("checks: ['*']\n---\nchecks: ['-*']\n"),
            "/p/.kmodlint.yaml:3:1: a kmodlint config is one YAML document; "
            "this is a second");
  // Wrong shapes inside the model get a position too.
  EXPECT_EQ(errorOf("model:\n  may_sleep: [foo]\n"),
            "/p/.kmodlint.yaml:2:14: 'may_sleep' must be a mapping of names");
  EXPECT_EQ(errorOf("model:\n  borrowing_calls: {x: 1}\n"),
            "/p/.kmodlint.yaml:2:20: 'borrowing_calls' must be a list of names");
  EXPECT_EQ(errorOf("model:\n  atomic:\n    callbacks: [x]\n"),
            "/p/.kmodlint.yaml:3:16: 'callbacks' must be a mapping of names");
}

TEST(Config, ChecksMayBeOneCommaSeparatedString) {
  auto C = parseConfig("checks: '*,-release.*'\n", "f", "/");
  ASSERT_TRUE(bool(C));
  EXPECT_EQ((*C)->Checks, (std::vector<std::string>{"*", "-release.*"}));
}

TEST(Config, ErrorsNameFileLineAndColumn) {
  EXPECT_EQ(errorOf("checks: ['*']\nchekcs: x\n"),
            "/p/.kmodlint.yaml:2:1: unknown key 'chekcs' (expected one of: "
            "checks, severity, exclude, model, model_files, tu_timeout, "
            "tu_memory)");
  EXPECT_EQ(errorOf("severity:\n  leak.*: fatal\n"),
            "/p/.kmodlint.yaml:2:11: severity must be note, warning or error, not "
            "'fatal'");
  EXPECT_EQ(errorOf("checks: {a: b}\n"),
            "/p/.kmodlint.yaml:1:9: 'checks' must be a list of strings");
  EXPECT_NE(errorOf("checks: [\n"), "") << "YAML syntax error";
  // The model extension is checked by the model's own parser, with this
  // file's positions.
  EXPECT_EQ(errorOf("model:\n  families:\n    mydrv_buf:\n      acquire:\n"
                    "        mydrv_alloc: {gpf: 1}\n"),
            "/p/.kmodlint.yaml:5:23: unknown key 'gpf' in an acquire entry "
            "(expected one of: gfp, fails, returns, key, consumes, parent)");
}

TEST(Config, ModelExtensionAddsToTheBuiltinModel) {
  auto C = parseConfig("model:\n"
                       "  families:\n"
                       "    mydrv_buf:\n"
                       "      acquire: {mydrv_buf_get: {gfp: 1}}\n"
                       "      release: {mydrv_buf_put: {arg: 0}}\n"
                       "  may_sleep: {mydrv_wait_fw: waits for the firmware}\n",
                       "/p/.kmodlint.yaml", "/p");
  ASSERT_TRUE(bool(C)) << llvm::toString(C.takeError());
  const ApiModel &M = (*C)->model();
  ASSERT_NE(M.findAcquire("mydrv_buf_get"), nullptr);
  EXPECT_EQ(M.findAcquire("mydrv_buf_get")->Family->Name, "mydrv_buf");
  EXPECT_EQ(M.familyReleasedBy("mydrv_buf_put")->Name, "mydrv_buf");
  EXPECT_EQ(M.maySleep("mydrv_wait_fw"), "waits for the firmware");
  ASSERT_NE(M.findAcquire("kmalloc"), nullptr) << "built-in entries stay";
  EXPECT_EQ(ApiModel::builtin().findAcquire("mydrv_buf_get"), nullptr)
      << "the built-in model itself is not changed";
}

TEST(Config, ReplacingABuiltinFamilyDropsItsOldEntries) {
  auto C = parseConfig("model:\n  families:\n    vmalloc:\n"
                       "      acquire: {my_vmalloc: {}}\n"
                       "      release: {vfree: {arg: 0}}\n",
                       "f", "/");
  ASSERT_TRUE(bool(C)) << llvm::toString(C.takeError());
  const ApiModel &M = (*C)->model();
  EXPECT_EQ(M.findAcquire("vzalloc"), nullptr);
  ASSERT_NE(M.findAcquire("my_vmalloc"), nullptr);
  EXPECT_EQ(M.findAcquire("my_vmalloc")->Family, M.findFamily("vmalloc"));
  EXPECT_EQ(M.familyReleasedBy("vfree"), M.findFamily("vmalloc"));
}

class ConfigFiles : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("kmodlint-config", Root));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Root); }
  std::string path(llvm::StringRef Relative) {
    llvm::SmallString<256> P(Root);
    llvm::sys::path::append(P, Relative);
    return std::string(P);
  }
  void write(llvm::StringRef Relative, llvm::StringRef Text) {
    std::string P = path(Relative);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P));
    std::error_code EC;
    llvm::raw_fd_ostream(P, EC) << Text;
    ASSERT_FALSE(EC);
  }
  llvm::SmallString<256> Root;
};

TEST_F(ConfigFiles, NearestConfigWinsAndOverrideWinsOverAll) {
  write(".kmodlint.yaml", "checks: ['leak.*']\n");
  write("drivers/net/.kmodlint.yaml", "checks: ['atomic.*']\n");
  write("drivers/net/e1000/e1000.c", "");
  write("drivers/misc/m.c", "");
  write("other.yaml", "checks: ['release.*']\n");
  ConfigLocator Locator;
  auto Net = Locator.configFor(path("drivers/net/e1000/e1000.c"));
  ASSERT_TRUE(bool(Net));
  EXPECT_EQ((*Net)->Checks, std::vector<std::string>{"atomic.*"});
  auto Misc = Locator.configFor(path("drivers/misc/m.c"));
  ASSERT_TRUE(bool(Misc));
  EXPECT_EQ((*Misc)->Checks, std::vector<std::string>{"leak.*"});
  EXPECT_EQ((*Misc)->Directory, std::string(Root));
  ConfigLocator Override(path("other.yaml"));
  auto O = Override.configFor(path("drivers/net/e1000/e1000.c"));
  ASSERT_TRUE(bool(O));
  EXPECT_EQ((*O)->Checks, std::vector<std::string>{"release.*"});
}

TEST_F(ConfigFiles, ModelFilesAreRelativeToTheConfig) {
  write("sub/.kmodlint.yaml", "model_files: [model/extra.yaml]\n");
  write("sub/model/extra.yaml", "may_sleep: {sub_wait: waits}\n");
  ConfigLocator Locator;
  auto C = Locator.configFor(path("sub/a.c"));
  ASSERT_TRUE(bool(C)) << llvm::toString(C.takeError());
  EXPECT_EQ((*C)->model().maySleep("sub_wait"), "waits");
  write("bad/.kmodlint.yaml", "model_files: [missing.yaml]\n");
  auto Bad = Locator.configFor(path("bad/a.c"));
  ASSERT_FALSE(bool(Bad));
  EXPECT_NE(llvm::toString(Bad.takeError()).find("cannot read model file"),
            std::string::npos);
}

TEST_F(ConfigFiles, DevicesAndHugeFilesAreNotReadAsConfigOrModel) {
  write("dev/.kmodlint.yaml", "model_files: [/dev/zero]\n");
  ConfigLocator Locator;
  auto Dev = Locator.configFor(path("dev/a.c"));
  ASSERT_FALSE(bool(Dev));
  EXPECT_NE(llvm::toString(Dev.takeError()).find("not a regular file"),
            std::string::npos);
  ConfigLocator Zero("/dev/zero");
  auto Z = Zero.configFor(path("dev/a.c"));
  ASSERT_FALSE(bool(Z));
  EXPECT_NE(llvm::toString(Z.takeError()).find("/dev/zero: not a regular file"),
            std::string::npos);
  write("big/model.yaml", std::string(17 << 20, '#'));
  write("big/.kmodlint.yaml", "model_files: [model.yaml]\n");
  auto Big = Locator.configFor(path("big/a.c"));
  ASSERT_FALSE(bool(Big));
  EXPECT_NE(llvm::toString(Big.takeError()).find("larger than 16 MiB"),
            std::string::npos);
}

TEST(Config, DumpIsValidConfigAgain) {
  auto C = parseConfig("checks: ['*', '-gfp.flags']\nseverity: {'leak.*': error}\n"
                       "exclude: [gen/]\nmodel:\n  may_sleep: {w: why}\n",
                       "/p/.kmodlint.yaml", "/p");
  ASSERT_TRUE(bool(C));
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeConfig(OS, **C);
  EXPECT_NE(Text.find("# kmodlint effective configuration, from /p/.kmodlint.yaml"),
            std::string::npos);
  auto Again = parseConfig(Text, "dump", "/p");
  ASSERT_TRUE(bool(Again)) << llvm::toString(Again.takeError()) << "\n" << Text;
  EXPECT_EQ((*Again)->Checks, (*C)->Checks);
  EXPECT_EQ((*Again)->severityOf("leak.local", Severity::Warning), Severity::Error);
  EXPECT_EQ((*Again)->model().maySleep("w"), "why");
  EXPECT_TRUE((*Again)->excludes("/p/gen/x.c"));
}
