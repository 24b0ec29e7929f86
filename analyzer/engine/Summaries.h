//===- Summaries.h - What a same-TU function does to its arguments -*- C++ -*-===//
//
// Function summaries let the engine follow a call into a helper defined in
// the same TU without re-walking it at every call site: what it always
// releases (through its parameters, in globals, or a family-wide resource),
// which allocation family it returns, which parameters it may keep, and --
// for lifecycle pairing -- everything it may release, including driver data.
// Computed on demand, memoized, with recursion cut.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ENGINE_SUMMARIES_H
#define KMODLINT_ENGINE_SUMMARIES_H

#include "analyzer/engine/PathEngine.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <map>
#include <memory>

namespace kmodlint {

/// A struct field by name, stable across TUs: {"struct foo_priv", "buf"}.
struct FieldName {
  std::string Record;
  std::string Field;

  std::string str() const { return Record + "." + Field; }
  bool operator==(const FieldName &O) const {
    return Record == O.Record && Field == O.Field;
  }
};

/// "struct foo_priv"; an unnamed struct is spelled as clang prints it.
std::string recordName(const clang::RecordDecl *Record);
/// An unnamed field (anonymous union member) is "#<index>".
FieldName fieldName(const clang::FieldDecl *Field);
llvm::SmallVector<FieldName, 2>
fieldNames(llvm::ArrayRef<const clang::FieldDecl *> Fields);

/// Where a released object lives, as seen from outside the function: in
/// names and indices only, so a summary outlives its AST.
struct ReleasedLocation {
  enum KindT {
    Parameter,  ///< param Param, through Fields
    Global,     ///< global Root, through Fields
    Drvdata,    ///< the device's driver data (struct Root), through Fields
    FamilyWide, ///< unregister_chrdev(): the family's latest resource
  } Kind = Parameter;
  unsigned Param = 0;
  /// Global: the variable; Drvdata: the struct ("struct foo_priv").
  std::string Root;
  llvm::SmallVector<FieldName, 2> Fields;
  /// For Parameter: what is released is the object holding the parameter
  /// (through Fields) as this member: container_of(dev, T, member).
  std::optional<FieldName> ContainerMember;
  const AllocFamily *Family = nullptr;
  const ReleaseFunction *Release = nullptr;
  std::optional<SourcePoint> Loc;

  /// Identity without the release function or location.
  std::string key() const;
};

/// Why a function may sleep: the reason at the bottom and the calls that
/// lead there (for "foo() calls bar() here" notes).
struct SleepWitness {
  std::string Reason;
  bool UnlessInInterrupt = false; ///< see SleepEvent
  std::optional<std::map<std::string, std::string>> WaitConflicts; ///< see SleepEvent
  /// It sleeps only when these integer parameters have these signs
  /// (`if (nofail) return kmem_cache_zalloc(c, GFP_KERNEL | __GFP_NOFAIL);
  /// return kmem_cache_alloc(c, GFP_ATOMIC);`): a call whose constant
  /// argument rules one out does not sleep (ext4's __es_alloc_extent(false)).
  std::map<unsigned, IntKnowledge> OnlyIfParams;
  std::vector<std::pair<std::string, SourcePoint>> Chain;
};

/// A hold of its caller's that a helper ends on every path that returns
/// (xlog_wait(wq, lock) unlocks lock; xfs_iget_cache_hit() leaves the RCU
/// section its caller entered), named from outside the helper.
struct CallerHoldExit {
  enum KindT {
    Unnamed,   ///< the unlock names no lock: rcu_read_unlock()
    Parameter, ///< a lock reached from param Param through Fields
    Global,    ///< global Root, through Fields
    Elsewhere, ///< a lock the caller cannot name; its class (lockClass())
  } Kind = Unnamed;
  unsigned Param = 0;
  std::string Root;
  llvm::SmallVector<FieldName, 2> Fields;
  std::string Class;

  std::string key() const;
};

struct FunctionSummary {
  /// The function, by name.
  std::string Function;
  /// Released on every path that returns.
  std::vector<ReleasedLocation> Releases;
  /// Released on some path (lifecycle pairing).
  std::vector<ReleasedLocation> MayReleases;
  /// Set when every return hands back a fresh allocation of this family
  /// (or a failure value).
  const AllocFamily *ReturnedFamily = nullptr;
  std::string ReturnedAcquiredBy;
  SourcePoint ReturnedAcquireLoc;
  FailureValue ReturnedFailure = FailureValue::Null;
  /// Set when every return hands back this parameter's own value.
  std::optional<unsigned> ReturnsParameter;
  /// Set when every return hands back this integer (the kernel's
  /// `__seqprop_spinlock_preemptible() { return false; }`, a setup helper
  /// that always returns 0): the caller's tests of the result are decided.
  std::optional<int64_t> ReturnsConstant;
  /// Holds of the caller's it ends on every path that returns.
  std::vector<CallerHoldExit> LeavesCallerHolds;
  /// Parameters whose object the function stores where it outlives the
  /// call (list_add(), hash_add()), and those it hands to functions we
  /// cannot see (which may keep them or not).
  std::vector<unsigned> StoresParams;
  std::vector<unsigned> PassesParams;
  /// Whether it may write through its pointer parameters.
  bool WritesThroughParameters = true;
  /// Set when some path may sleep outside any atomic region of its own.
  std::optional<SleepWitness> Sleeps;
  /// Sleeps when the gfp mask passed as this parameter allows direct
  /// reclaim (helper(..., gfp_t gfp) { kmalloc(n, gfp); }).
  std::map<unsigned, SleepWitness> SleepsIfParameterBlocks;
};

class Summaries {
public:
  explicit Summaries(TranslationUnitContext &TU) : TU(TU) {}

  /// The summary of \p FD's definition, or null when it has no body in this
  /// TU or is being summarized further up the call chain.
  const FunctionSummary *get(const clang::FunctionDecl *FD);

  /// Everything \p FD and the same-TU functions it calls (a few levels
  /// down) may release: what a teardown callback undoes.
  std::vector<ReleasedLocation> mayReleaseTransitively(const clang::FunctionDecl *FD);

  /// Names \p Fields (or \p Global) for a summary and remembers the
  /// declarations, so that applying the summary in this TU finds them.
  llvm::SmallVector<FieldName, 2>
  nameFields(llvm::ArrayRef<const clang::FieldDecl *> Fields);
  std::string nameGlobal(const clang::VarDecl *Global);
  /// The declarations behind names this TU's summaries use.
  const clang::FieldDecl *field(const FieldName &Name) const;
  /// Nothing when a name is not one this TU's summaries gave.
  std::optional<llvm::SmallVector<const clang::FieldDecl *, 2>>
  fields(llvm::ArrayRef<FieldName> Names) const;
  /// The access path of a Global location.
  std::optional<AccessPath> globalPath(const ReleasedLocation &R) const;

private:
  llvm::StringMap<const clang::FieldDecl *> FieldsByName;
  llvm::StringMap<const clang::VarDecl *> GlobalsByName;
  TranslationUnitContext &TU;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionSummary>>
      Cache;
  llvm::DenseSet<const clang::FunctionDecl *> InProgress;
};


} // namespace kmodlint

#endif
