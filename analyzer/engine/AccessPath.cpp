//===- AccessPath.cpp - Names for tracked memory locations ----------------===//
#include "analyzer/engine/AccessPath.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace kmodlint {

llvm::StringRef expandedText(const clang::Expr *E,
                             const clang::ASTContext &AST) {
  const clang::SourceManager &SM = AST.getSourceManager();
  clang::CharSourceRange Range = clang::CharSourceRange::getTokenRange(
      SM.getExpansionRange(E->getSourceRange()).getAsRange());
  return clang::Lexer::getSourceText(Range, SM, AST.getLangOpts());
}

llvm::StringRef writtenText(const clang::Expr *E, const clang::ASTContext &AST) {
  const clang::SourceManager &SM = AST.getSourceManager();
  return clang::Lexer::getSourceText(
      clang::CharSourceRange::getTokenRange(SM.getFileLoc(E->getBeginLoc()),
                                            SM.getFileLoc(E->getEndLoc())),
      SM, AST.getLangOpts());
}

llvm::SmallVector<llvm::StringRef, 4>
macrosExpandedAt(clang::SourceLocation Loc, const clang::ASTContext &AST) {
  const clang::SourceManager &SM = AST.getSourceManager();
  llvm::SmallVector<llvm::StringRef, 4> Macros;
  for (; Loc.isMacroID(); Loc = SM.getImmediateMacroCallerLoc(Loc))
    Macros.push_back(
        clang::Lexer::getImmediateMacroName(Loc, SM, AST.getLangOpts()));
  return Macros;
}

std::optional<std::pair<const clang::Expr *, const clang::FieldDecl *>>
containerOf(const clang::Expr *E, llvm::StringRef PointerTemporary) {
  const auto *Sub = llvm::dyn_cast_or_null<clang::BinaryOperator>(
      stripValuePreservingWrappers(E));
  if (!Sub || Sub->getOpcode() != clang::BO_Sub ||
      !Sub->getLHS()->getType()->isPointerType())
    return std::nullopt;
  const auto *Offset =
      llvm::dyn_cast<clang::OffsetOfExpr>(Sub->getRHS()->IgnoreParenCasts());
  if (!Offset || Offset->getNumComponents() != 1 ||
      Offset->getComponent(0).getKind() != clang::OffsetOfNode::Field)
    return std::nullopt;
  const clang::Expr *Pointer = Sub->getLHS()->IgnoreParenCasts();
  // The macro's `void *__mptr = (void *)(ptr);`.
  if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(Pointer))
    if (const auto *Var = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl());
        Var && Var->hasLocalStorage() && !llvm::isa<clang::ParmVarDecl>(Var) &&
        Var->getInit() && !PointerTemporary.empty() &&
        Var->getName().starts_with(PointerTemporary))
      Pointer = Var->getInit()->IgnoreParenCasts();
  return std::make_pair(Pointer, Offset->getComponent(0).getField());
}

SourcePoint pointOf(const clang::SourceManager &SM, clang::SourceLocation Loc) {
  SourcePoint P;
  if (Loc.isInvalid())
    return P;
  clang::PresumedLoc Presumed = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (Presumed.isInvalid())
    return P;
  P.File = Presumed.getFilename();
  P.Line = Presumed.getLine();
  P.Column = Presumed.getColumn();
  return P;
}

std::optional<SourcePoint> pointIfValid(const clang::SourceManager &SM,
                                        clang::SourceLocation Loc) {
  if (Loc.isInvalid())
    return std::nullopt;
  return pointOf(SM, Loc);
}

const clang::Expr *stripValuePreservingWrappers(const clang::Expr *E) {
  while (E) {
    E = E->IgnoreParenCasts();
    // ({ ...; x; }) evaluates to its last expression: 6.10+ allocator macros
    // and many kernel helpers are statement expressions.
    if (const auto *SE = llvm::dyn_cast<clang::StmtExpr>(E)) {
      const clang::CompoundStmt *Body = SE->getSubStmt();
      if (Body->body_empty())
        return E;
      if (const auto *Last = llvm::dyn_cast<clang::Expr>(Body->body_back())) {
        E = Last;
        continue;
      }
      return E;
    }
    return E;
  }
  return E;
}

std::optional<AccessPath> AccessPath::of(const clang::Expr *E) {
  E = stripValuePreservingWrappers(E);
  if (!E)
    return std::nullopt;
  if (const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(E)) {
    const auto *Var = llvm::dyn_cast<clang::VarDecl>(DRE->getDecl());
    if (!Var)
      return std::nullopt;
    AccessPath P;
    P.Root = Var;
    return P;
  }
  if (const auto *ME = llvm::dyn_cast<clang::MemberExpr>(E)) {
    const auto *Field = llvm::dyn_cast<clang::FieldDecl>(ME->getMemberDecl());
    if (!Field)
      return std::nullopt;
    // (*p).f is p->f, and (&x)->f is x.f (`&(lock)->rlock` in lock macros).
    const clang::Expr *BaseExpr = ME->getBase()->IgnoreParenCasts();
    if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(BaseExpr);
        UO && (UO->getOpcode() == clang::UO_Deref ||
               (UO->getOpcode() == clang::UO_AddrOf && ME->isArrow())))
      BaseExpr = UO->getSubExpr();
    auto Base = of(BaseExpr);
    if (!Base)
      return std::nullopt;
    Base->Fields.push_back(Field);
    return Base;
  }
  return std::nullopt;
}

