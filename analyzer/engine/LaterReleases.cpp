//===- LaterReleases.cpp --------------------------------------------------===//
#include "analyzer/engine/LaterReleases.h"
#include "analyzer/engine/PathEngine.h"
#include "analyzer/model/ApiModel.h"

namespace kmodlint {

LaterReleases::LaterReleases(const clang::FunctionDecl &FD,
                             const ApiModel &Model, clang::ASTContext &AST)
    : Model(Model), AST(AST) {
  collect(FD.getBody(), /*Conditional=*/false);
}

void LaterReleases::collect(const clang::Stmt *S, bool Conditional) {
  if (!S)
    return;
  if (const auto *If = llvm::dyn_cast<clang::IfStmt>(S)) {
    collect(If->getCond(), Conditional);
    collect(If->getThen(), true);
    collect(If->getElse(), true);
    return;
  }
  if (llvm::isa<clang::SwitchStmt>(S) ||
      llvm::isa<clang::ConditionalOperator>(S) ||
      llvm::isa<clang::BinaryConditionalOperator>(S)) {
    for (const clang::Stmt *Child : S->children())
      collect(Child, true);
    return;
  }
  if (const auto *Block = llvm::dyn_cast<clang::CompoundStmt>(S)) {
    bool AfterLabel = Conditional;
    for (const clang::Stmt *Child : Block->body()) {
      AfterLabel = AfterLabel || llvm::isa<clang::LabelStmt>(Child);
      collect(Child, AfterLabel);
    }
    return;
  }
  if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(S); Call && !Conditional)
    if (const ReleaseFunction *Fn =
            Model.findRelease(PathEngine::calleeName(Call));
        Fn && !Fn->FamilyWide && !Fn->ByKeyOnly && Fn->Arg < Call->getNumArgs())
      if (auto Path = AccessPath::of(Call->getArg(Fn->Arg)))
        Releases.push_back(
            {*Path, AST.getSourceManager().getExpansionLoc(Call->getBeginLoc())});
  for (const clang::Stmt *Child : S->children())
    collect(Child, Conditional);
}

std::optional<clang::SourceLocation>
LaterReleases::releasedAfter(const clang::CallExpr *Call,
                             const AccessPath &Path) const {
  const clang::SourceManager &SM = AST.getSourceManager();
  clang::SourceLocation CallAt = SM.getExpansionLoc(Call->getEndLoc());
  for (const Release &R : Releases)
    if (R.Path == Path && SM.isBeforeInTranslationUnit(CallAt, R.At))
      return R.At;
  return std::nullopt;
}

} // namespace kmodlint
