//===- ErrorPathCheck.cpp -------------------------------------------------===//
//
// A module_init or probe function that fails while it still holds what it
// acquired on that path: the `goto err_x` unwind ladder that forgets a step,
// or `return platform_driver_register(&drv);` after setting up something
// else. See docs/checks/leak.error-path.md.
//
// When a setup function fails, the kernel never calls its teardown: every
// resource it acquired on the path must be released before it returns the
// error, even those already stored in globals or in the driver data (devres
// frees only devm_ resources). What was handed to a callee is not
// reported: the callee may own it now.
//
//===----------------------------------------------------------------------===//
#include "checks/Check.h"
#include "analyzer/engine/ModuleModel.h"
#include "analyzer/engine/PathEngine.h"
#include "checks/leak/Ownership.h"

#include "clang/AST/ParentMapContext.h"

#include "llvm/Support/FormatVariadic.h"

namespace kmodlint::leak {

class ErrorPathCheck : public Check {
public:
  llvm::StringRef id() const override;
  llvm::StringRef summary() const override;
  // Below 80% true on held-out kernel code (docs/precision/README.md).
  bool enabledByDefault() const override { return false; }
  void onExit(const PathState &S, CheckContext &C) override;
};

llvm::StringRef ErrorPathCheck::id() const { return "leak.error-path"; }

llvm::StringRef ErrorPathCheck::summary() const {
  return "module_init or probe returns an error while still holding what "
         "it acquired";
}

/// A fix-it for the simplest ladder step: `if (cond) return -E;` right
/// after the acquisition, in the same block. The release goes before the
/// return. Anything less direct (a shared label, a return reached from
/// several places) gets no fix-it: a wrong one would be a double free.
static std::optional<FixIt> releaseBeforeReturn(const PathState &S,
                                                ObjectId Id,
                                                const TrackedObject &Obj,
                                                CheckContext &C) {
  if (!S.ReturnSite || !Obj.Family || Obj.Family->Releases.empty())
    return std::nullopt;
  const ReleaseFunction &Release = Obj.Family->Releases.front();
  std::optional<AccessPath> Path = S.pathTo(Id);
  if (Release.Arg != 0 || Release.FamilyWide || Release.ByKeyOnly || !Path)
    return std::nullopt;
  std::string Spelling = Path->str();
  clang::ASTContext &AST = C.TU.AST;
  const clang::SourceManager &SM = AST.getSourceManager();
  const clang::Stmt *Child = S.ReturnSite;
  auto Parents = AST.getParents(*Child);
  if (Parents.size() == 1)
    if (const auto *Block = Parents[0].get<clang::CompoundStmt>()) {
      if (Block->size() != 1)
        return std::nullopt;
      Child = Block;
      Parents = AST.getParents(*Child);
    }
  const clang::IfStmt *If =
      Parents.size() == 1 ? Parents[0].get<clang::IfStmt>() : nullptr;
  if (!If || If->getThen() != Child)
    return std::nullopt;
  auto Outer = AST.getParents(*If);
  const clang::CompoundStmt *Body =
      Outer.size() == 1 ? Outer[0].get<clang::CompoundStmt>() : nullptr;
  clang::SourceLocation Acquired = SM.getExpansionLoc(Obj.AcquireLoc);
  if (!Body || !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Body->getLBracLoc()), Acquired) ||
      !SM.isBeforeInTranslationUnit(Acquired, SM.getExpansionLoc(If->getBeginLoc())))
    return std::nullopt;
  // An unbraced `if (c) return x;` would need braces around the new pair:
  // fixes stay within braced blocks, so nothing is re-indented.
  if (Child == S.ReturnSite)
    return std::nullopt;
  clang::SourceLocation At = SM.getExpansionLoc(S.ReturnSite->getBeginLoc());
  if (!SM.isInMainFile(At))
    return std::nullopt;
  unsigned Column = SM.getSpellingColumnNumber(At);
  llvm::StringRef Indent(SM.getCharacterData(At) - (Column - 1), Column - 1);
  // The release goes on its own line above the return, indented like it;
  // a return that shares its line with code (`{ return -E; }`) gets none.
  if (!Indent.ltrim(" \t").empty())
    return std::nullopt;
  std::string Call = llvm::formatv("{0}({1});", Release.Name, Spelling).str();
  FixIt Fix;
  Fix.Edits.push_back({SM.getFilename(At).str(), SM.getFileOffset(At), 0,
                       Call + "\n" + Indent.str()});
  Fix.Description = "release it before returning: " + Call;
  return Fix;
}

void ErrorPathCheck::onExit(const PathState &S, CheckContext &C) {
  const LifecyclePair *Pair = currentSetupPair(C);
  if (!Pair)
    return;
  ExitKind Exit = classifyExit(S, C.Function, C.TU.AST);
  if (Exit.Kind != ExitKind::Error && Exit.Kind != ExitKind::CallStatus)
    return;
  for (const auto &[Id, ObjPtr] : leakedAtExit(S, Exit, /*CountStores=*/false)) {
    const TrackedObject &Obj = *ObjPtr;
    Finding F = exitLeakFinding(id(), S, Id, Obj, Exit, C);
    clang::SourceLocation At =
        S.ReturnSite ? S.ReturnSite->getBeginLoc() : C.Function->getEndLoc();
    if (Obj.isStored())
      F.Notes.push_back(
          {C.point(Obj.StoredLoc),
           llvm::formatv("stored in {0} here, but {1} teardown never runs "
                         "after a failed {2}",
                         Obj.Stored == StoredWhere::DriverData
                             ? std::string("the driver data")
                             : "'" + Obj.StoredIn + "'",
                         Pair->TeardownRole, Pair->SetupRole)});
    if (Exit.Kind == ExitKind::CallStatus)
      F.Notes.push_back({C.point(At), llvm::formatv("assuming {0}() fails",
                                                    Exit.FailingCall)});
    F.Fix = releaseBeforeReturn(S, Id, Obj, C);
    C.report(std::move(F));
  }
}

std::unique_ptr<Check> createErrorPathCheck() {
  return std::make_unique<ErrorPathCheck>();
}

} // namespace kmodlint::leak
