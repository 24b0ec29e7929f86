//===- EngineTest.cpp - The path engine on small functions ----------------===//
#include "analyzer/engine/PathEngine.h"
#include "analyzer/engine/StoredFamilies.h"
#include "analyzer/engine/Summaries.h"

#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include <gtest/gtest.h>
#include <set>

using namespace kmodlint;

namespace {

const char *Prelude = R"(
typedef unsigned int gfp_t;
typedef unsigned long size_t;
#define NULL ((void *)0)
void *kmalloc(size_t n, gfp_t f);
void *kmalloc_noprof(size_t n, gfp_t f);
void *vmalloc(size_t n);
void *memdup_user(const void *p, size_t n);
void kfree(const void *p);
void vfree(const void *p);
int setup(void);
_Bool IS_ERR(const void *p);
)";

struct Recorded {
  std::string Family;
  std::string Release;
  bool AlreadyReleased;
  std::vector<std::string> Notes;
};

class Recorder : public EngineListener {
public:
  void onRelease(const ReleaseEvent &E, const PathState &S) override {
    Recorded R;
    R.Family = E.Object->Family ? E.Object->Family->Name : "?";
    R.Release = E.Release->Name;
    R.AlreadyReleased = E.Object->Status == ObjectStatus::Released;
    for (const StateNote &N : S.Notes)
      R.Notes.push_back(N.Message);
    Events.push_back(R);
  }
  void onUse(const UseEvent &, const PathState &) override { ++Uses; }
  void onExit(const PathState &) override { ++Exits; }
  std::vector<Recorded> Events;
  unsigned Uses = 0, Exits = 0;
};

struct EngineRun {
  std::unique_ptr<clang::ASTUnit> AST;
  Recorder Events;
  bool Complete = false;
};

std::unique_ptr<EngineRun> runOn(const std::string &Code,
                                 llvm::StringRef Function,
                                 EngineLimits Limits = {}) {
  auto Run = std::make_unique<EngineRun>();
  Run->AST = clang::tooling::buildASTFromCodeWithArgs(
      std::string(Prelude) + Code, {"-std=gnu11", "-w"}, "engine.c");
  EXPECT_TRUE(Run->AST);
  clang::ASTContext &Ctx = Run->AST->getASTContext();
  TranslationUnitContext TU{Ctx, ApiModel::builtin()};
  Summaries S(TU);
  TU.FunctionSummaries = &S;
  for (const clang::Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (const auto *FD = llvm::dyn_cast<clang::FunctionDecl>(D))
      if (FD->getName() == Function && FD->hasBody()) {
        PathEngine Engine(TU, Run->Events, Limits);
        Run->Complete = Engine.run(FD);
      }
  return Run;
}

} // namespace

TEST(Engine, NullBranchHoldsNoObject) {
  auto R = runOn(R"(
    void f(void) {
      void *p = kmalloc(8, 0);
      if (!p) { vfree(p); return; }
      kfree(p);
    })",
                 "f");
  ASSERT_EQ(R->Events.Events.size(), 1u);
  EXPECT_EQ(R->Events.Events[0].Release, "kfree");
  EXPECT_EQ(R->Events.Events[0].Family, "kmalloc");
}

TEST(Engine, CorrelatedBranchesPruneInfeasiblePaths) {
  // Without correlating the two tests of x, one path would kfree() the
  // vmalloc'ed block.
  auto R = runOn(R"(
    void f(int x) {
      void *p;
      if (x) p = vmalloc(4); else p = kmalloc(4, 0);
      if (x) vfree(p); else kfree(p);
    })",
                 "f");
  ASSERT_EQ(R->Events.Events.size(), 2u);
  for (const Recorded &E : R->Events.Events)
    EXPECT_EQ(E.Family == "vmalloc", E.Release == "vfree");
}

TEST(Engine, ReturnCodeNotesNameTheCall) {
  auto R = runOn(R"(
    int f(void) {
      void *p = kmalloc(8, 0);
      int ret;
      if (!p) return -12;
      ret = setup();
      if (ret < 0) { kfree(p); return ret; }
      return 0;
    })",
                 "f");
  ASSERT_EQ(R->Events.Events.size(), 1u);
  bool Found = false;
  for (const std::string &N : R->Events.Events[0].Notes)
    Found |= N.find("assuming 'ret' < 0 (from setup())") != std::string::npos;
  EXPECT_TRUE(Found);
}

TEST(Engine, LooksThroughStatementExpressions) {
  // The 6.10+ shape: p = alloc_hooks(kmalloc_noprof(...)).
  auto R = runOn(R"(
    void f(void) {
      void *p = ({ void *_res; _res = kmalloc_noprof(8, 0); _res; });
      vfree(p);
    })",
                 "f");
  ASSERT_EQ(R->Events.Events.size(), 1u);
  EXPECT_EQ(R->Events.Events[0].Family, "kmalloc");
}

TEST(Engine, ErrorPointerBranch) {
  auto R = runOn(R"(
    void f(const void *u) {
      void *p = memdup_user(u, 4);
      if (IS_ERR(p)) { kfree(p); return; }
      kfree(p);
    })",
                 "f");
  // The kfree() on the IS_ERR branch releases no object.
  ASSERT_EQ(R->Events.Events.size(), 1u);
}

