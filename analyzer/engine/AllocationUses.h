//===- AllocationUses.h - Where allocations go and what needs them -*- C++ -*-===//
//
// Across a TU: which variable or field each allocation is stored into, and
// which of those hold memory that must be physically contiguous (handed to
// dma_map_single(), a scatterlist, a URB) or must be vmalloc memory
// (remap_vmalloc_range()). A 64 KiB kmalloc() that feeds a DMA mapping
// needs its contiguity; one that only holds a table does not.
//
// Holders are declarations, not access paths: `priv->buf` in probe and
// `p->buf` in the DMA helper are the same field. Memory flows between
// holders through assignments (`dev->buf = buf`) and into the parameters
// of the TU's own functions, so a use three calls down still counts.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ENGINE_ALLOCATIONUSES_H
#define KMODLINT_ENGINE_ALLOCATIONUSES_H

#include "analyzer/model/ApiModel.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <string>

namespace kmodlint {

/// A use that says what kind of memory a holder needs.
struct MemoryNeed {
  std::string By; ///< "dma_map_single_attrs()", "struct urb.transfer_buffer"
  clang::SourceLocation Loc;
};

class AllocationUses {
public:
  /// Scans every function body of the main file.
  void collect(clang::ASTContext &AST, const ApiModel &Model);

  /// The variable or field (canonical) allocation \p Call is stored into;
  /// null when its value goes anywhere else (returned, passed on).
  const clang::ValueDecl *destination(const clang::CallExpr *Call) const;
  /// What memory stored in \p Holder needs, when some use needs physically
  /// contiguous memory; null otherwise.
  const MemoryNeed *contiguousNeed(const clang::ValueDecl *Holder) const;
  /// The same for uses that need vmalloc memory.
  const MemoryNeed *vmallocNeed(const clang::ValueDecl *Holder) const;
  /// Whether the function that makes \p Call stores another allocation into
  /// the same holder: a fallback (`p = kmalloc(...); if (!p) p = vmalloc(...)`,
  /// a retry with a smaller order).
  bool hasFallback(const clang::CallExpr *Call) const;

  /// Whether local \p Var, which receives an allocation, keeps it to its
  /// function: every use dereferences it, tests it, assigns it an
  /// allocation or NULL, or passes it to a release or a borrowing call
  /// (memset, printk). Nothing stores, returns or hands it on.
  bool staysLocal(const clang::VarDecl *Var) const {
    return StaysLocal.contains(Var->getCanonicalDecl());
  }

  /// Whether every assignment to local \p Var sets it from a constant or a
  /// bounding macro (`len = min(n, MAX)`), and there is one.
  bool boundedByDefinition(const clang::VarDecl *Var) const;

  /// The holder an expression's memory is: `buf`, `priv->buf`, `&buf[i]`,
  /// `buf + off`, through casts. Exposed for tests.
  static const clang::ValueDecl *holderOf(const clang::Expr *E);

private:
  friend class AllocationUseCollector;
  using Holder = const clang::ValueDecl *;
  void propagate(llvm::DenseMap<Holder, MemoryNeed> &Needs) const;

  /// Keyed by the call's expansion site: 6.12's alloc_hooks() calls the
  /// allocator on two branches of one macro expansion, and both are the
  /// allocation the source writes (the engine treats them as one site).
  llvm::DenseMap<clang::SourceLocation, Holder> Destinations;
  /// Allocations per (function, holder), for fallbacks.
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, Holder>, unsigned>
      AllocationsInto;
  llvm::DenseMap<clang::SourceLocation, const clang::FunctionDecl *> MadeIn;
  /// The variables each function stores an allocation into.
  llvm::DenseMap<const clang::FunctionDecl *,
                 llvm::SmallVector<const clang::VarDecl *, 2>>
      AllocatedLocals;
  const clang::SourceManager *SM = nullptr;
  clang::SourceLocation siteOf(const clang::CallExpr *Call) const;
  /// Holder -> holders that receive its memory.
  llvm::DenseMap<Holder, llvm::SmallVector<Holder, 2>> FlowsTo;
  llvm::DenseMap<Holder, MemoryNeed> Contiguous;
  llvm::DenseMap<Holder, MemoryNeed> Vmalloc;
  /// Per local: its assignments, and whether each was bounded.
  struct Definitions {
    unsigned Count = 0;
    bool AllBounded = true;
  };
  llvm::DenseMap<const clang::VarDecl *, Definitions> LocalDefinitions;
  llvm::DenseSet<const clang::VarDecl *> StaysLocal;
  void findLocalsThatStay(const clang::FunctionDecl *F, const ApiModel &Model,
                          clang::ASTContext &AST);
};

} // namespace kmodlint

#endif
