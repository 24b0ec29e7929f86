//===- ApiModelTest.cpp - The YAML kernel API model -----------------------===//
#include "analyzer/model/ApiModel.h"

#include <gtest/gtest.h>

using namespace kmodlint;

TEST(ApiModel, BuiltinKnowsTheFamilies) {
  const ApiModel &M = ApiModel::builtin();
  const AcquireFunction *K = M.findAcquire("kzalloc");
  ASSERT_NE(K, nullptr);
  EXPECT_EQ(K->Family->Name, "kmalloc");
  EXPECT_EQ(K->GfpArg, 1u);
  // 6.10+ spells the allocators as X_noprof behind macros.
  ASSERT_NE(M.findAcquire("kvmalloc_node_noprof"), nullptr);
  EXPECT_EQ(M.findAcquire("kvmalloc_node_noprof")->Family->Name, "kvmalloc");
  EXPECT_EQ(M.findAcquire("memdup_user")->Fails, FailureValue::ErrPtr);
  EXPECT_TRUE(M.findFamily("devm_kmalloc")->Managed);
  EXPECT_EQ(M.findRelease("kmem_cache_free")->Arg, 1u);
  EXPECT_EQ(M.findRelease("dma_free_coherent")->Arg, 2u);
  EXPECT_EQ(M.familyReleasedBy("vfree")->Name, "vmalloc");
  EXPECT_EQ(M.familyReleasedBy("kvfree")->Name, "kvmalloc");
  EXPECT_TRUE(M.isBorrowingCall("memset"));
  EXPECT_EQ(M.conditionKind("IS_ERR"), ConditionKind::IsError);
}

TEST(ApiModel, ReleaseRulesAreVersioned) {
  const ApiModel &M = ApiModel::builtin();
  const AllocFamily &Cache = *M.findFamily("kmem_cache");
  EXPECT_FALSE(M.mayRelease(Cache, "kfree", kernelVersion(6, 1)).Allowed);
  EXPECT_NE(M.mayRelease(Cache, "kfree", kernelVersion(6, 1)).VersionRule,
            nullptr);
  EXPECT_TRUE(M.mayRelease(Cache, "kfree", kernelVersion(6, 12)).Allowed);
  EXPECT_TRUE(M.mayRelease(Cache, "kfree", 0).Allowed) << "unknown version";
  const AllocFamily &Kmalloc = *M.findFamily("kmalloc");
  EXPECT_TRUE(M.mayRelease(Kmalloc, "kvfree", kernelVersion(6, 1)).Allowed);
  EXPECT_FALSE(M.mayRelease(Kmalloc, "vfree", kernelVersion(6, 1)).Allowed);
  EXPECT_FALSE(M.mayRelease(*M.findFamily("kvmalloc"), "kfree", 0).Allowed);
}

TEST(ApiModel, UserExtensionAddsAFamily) {
  auto Model = ApiModel::parse(R"(
families:
  foo_buf:
    description: foo buffer
    acquire:
      foo_buf_get: {gfp: 0}
    release:
      foo_buf_put: {arg: 0}
)",
                               "user.yaml");
  ASSERT_TRUE(bool(Model)) << llvm::toString(Model.takeError());
  ASSERT_NE((*Model)->findAcquire("foo_buf_get"), nullptr);
  EXPECT_EQ((*Model)->familyReleasedBy("foo_buf_put")->Description,
            "foo buffer");
}

TEST(ApiModel, ErrorsNameFileLineAndColumn) {
  auto Model = ApiModel::parse("families:\n  x:\n    acquir: {}\n", "bad.yaml");
  ASSERT_FALSE(bool(Model));
  std::string Message = llvm::toString(Model.takeError());
  EXPECT_NE(Message.find("bad.yaml:3:5"), std::string::npos) << Message;
  EXPECT_NE(Message.find("unknown key 'acquir'"), std::string::npos) << Message;

  auto Returns = ApiModel::parse(
      "families:\n  x:\n    acquire:\n      f: {returns: maybe}\n", "bad.yaml");
  ASSERT_FALSE(bool(Returns));
  std::string ReturnsMessage = llvm::toString(Returns.takeError());
  EXPECT_NE(ReturnsMessage.find("bad.yaml:4:"), std::string::npos)
      << ReturnsMessage;
  EXPECT_NE(ReturnsMessage.find("returns must be pointer, status or nonneg"),
            std::string::npos)
      << ReturnsMessage;
}