TEST(Engine, SummariesCarryReleasesOfParameterFields) {
  auto R = runOn(R"(
    struct ctx { void *buf; };
    static void drop(struct ctx *c) { vfree(c->buf); }
    void f(struct ctx *c) { drop(c); kfree(c->buf); }
  )",
                 "f");
  ASSERT_EQ(R->Events.Events.size(), 2u);
  EXPECT_EQ(R->Events.Events[0].Release, "vfree");
  EXPECT_TRUE(R->Events.Events[1].AlreadyReleased);
}

TEST(Engine, ConditionalReleaseIsNotSummarized) {
  auto R = runOn(R"(
    struct ctx { void *buf; int n; };
    static void maybe_drop(struct ctx *c) { if (c->n) kfree(c->buf); }
    void f(struct ctx *c) { maybe_drop(c); kfree(c->buf); }
  )",
                 "f");
  ASSERT_EQ(R->Events.Events.size(), 1u);
  EXPECT_FALSE(R->Events.Events[0].AlreadyReleased);
}

TEST(Engine, StateSetsStayBounded) {
  std::string Body = "void f(int *a) { void *p = kmalloc(1, 0);\n";
  for (int I = 0; I < 40; ++I)
    Body += "if (a[" + std::to_string(I) + "]) setup();\n";
  Body += "kfree(p); }";
  EngineLimits Limits;
  Limits.MaxStatesPerBlock = 4;
  auto R = runOn(Body, "f", Limits);
  EXPECT_TRUE(R->Complete);
  EXPECT_GE(R->Events.Events.size(), 1u);
  EXPECT_LE(R->Events.Events.size(), 4u);
}

TEST(Engine, DeadIntegersDoNotSplitPaths) {
  // 'v' is dead after each diamond: what it held cannot matter, so the
  // paths merge and the bound keeps both values of 'init' (which decide the
  // release at the end) instead of spending itself on copies of 'v'.
  std::string Body = "void f(int init) { int v; void *p = kmalloc(1, 0);\n"
                     "if (!p) return;\n"
                     "if (init) setup();\n";
  for (int I = 0; I < 4; ++I)
    Body += "v = setup(); if (v > 0) setup(); else if (v < 0) setup();\n";
  Body += "if (init) kfree(p); else vfree(p); }";
  EngineLimits Limits;
  Limits.MaxStatesPerBlock = 2;
  auto R = runOn(Body, "f", Limits);
  std::set<std::string> Releases;
  for (const Recorded &E : R->Events.Events)
    Releases.insert(E.Release);
  EXPECT_EQ(Releases, (std::set<std::string>{"kfree", "vfree"}));
}

TEST(Engine, DereferenceAfterRelease) {
  auto R = runOn(R"(
    struct s { int v; };
    int f(void) { struct s *p = kmalloc(4, 0); if (!p) return 0; kfree(p); return p->v; }
  )",
                 "f");
  EXPECT_EQ(R->Events.Uses, 1u);
}

TEST(Engine, SummariesArePlainDataThatOutliveTheirAST) {
  FunctionSummary Copy;
  {
    auto AST = clang::tooling::buildASTFromCodeWithArgs(
        std::string(Prelude) + R"(
    struct ctx { void *buf; };
    void *g_table;
    void drop(struct ctx *c) { vfree(c->buf); kfree(g_table); }
  )",
        {"-std=gnu11", "-w"}, "engine.c");
    ASSERT_TRUE(AST);
    clang::ASTContext &Ctx = AST->getASTContext();
    TranslationUnitContext TU{Ctx, ApiModel::builtin()};
    Summaries S(TU);
    TU.FunctionSummaries = &S;
    for (const clang::Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (const auto *FD = llvm::dyn_cast<clang::FunctionDecl>(D);
          FD && FD->getName() == "drop" && FD->hasBody())
        if (const FunctionSummary *Summary = S.get(FD))
          Copy = *Summary;
  } // the AST is gone; the copy says everything in names and points
  EXPECT_EQ(Copy.Function, "drop");
  ASSERT_EQ(Copy.Releases.size(), 2u);
  const ReleasedLocation &Field = Copy.Releases[0].Kind ==
                                          ReleasedLocation::Parameter
                                      ? Copy.Releases[0]
                                      : Copy.Releases[1];
  const ReleasedLocation &Global = &Field == &Copy.Releases[0]
                                       ? Copy.Releases[1]
                                       : Copy.Releases[0];
  EXPECT_EQ(Field.Param, 0u);
  ASSERT_EQ(Field.Fields.size(), 1u);
  EXPECT_EQ(Field.Fields[0].str(), "struct ctx.buf");
  ASSERT_TRUE(Field.Loc.has_value());
  EXPECT_EQ(Field.Loc->File, "engine.c");
  EXPECT_EQ(Global.Kind, ReleasedLocation::Global);
  EXPECT_EQ(Global.Root, "g_table");
  EXPECT_EQ(Global.Release->Name, "kfree");
}