std::optional<AccessPath> AccessPath::ofAddressOrValue(const clang::Expr *E) {
  E = stripValuePreservingWrappers(E);
  if (const auto *UO = llvm::dyn_cast_or_null<clang::UnaryOperator>(E);
      UO && UO->getOpcode() == clang::UO_AddrOf) {
    // &groups[0] names the array `groups` decays to.
    if (const auto *Sub = llvm::dyn_cast<clang::ArraySubscriptExpr>(
            UO->getSubExpr()->IgnoreParens())) {
      const auto *Decay = llvm::dyn_cast<clang::ImplicitCastExpr>(Sub->getBase());
      const auto *Zero = llvm::dyn_cast<clang::IntegerLiteral>(
          Sub->getIdx()->IgnoreParenImpCasts());
      if (Decay && Decay->getCastKind() == clang::CK_ArrayToPointerDecay &&
          Zero && Zero->getValue() == 0)
        return of(Decay->getSubExpr());
    }
    return of(UO->getSubExpr());
  }
  return of(E);
}

bool AccessPath::isPrefixOf(const AccessPath &Other) const {
  if (Root != Other.Root || Fields.size() > Other.Fields.size())
    return false;
  return std::equal(Fields.begin(), Fields.end(), Other.Fields.begin());
}

bool AccessPath::isGlobal() const {
  const auto *Var = llvm::dyn_cast<clang::VarDecl>(Root);
  return Var && Var->hasGlobalStorage() && !Var->isStaticLocal();
}

bool AccessPath::isParameter() const { return parameter() != nullptr; }

const clang::ParmVarDecl *AccessPath::parameter() const {
  return llvm::dyn_cast<clang::ParmVarDecl>(Root);
}

AccessPath
AccessPath::withFields(llvm::ArrayRef<const clang::FieldDecl *> More) const {
  AccessPath P = *this;
  P.Fields.append(More.begin(), More.end());
  return P;
}

std::string AccessPath::str() const {
  std::string Text = Root ? Root->getNameAsString() : "<?>";
  clang::QualType Type = Root ? Root->getType() : clang::QualType();
  for (const clang::FieldDecl *F : Fields) {
    bool Pointer = !Type.isNull() && Type->isPointerType();
    Text += Pointer ? "->" : ".";
    Text += F->getNameAsString();
    Type = F->getType();
  }
  return Text;
}

} // namespace kmodlint

namespace kmodlint {

/// spinlock_t, raw_spinlock_t, rwlock_t: their own fields (rlock, raw_lock)
/// name the same lock as the field that holds them.
static bool isLockType(const clang::RecordDecl *Record) {
  llvm::StringRef Name = Record->getName();
  if (Name.empty())
    if (const clang::TypedefNameDecl *Typedef =
            Record->getTypedefNameForAnonDecl())
      Name = Typedef->getName();
  return Name.ends_with("spinlock") || Name.ends_with("spinlock_t") ||
         Name.ends_with("lock_t");
}

std::optional<AccessPath> lockPath(const clang::Expr *Arg) {
  const clang::Expr *E = Arg->IgnoreParenCasts();
  // raw_spin_lock_irqsave(spinlock_check(lock), flags): the inline
  // spinlock_check() returns &lock->rlock (6.1:include/linux/spinlock.h).
  if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E))
    if (const clang::FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Callee->isInlined() && Call->getNumArgs() == 1 &&
        Call->getArg(0)->getType()->isPointerType())
      E = Call->getArg(0);
  std::optional<AccessPath> Path = AccessPath::ofAddressOrValue(E);
  // &lock->rlock names lock.
  while (Path && !Path->Fields.empty() &&
         isLockType(Path->Fields.back()->getParent()))
    Path->Fields.pop_back();
  return Path;
}

std::optional<std::string> lockClass(const AccessPath &Lock) {
  llvm::ArrayRef<const clang::FieldDecl *> Fields = Lock.Fields;
  while (!Fields.empty() && isLockType(Fields.back()->getParent()))
    Fields = Fields.drop_back();
  if (Fields.empty())
    return Lock.isGlobal() ? std::optional<std::string>(
                                 "global " + Lock.Root->getNameAsString())
                           : std::nullopt;
  const clang::RecordDecl *Owner = Fields.front()->getParent();
  std::string Class = clang::QualType(Owner->getTypeForDecl(), 0).getAsString();
  for (const clang::FieldDecl *Field : Fields)
    Class += "." + Field->getNameAsString();
  return Class;
}

} // namespace kmodlint