TEST(ApiModel, KernelVersions) {
  EXPECT_EQ(parseKernelVersion("6.4"), kernelVersion(6, 4));
  EXPECT_EQ(parseKernelVersion("6.1.192"), kernelVersion(6, 1, 192));
  EXPECT_FALSE(parseKernelVersion("six"));
  EXPECT_EQ(formatKernelVersion(kernelVersion(6, 12)), "6.12");
  EXPECT_EQ(kernelVersion(6, 1, 0), 393472u);
}

TEST(ApiModel, TheMechanismsReadTheirKernelNamesFromTheModel) {
  const ApiModel &M = ApiModel::builtin();
  EXPECT_EQ(M.gfp().MaskType, "gfp_t");
  EXPECT_EQ(M.gfp().DirectReclaim.Enumerator, "___GFP_DIRECT_RECLAIM_BIT");
  EXPECT_EQ(M.gfp().DirectReclaim.Default, 0x400u);
  EXPECT_EQ(M.gfp().NoFail.Macro, "___GFP_NOFAIL");
  EXPECT_EQ(M.kernelVersionSource().Macro, "LINUX_VERSION_CODE");
  EXPECT_EQ(M.moduleEntryPoints().InitAlias, "init_module");
  EXPECT_EQ(M.macroInternals().ContainerOfPointer, "__mptr");
  EXPECT_EQ(M.cleanup().GuardConstructor.match("class_spinlock_constructor"),
            std::optional<llvm::StringRef>("spinlock"));
  EXPECT_EQ(M.cleanup().GuardDestructor.match("class_spinlock_constructor"),
            std::nullopt);
  EXPECT_EQ(M.cleanup().FreeFunction.match("__free_kfree"),
            std::optional<llvm::StringRef>("kfree"));
  EXPECT_EQ(M.cleanup().FreeFunction.match("__free_"), std::nullopt)
      << "the varying part is never empty";
}

TEST(ApiModel, AConfigMayRenameTheCleanupFunctions) {
  auto M = ApiModel::parseBuiltin();
  ASSERT_TRUE(bool(M)) << llvm::toString(M.takeError());
  ASSERT_FALSE(bool((*M)->extend("cleanup: {free_function: 'my_free_{}_fn'}\n"
                                 "gfp: {bits: {nofail: {default: 0x10}}}\n",
                                 "x.yaml")));
  EXPECT_EQ((*M)->cleanup().FreeFunction.match("my_free_kfree_fn"),
            std::optional<llvm::StringRef>("kfree"));
  EXPECT_EQ((*M)->gfp().NoFail.Default, 0x10u);
  EXPECT_EQ((*M)->gfp().NoFail.Macro, "___GFP_NOFAIL") << "others are kept";
  llvm::Error E = (*M)->extend("cleanup: {guard_constructor: class_}\n", "y.yaml");
  ASSERT_TRUE(bool(E));
  EXPECT_EQ(llvm::toString(std::move(E)),
            "y.yaml:1:30: guard_constructor must be a name with one {} for "
            "the varying part (class_{}_constructor)");
}

// A function acquires for one family: two would blame the wrong one.
TEST(ApiModel, AnAllocatorBelongsToOneFamily) {
  auto Error = [](llvm::StringRef Yaml) {
    auto M = ApiModel::parseBuiltin();
    llvm::Error E = (*M)->extend(Yaml, "m.yaml");
    return E ? llvm::toString(std::move(E)) : std::string("no error");
  };
  EXPECT_NE(Error("families: {mine: {acquire: {kmalloc: {}}, "
                  "release: {my_free: {}}}}\n")
                .find("kmalloc() already acquires for family 'kmalloc'"),
            std::string::npos);
  EXPECT_NE(Error("families:\n  a: {acquire: {f: {}}, release: {g: {}}}\n"
                  "  b: {acquire: {f: {}}, release: {h: {}}}\n")
                .find("f() acquires for two families, 'a' and 'b'"),
            std::string::npos);
  // Moving kmalloc() is fine once its family is redefined without it.
  EXPECT_EQ(Error("families:\n  mine: {acquire: {kmalloc: {}}, release: "
                  "{kfree: {}}}\n  kmalloc: {acquire: {kzalloc: {}}, "
                  "release: {kfree: {}}}\n"),
            "no error");
  EXPECT_NE(Error("families: {'': {acquire: {f: {}}}}\n")
                .find("an empty name in 'families'"),
            std::string::npos);
}
