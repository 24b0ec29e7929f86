//===- SizeOverflowCheck.cpp ----------------------------------------------===//
//
// Allocation sizes computed with an open-coded multiplication of a value the
// path never bounded: `kmalloc(n * sizeof(*p), ...)` wraps on a large n and
// returns a buffer smaller than the loop that fills it. kmalloc_array(),
// kcalloc(), array_size() and struct_size() saturate instead
// (6.1:Documentation/process/deprecated.rst:54-111). A product whose
// operands' types cannot make it overflow the narrowest size_t (a u8 count
// times a small struct) is safe, and so is one whose operand a test on the
// path bounded. See docs/checks/alloc.size-overflow.md.
//
//===----------------------------------------------------------------------===//
#include "checks/alloc/Shape.h"

#include "clang/Lex/Lexer.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/FormatVariadic.h"

namespace kmodlint::alloc {

class SizeOverflowCheck : public Check {
public:
  llvm::StringRef id() const override { return "alloc.size-overflow"; }
  // Off: on held-out kernel code almost every factor is bounded somewhere
  // the check does not look (callers, parsers, protocol limits)
  // (docs/precision/2026-12-03-alloc-round1.md): on when named.
  bool enabledByDefault() const override { return false; }
  bool needsAllocationUses() const override { return true; }
  llvm::StringRef summary() const override {
    return "allocation sizes multiplied without overflow checking from a "
           "value nothing bounds";
  }
  void onAllocation(const AllocationEvent &E, const PathState &S,
                    CheckContext &C) override;

private:
  std::optional<FixIt> fix(const WrittenAllocator &A, const clang::Expr *SizeArg,
                           const clang::BinaryOperator *Product,
                           CheckContext &C) const;
  llvm::SmallPtrSet<const clang::CallExpr *, 8> Reported;
};

/// Saturating arithmetic on upper bounds.
static uint64_t mulBound(uint64_t A, uint64_t B) {
  return llvm::SaturatingMultiply(A, B);
}
static uint64_t addBound(uint64_t A, uint64_t B) {
  return llvm::SaturatingAdd(A, B);
}

static std::optional<uint64_t> constantValue(const clang::Expr *E,
                                             const clang::ASTContext &AST) {
  clang::Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsInt(R, AST))
    return std::nullopt;
  if (R.Val.getInt().isNegative())
    return UINT64_MAX; // converted to size_t: huge
  return R.Val.getInt().getLimitedValue();
}

/// The largest value of \p E's type (a bit-field's width counts).
static uint64_t typeBound(const clang::Expr *E, const clang::ASTContext &AST) {
  clang::QualType T = E->getType();
  if (!T->isIntegerType())
    return UINT64_MAX;
  unsigned Width = AST.getIntWidth(T);
  if (const clang::FieldDecl *BitField = E->getSourceBitField())
    Width = std::min(Width, BitField->getBitWidthValue(AST));
  if (T->isSignedIntegerOrEnumerationType() && Width > 0)
    --Width;
  return Width >= 64 ? UINT64_MAX : (uint64_t(1) << Width) - 1;
}

/// An upper bound of \p E from constants and the types of its operands.
static uint64_t upperBound(const clang::Expr *E, const clang::ASTContext &AST) {
  E = E->IgnoreParens();
  if (auto C = constantValue(E, AST))
    return *C;
  if (const auto *Cast = llvm::dyn_cast<clang::CastExpr>(E)) {
    const clang::Expr *Sub = Cast->getSubExpr();
    if (Cast->getCastKind() == clang::CK_IntegralCast &&
        Sub->getType()->isIntegerType() &&
        AST.getIntWidth(Sub->getType()) <= AST.getIntWidth(E->getType()) &&
        Sub->getType()->isUnsignedIntegerOrEnumerationType())
      return std::min(upperBound(Sub, AST), typeBound(E, AST));
    if (Cast->getCastKind() == clang::CK_NoOp ||
        Cast->getCastKind() == clang::CK_LValueToRValue)
      return std::min(upperBound(Sub, AST), typeBound(E, AST));
    return typeBound(E, AST);
  }
  if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(E)) {
    const clang::Expr *L = BO->getLHS(), *R = BO->getRHS();
    auto RC = constantValue(R, AST);
    switch (BO->getOpcode()) {
    case clang::BO_Mul: return mulBound(upperBound(L, AST), upperBound(R, AST));
    case clang::BO_Add: return addBound(upperBound(L, AST), upperBound(R, AST));
    case clang::BO_Div:
      return RC && *RC ? upperBound(L, AST) / *RC : typeBound(E, AST);
    case clang::BO_Shr:
      return RC && *RC < 64 ? upperBound(L, AST) >> *RC : typeBound(E, AST);
    case clang::BO_Rem:
      return RC && *RC ? *RC - 1 : typeBound(E, AST);
    case clang::BO_And:
      return std::min(upperBound(L, AST), upperBound(R, AST));
    default: break;
    }
  }
  if (const auto *Cond = llvm::dyn_cast<clang::ConditionalOperator>(E))
    return std::max(upperBound(Cond->getTrueExpr(), AST),
                    upperBound(Cond->getFalseExpr(), AST));
  return typeBound(E, AST);
}

