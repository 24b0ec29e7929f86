//===- AccessPath.h - Names for tracked memory locations ---------*- C++ -*-===//
//
// An access path is a variable followed by a chain of struct fields: `p`,
// `priv->buf`, `dev.stats.ring`. Tracking objects by access path is what lets
// `priv->buf = vmalloc()` in probe meet `kfree(priv->buf)` in remove.
// `p->f` and `(*p).f` and `p.f` share a spelling on purpose: C types keep a
// variable either a pointer or a struct, never both.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ENGINE_ACCESSPATH_H
#define KMODLINT_ENGINE_ACCESSPATH_H

#include "analyzer/support/SourcePoint.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace kmodlint {

struct AccessPath {
  const clang::ValueDecl *Root = nullptr;
  llvm::SmallVector<const clang::FieldDecl *, 2> Fields;

  /// The location whose value \p E reads, looking through parens, casts
  /// and statement expressions. None for what is not a fixed location
  /// (`*p`, `a[i]`, calls...).
  static std::optional<AccessPath> of(const clang::Expr *E);
  /// Like of(), and `&x` gives x: a callee given `&ctx` or `ctx` reaches
  /// the same fields.
  static std::optional<AccessPath> ofAddressOrValue(const clang::Expr *E);

  bool isPrefixOf(const AccessPath &Other) const;
  bool isGlobal() const;
  bool isParameter() const;
  const clang::ParmVarDecl *parameter() const;

  AccessPath withFields(llvm::ArrayRef<const clang::FieldDecl *> More) const;

  /// As written in C: "priv->buf".
  std::string str() const;

  bool operator<(const AccessPath &O) const {
    if (Root != O.Root)
      return Root < O.Root;
    return Fields < O.Fields;
  }
  bool operator==(const AccessPath &O) const {
    return Root == O.Root && Fields == O.Fields;
  }
};

/// The source of \p E as the macro-expanded statement shows it
/// ("-ENOMEM", "ret"); empty when it cannot be read.
llvm::StringRef expandedText(const clang::Expr *E, const clang::ASTContext &AST);

/// The source of \p E as the user wrote it, even inside macro arguments
/// (6.12's kzalloc(size, GFP_KERNEL) is itself a macro).
llvm::StringRef writtenText(const clang::Expr *E, const clang::ASTContext &AST);

/// The macros \p Loc was expanded through, innermost first (a kvzalloc()
/// call in 6.12: __kvmalloc_node_noprof's callers kvmalloc_node_noprof,
/// kvmalloc_node, kvmalloc, kvzalloc).
llvm::SmallVector<llvm::StringRef, 4>
macrosExpandedAt(clang::SourceLocation Loc, const clang::ASTContext &AST);

/// \p Loc as findings show it: the presumed location (#line honoured) of
/// its expansion; empty when \p Loc is invalid.
SourcePoint pointOf(const clang::SourceManager &SM, clang::SourceLocation Loc);
/// The same, or nothing for an invalid \p Loc.
std::optional<SourcePoint> pointIfValid(const clang::SourceManager &SM,
                                        clang::SourceLocation Loc);

/// Strips parens, casts and __builtin_expect()-free wrappers that do not
/// change which object a pointer expression denotes.
const clang::Expr *stripValuePreservingWrappers(const clang::Expr *E);

/// What a lock (or timer) is, whatever path reaches it: the chain of struct
/// fields that holds it ("struct foo_priv.lock") or the global
/// ("global foo_lock"), as lockdep groups locks into classes. Fields inside
/// the lock type itself (spinlock_t's rlock) are not part of it. Nothing
/// for a lock known only as a local or a parameter.
std::optional<std::string> lockClass(const AccessPath &Lock);

/// The lock a lock call's argument names, through the inline one-argument
/// wrappers lock macros put around it (spinlock_check(lock)), without the
/// lock type's own fields (&lock->rlock is lock).
std::optional<AccessPath> lockPath(const clang::Expr *Arg);

/// container_of(ptr, T, member): `(T *)(__mptr - offsetof(T, member))`
/// with `void *__mptr = (void *)(ptr)` (6.1 and 6.12 include/linux/
/// container_of.h), or the subtraction written directly. Gives ptr and the
/// member; only single-member offsetof() is recognized. \p PointerTemporary
/// is the macro's name for its copy of ptr (the model's
/// macro_internals.container_of_pointer).
std::optional<std::pair<const clang::Expr *, const clang::FieldDecl *>>
containerOf(const clang::Expr *E, llvm::StringRef PointerTemporary);

} // namespace kmodlint

#endif
