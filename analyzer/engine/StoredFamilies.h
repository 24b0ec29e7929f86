//===- StoredFamilies.h - Which allocations each field receives -*- C++ -*-===//
//
// Across a TU, the allocations stored into each struct field and global
// variable. When every store into `struct priv::buf` is a kvzalloc(), a
// `kfree(priv->buf)` in another function (remove, a cleanup helper) is a
// mismatch even though no single path shows both calls.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ENGINE_STOREDFAMILIES_H
#define KMODLINT_ENGINE_STOREDFAMILIES_H

#include "analyzer/engine/AccessPath.h"
#include "analyzer/model/ApiModel.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace kmodlint {

class Summaries;

struct StoredFamily {
  const AllocFamily *Family = nullptr;
  std::string AcquiredBy;
  SourcePoint StoreLoc;
  /// Stored as a device's driver data (platform_set_drvdata()...) and read
  /// back with the matching getter.
  bool ThroughDrvdata = false;
  /// For driver-data stores: the struct the driver data is
  /// ("struct foo_priv").
  std::string DrvdataStruct;
};

class StoredFamilies {
public:
  /// Scans every function body of the main file for stores into fields and
  /// globals.
  void collect(clang::ASTContext &AST, const ApiModel &Model,
               Summaries *FunctionSummaries);

  /// The family of everything stored into \p P's last field (or global, or
  /// the driver data \p P was loaded from), when all stores agree; null
  /// otherwise.
  const StoredFamily *lookup(const AccessPath &P) const;

  /// The allocation call an expression's value comes from, looking through
  /// casts and the statement expressions of 6.10+ allocator macros.
  static const clang::CallExpr *allocationCall(const clang::Expr *E,
                                               const ApiModel &Model);

  /// Records one store; exposed for the collector and tests.
  void recordStore(const clang::Decl *Target, const StoredFamily *Store);

  /// The family every assignment to local \p Local in its function agrees
  /// on, if any.
  const StoredFamily *localFamily(const clang::ValueDecl *Local) const;

  /// The driver data's family when the TU stores exactly one kind of
  /// driver data (kfree(i2c_get_clientdata(c)) names no type).
  const StoredFamily *soleDrvdata() const;

  void recordDrvdataKey(const clang::Decl *Key) {
    if (!llvm::is_contained(DrvdataKeys, Key))
      DrvdataKeys.push_back(Key);
  }

  /// kobject_init_and_add(orangefs_obj, ...) somewhere in the file: what
  /// the global or field holds is released by the adopter's family, except
  /// in the release callback that frees it with its allocator's: lookup()
  /// names no family for it.
  void recordAdoption(const clang::Decl *Target) { Adoptions.insert(Target); }

  /// Marks \p Local as loaded from a driver-data getter.
  void recordDrvdataLoad(const clang::VarDecl *Local) {
    DrvdataLocals.insert(Local);
  }

  /// Driver data is keyed by the struct it points to: probe stores a
  /// `struct foo_priv *`, remove loads one.
  static const clang::RecordDecl *drvdataKey(clang::QualType Pointer);

private:
  llvm::DenseSet<const clang::VarDecl *> DrvdataLocals;
  llvm::SmallVector<const clang::Decl *, 2> DrvdataKeys;
  struct Entry {
    StoredFamily Store;
    bool Conflict = false;
  };
  llvm::DenseMap<const clang::Decl *, Entry> Entries;
  llvm::DenseSet<const clang::Decl *> Adoptions;
};

} // namespace kmodlint

#endif