/// The multiplication in a size: the size itself, or a term of a sum
/// (`sizeof(*hdr) + n * sizeof(u32)`).
static const clang::BinaryOperator *productIn(const clang::Expr *Size,
                                              bool &Bare) {
  const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(Size->IgnoreParenImpCasts());
  if (!BO)
    return nullptr;
  Bare = BO->getOpcode() == clang::BO_Mul;
  if (Bare)
    return BO;
  if (BO->getOpcode() != clang::BO_Add)
    return nullptr;
  for (const clang::Expr *Term : {BO->getLHS(), BO->getRHS()})
    if (const auto *Mul = llvm::dyn_cast<clang::BinaryOperator>(Term->IgnoreParenImpCasts());
        Mul && Mul->getOpcode() == clang::BO_Mul)
      return Mul;
  return nullptr;
}

/// The factors of a product that are not constants.
static void variableFactors(const clang::Expr *E, const clang::ASTContext &AST,
                            llvm::SmallVectorImpl<const clang::Expr *> &Out) {
  E = E->IgnoreParenImpCasts();
  if (constantValue(E, AST))
    return;
  if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(E);
      BO && BO->getOpcode() == clang::BO_Mul) {
    variableFactors(BO->getLHS(), AST, Out);
    variableFactors(BO->getRHS(), AST, Out);
    return;
  }
  Out.push_back(E);
}

/// A test on the path read \p Read (`if (n > MAX) return -EINVAL;`, a
/// loop's `i < count`): its range is what that test allowed.
static bool testedOnPath(const AccessPath &Read, const PathState &S) {
  for (const DecidedCondition &D : S.Decided)
    for (const AccessPath &Tested : D.Reads)
      if (Tested == Read || Tested.isPrefixOf(Read))
        return true;
  return false;
}

/// A local only ever set from a constant or min()/clamp() (`len =
/// min(cps * 3, MAX - 1)`).
static bool boundedByDefinition(const AccessPath &Read, const CheckContext &C) {
  const auto *Var = llvm::dyn_cast<clang::VarDecl>(Read.Root);
  return Var && Read.Fields.empty() && C.TU.Allocations &&
         C.TU.Allocations->boundedByDefinition(Var);
}

/// The variables declared inside \p E: the temporaries of a statement
/// expression (6.12's max_t() is one).
static void declaredWithin(const clang::Stmt *E,
                           llvm::SmallPtrSetImpl<const clang::VarDecl *> &Out) {
  if (const auto *DS = llvm::dyn_cast<clang::DeclStmt>(E))
    for (const clang::Decl *D : DS->decls())
      if (const auto *Var = llvm::dyn_cast<clang::VarDecl>(D))
        Out.insert(Var);
  for (const clang::Stmt *Child : E->children())
    if (Child)
      declaredWithin(Child, Out);
}

/// Whether \p E reads a variable or a field that is not one of \p Own.
static bool readsVariable(const clang::Stmt *E,
                          const llvm::SmallPtrSetImpl<const clang::VarDecl *> &Own) {
  if (const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(E)) {
    const auto *Var = llvm::dyn_cast<clang::VarDecl>(DRE->getDecl());
    return Var && !Own.contains(Var);
  }
  if (llvm::isa<clang::MemberExpr>(E))
    return true;
  if (llvm::isa<clang::UnaryExprOrTypeTraitExpr>(E))
    return false; // sizeof(*p) reads nothing
  for (const clang::Stmt *Child : E->children())
    if (Child && readsVariable(Child, Own))
      return true;
  return false;
}

/// Whether every value \p Factor is computed from is bounded: tested on
/// the path or defined from a bound (`(i + 1) * 64` in a loop on `i < 8`).
/// What reads no variable is a constant clang could not fold
/// (roundup_pow_of_two(64) behind __builtin_constant_p()); a call that
/// reads one is a value of its own, bounded by nothing.
static bool factorBounded(const clang::Expr *Factor, const PathState &S,
                          const CheckContext &C) {
  llvm::SmallPtrSet<const clang::VarDecl *, 4> Own;
  declaredWithin(Factor, Own);
  if (!readsVariable(Factor, Own))
    return true;
  llvm::SmallVector<const clang::Stmt *, 8> Todo{Factor};
  while (!Todo.empty()) {
    const auto *E = llvm::dyn_cast_or_null<clang::Expr>(Todo.pop_back_val());
    if (!E || !readsVariable(E, Own))
      continue;
    if (llvm::isa<clang::CallExpr>(E->IgnoreParenCasts()))
      return false;
    if (auto Path = AccessPath::of(E)) {
      if (!testedOnPath(*Path, S) && !boundedByDefinition(*Path, C))
        return false;
      continue;
    }
    for (const clang::Stmt *Child : E->children())
      Todo.push_back(Child);
  }
  return true;
}

static std::string sourceText(const clang::Expr *E, const CheckContext &C) {
  const clang::SourceManager &SM = C.TU.AST.getSourceManager();
  clang::CharSourceRange Range = clang::Lexer::makeFileCharRange(
      clang::CharSourceRange::getTokenRange(E->getSourceRange()), SM,
      C.TU.AST.getLangOpts());
  if (Range.isInvalid())
    return writtenText(E, C.TU.AST).str(); // inside a macro of its own
  return clang::Lexer::getSourceText(Range, SM, C.TU.AST.getLangOpts()).str();
}

/// kmalloc(a * b, gfp) -> kmalloc_array(a, b, gfp); an allocator without
/// such a variant gets array_size(a, b).
std::optional<FixIt> SizeOverflowCheck::fix(const WrittenAllocator &A,
                                            const clang::Expr *SizeArg,
                                            const clang::BinaryOperator *Product,
                                            CheckContext &C) const {
  const clang::SourceManager &SM = C.TU.AST.getSourceManager();
  clang::CharSourceRange Range = clang::Lexer::makeFileCharRange(
      clang::CharSourceRange::getTokenRange(Product->getSourceRange()), SM,
      C.TU.AST.getLangOpts());
  std::string Left = sourceText(Product->getLHS(), C);
  std::string Right = sourceText(Product->getRHS(), C);
  if (Range.isInvalid() || Left.empty() || Right.empty())
    return std::nullopt;
  TextEdit Factors{SM.getFilename(Range.getBegin()).str(),
                   SM.getFileOffset(Range.getBegin()),
                   SM.getFileOffset(Range.getEnd()) -
                       SM.getFileOffset(Range.getBegin()),
                   ""};
  bool Renamed = !A.Shape->Array.empty() && A.NameLoc.isValid() &&
                 SizeArg == A.Call->getArg(*A.Shape->SizeArg) &&
                 !A.Shape->CountArg;
  if (Renamed) {
    auto Rename = C.renameToken(A.NameLoc, A.Shape->Array);
    if (!Rename)
      return std::nullopt;
    Factors.Replacement = Left + ", " + Right;
    return FixIt{llvm::formatv("use {0}(), which checks the multiplication",
                               A.Shape->Array)
                     .str(),
                 {*Rename, Factors}};
  }
  Factors.Replacement = "array_size(" + Left + ", " + Right + ")";
  return FixIt{"use array_size(), which saturates on overflow", {Factors}};
}

void SizeOverflowCheck::onAllocation(const AllocationEvent &E,
                                     const PathState &S, CheckContext &C) {
  if (Reported.count(E.Call))
    return;
  auto A = writtenAllocator(E.Call, C);
  if (!A)
    return;
  const clang::ASTContext &AST = C.TU.AST;
  unsigned Bits = C.TU.Model.allocationShape().SizeBits;
  uint64_t SizeMax = Bits >= 64 ? UINT64_MAX : (uint64_t(1) << Bits) - 1;
  for (std::optional<unsigned> Arg : {A->Shape->SizeArg, A->Shape->CountArg}) {
    if (!Arg || *Arg >= E.Call->getNumArgs())
      continue;
    const clang::Expr *SizeArg = E.Call->getArg(*Arg);
    bool Bare = false;
    const clang::BinaryOperator *Product = productIn(SizeArg, Bare);
    if (!Product || upperBound(Product, AST) <= SizeMax)
      continue;
    // Times one (sizeof(char)) is no multiplication.
    if (constantValue(Product->getLHS(), AST) == 1u ||
        constantValue(Product->getRHS(), AST) == 1u)
      continue;
    llvm::SmallVector<const clang::Expr *, 2> Factors;
    variableFactors(Product, AST, Factors);
    if (Factors.empty() || llvm::any_of(Factors, [&](const clang::Expr *F) {
          return factorBounded(F, S, C);
        }))
      continue;
    Reported.insert(E.Call);
    std::string Text = sourceText(Product, C);
    std::string Factor = sourceText(Factors.front(), C);
    Finding F;
    F.Check = id().str();
    // Where the product is written, also inside 6.12's kmalloc() macro.
    F.Where = C.point(C.TU.AST.getSourceManager().getFileLoc(Product->getExprLoc()));
    F.Message = llvm::formatv(
        "the size given to {0}() multiplies without an overflow check{1}: "
        "no test on this path bounds '{2}' ({3}), so the product can wrap a "
        "{4}-bit size_t and leave the buffer smaller than the code "
        "expects; {5}",
        A->Name, Text.empty() ? "" : " ('" + Text + "')",
        Factor.empty() ? "factor" : Factor, Factors.front()->getType().getAsString(),
        Bits,
        !Bare ? "use struct_size() or size_add(size, array_size(n, size)), "
                "which saturate"
        : !A->Shape->Array.empty() && Arg == A->Shape->SizeArg && !A->Shape->CountArg
            ? A->Shape->Array + "() checks the multiplication"
            : "array_size() saturates instead");
    if (Bare)
      F.Fix = fix(*A, SizeArg, Product, C);
    F.FingerprintKey = A->Name + "|" + Text;
    C.report(std::move(F));
    return;
  }
}

std::unique_ptr<Check> createSizeOverflowCheck() {
  return std::make_unique<SizeOverflowCheck>();
}

} // namespace kmodlint::alloc
