//===- ApiModel.h - Kernel API knowledge loaded from YAML -------*- C++ -*-===//
//
// The kernel API model: allocation families, their acquire and release
// functions, and calls known not to capture their arguments. It is data
// (analyzer/model/kernel-api.yaml, embedded at build time, plus user extensions), so
// teaching kmodlint a new allocator never needs C++.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_MODEL_APIMODEL_H
#define KMODLINT_MODEL_APIMODEL_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace YAML {
class Node;
}

namespace kmodlint {

/// KERNEL_VERSION(a, b, c) as the kernel computes it.
constexpr unsigned kernelVersion(unsigned Major, unsigned Minor,
                                 unsigned Patch = 0) {
  return (Major << 16) + (Minor << 8) + (Patch > 255 ? 255 : Patch);
}

/// Parses "6.4" or "6.4.2" into a KERNEL_VERSION code.
std::optional<unsigned> parseKernelVersion(llvm::StringRef Text);

/// Renders a KERNEL_VERSION code as "6.1" (or "6.1.5").
std::string formatKernelVersion(unsigned Code);

struct AllocFamily;
class ModelLoader;

/// How a pointer-returning acquire function reports failure.
enum class FailureValue { Null, ErrPtr };

/// What an acquire function returns: the object, or a status code (0 or
/// a non-negative number on success, a negative errno on failure) while the
/// resource is named by its key argument (request_irq(irq, ...)).
enum class AcquireResult { Pointer, Status, NonNegative };

struct AcquireFunction {
  std::string Name;
  const AllocFamily *Family = nullptr;
  std::optional<unsigned> GfpArg;
  FailureValue Fails = FailureValue::Null;
  AcquireResult Returns = AcquireResult::Pointer;
  /// The argument that names the resource (the irq number, &misc_dev).
  std::optional<unsigned> KeyArg;
  /// krealloc(p, ...): the argument whose object the call takes over.
  std::optional<unsigned> ConsumesArg;
  /// debugfs_create_dir(name, parent): made under a parent, the object is
  /// the parent's (removed with it); only a NULL parent makes it the
  /// caller's.
  std::optional<unsigned> ParentArg;
};

struct ReleaseFunction {
  std::string Name;
  unsigned Arg = 0;
  /// No argument names the resource (unregister_chrdev(major, name) after
  /// a dynamic register_chrdev()): it releases the family's latest one.
  bool FamilyWide = false;
  /// The argument is a key, never the object itself: every acquirer of the
  /// family returns a status (pci_disable_device(pdev) releases the
  /// enabling, not pdev).
  bool ByKeyOnly = false;
};

/// A call that enters atomic context (spin_lock, local_irq_disable...).
struct AtomicEnter {
  std::string Name;
  std::optional<unsigned> LockArg;
  std::string What; ///< "spinlock", "IRQs disabled"
  bool Conditional = false; ///< trylock: only when it returns non-zero
  /// in_interrupt() is true while it is held (bottom halves disabled).
  bool InInterrupt = false;
};

/// An atomic context a struct field's function or a guard puts code in.
struct AtomicContext {
  std::string What; ///< "hard IRQ handler", "spinlock"
  bool InInterrupt = false; ///< hard IRQ, softirq or bottom halves disabled
  bool HardIrq = false;     ///< hard IRQ context itself
};

/// A registration whose callback argument runs in atomic context.
struct AtomicCallback {
  unsigned Arg = 0;
  std::string Context; ///< "hard IRQ handler"
  bool InInterrupt = false;
  bool HardIrq = false; ///< runs in hard IRQ context (IRQs off, interrupting)
};

/// A call that spins, IRQs on, until a callback registered on its argument
/// has finished (del_timer_sync()): not a sleep, but a deadlock in hard
/// IRQ context and under a lock that callback, or an IRQ handler that
/// can interrupt it, takes.
struct CallbackWait {
  unsigned Arg = 0;         ///< the timer
  std::string RegisteredBy; ///< init_timer_key: its argument 0 is the timer
  std::string What;         ///< "the timer callback"
};

/// A put that runs the release callback stored in a field of its argument
/// when the last reference goes (v4l2_device_put(): v4l2_dev->release).
struct ReleaseCallbackCall {
  unsigned Arg = 0;
  std::string Field; ///< "release"
};

/// A driver struct (platform_driver...) and its callback fields.
struct DriverStruct {
  std::string Name;
  std::vector<std::string> SetupFields;    ///< probe
  std::vector<std::string> TeardownFields; ///< remove, disconnect
};

/// A release function of another family that also accepts this family's
/// memory, possibly only in a range of kernel versions.
struct CompatibleRelease {
  ReleaseFunction Function;
  std::optional<unsigned> Since; ///< first version that allows it
  std::optional<unsigned> Until; ///< first version that forbids it again
  std::string Source;            ///< where the kernel says so
};

struct AllocFamily {
  std::string Name;
  std::string Description;
  bool Managed = false;
  /// Acquiring may sleep whatever the gfp mask (vmalloc, request_irq).
  bool Sleeps = false;
  /// The allocator supports only masks that allow direct reclaim
  /// (vmalloc, kvmalloc): gfp.flags reports atomic masks given to it.
  bool NeedsDirectReclaim = false;
  /// What else goes wrong without reclaim, appended to that finding
  /// ("never falls back to vmalloc; ...").
  std::string WithoutReclaim;
  /// Losing the handle is not a leak (a kthread that runs to completion):
  /// only what a setup function keeps must be released by its teardown.
  bool SelfReleasing = false;
  /// A release drops one reference; the object is freed with the last
  /// (put_device(), kobject_put()). After it, the object is gone only for
  /// a function that made it and so held the only reference.
  bool Refcounted = false;
  /// Acquired for a key the path gave this (managed) acquirer first, the
  /// resource is devres-managed too: pci_request_regions(pdev) after
  /// pcim_enable_device(pdev).
  std::string ManagedAfter;
  std::vector<std::string> Acquirers;
  std::vector<ReleaseFunction> Releases;
  std::vector<CompatibleRelease> AlsoReleasedBy;

  /// The release function a fix should use.
  llvm::StringRef preferredRelease() const {
    return Releases.empty() ? llvm::StringRef() : Releases.front().Name;
  }
};

/// The verdict of asking whether a release function may free a family's
/// memory in a given kernel version.
struct ReleaseVerdict {
  bool Allowed = false;
  /// When not allowed only because of the version: the rule that allows it
  /// in other versions.
  const CompatibleRelease *VersionRule = nullptr;
};

/// IS_ERR(p), IS_ERR_OR_NULL(p); ERR_PTR()/PTR_ERR() values; and
/// PTR_ERR_OR_ZERO(p), a status that is 0 exactly when p is a valid pointer.
enum class ConditionKind { IsError, IsErrorOrNull, ErrorValue, ErrorStatus };

/// A gfp bit the checks test, and where a TU defines it: an enumerator
/// giving the bit's position (6.10+), else a macro that is the bit's value
/// (before), else the default.
struct GfpBit {
  std::string Enumerator; ///< ___GFP_DIRECT_RECLAIM_BIT
  std::string Macro;      ///< ___GFP_DIRECT_RECLAIM
  uint64_t Default = 0;
};

/// What the model says about gfp masks (the `gfp:` section).
struct GfpModel {
  /// The mask macros as users write them: which say "may sleep"
  /// (GFP_KERNEL) and which say "atomic" (GFP_ATOMIC). Writing both in one
  /// mask is a contradiction gfp.flags reports.
  llvm::StringSet<> Sleeping;
  llvm::StringSet<> Atomic;
  /// The mask a fix writes instead of a sleeping one in atomic context
  /// (GFP_KERNEL -> GFP_ATOMIC).
  llvm::StringMap<std::string> AtomicEquivalent;
  /// The typedef of masks: variables of it keep exact constant values.
  std::string MaskType;
  GfpBit DirectReclaim;
  GfpBit NoFail;
  GfpBit Dma;
  GfpBit Dma32;
  GfpBit RetryMayFail;
  GfpBit NoWarn;
  GfpBit NoRetry;
};

/// A number a TU defines as a macro (PAGE_SHIFT), else the default.
struct KernelConstant {
  std::string Macro;
  uint64_t Default = 0;
};

/// What the alloc.* checks may say about an allocator.
enum class AllocatorKind {
  Contiguous, ///< kmalloc family: physically contiguous (alloc.high-order)
  Virtual,    ///< vmalloc family: whole pages mapped (alloc.small-vmalloc)
  Pages,      ///< alloc_pages(): sized by an order
  Any,        ///< kvmalloc: only alloc.size-overflow applies
};

/// How one allocator's request is sized (`allocation_shape.allocators`).
struct SizedAllocator {
  AllocatorKind Kind = AllocatorKind::Any;
  /// The byte size, or each element's when there is a count.
  std::optional<unsigned> SizeArg;
  std::optional<unsigned> CountArg;
  std::optional<unsigned> OrderArg;
  /// The kvmalloc-family function taking the same arguments.
  std::string Virtual;
  /// The overflow-checking (count, size) equivalent.
  std::string Array;
  /// The kmalloc-family equivalent of a vmalloc-family allocator.
  std::string Small;
};

/// The `allocation_shape:` section.
struct AllocationShapeModel {
  KernelConstant PageShift{"", 12};
  KernelConstant CostlyOrder{"", 3};
  /// The narrowest size_t the kernel is built with.
  unsigned SizeBits = 32;
  std::string SmallMask = "GFP_KERNEL";
  llvm::StringMap<SizedAllocator> Allocators;
  /// Functions whose argument N must be physically contiguous memory.
  llvm::StringMap<unsigned> ContiguousUses;
  /// "urb.transfer_buffer": what is stored there is used for DMA.
  llvm::StringSet<> ContiguousFields;
  /// Functions whose argument N must be vmalloc memory.
  llvm::StringMap<unsigned> VmallocUses;
  /// min(), clamp(): a value set from them is bounded.
  llvm::StringSet<> BoundingMacros;
};

/// A function-name pattern with one varying part: class_{}_constructor.
struct NamePattern {
  std::string Prefix;
  std::string Suffix;

  /// Null unless \p Text has exactly one "{}".
  static std::optional<NamePattern> parse(llvm::StringRef Text);
  /// The varying part of \p Name, if it matches.
  std::optional<llvm::StringRef> match(llvm::StringRef Name) const;
};

/// The functions include/linux/cleanup.h generates.
struct CleanupPatterns {
  NamePattern GuardConstructor; ///< guard(x)(...) calls class_x_constructor
  NamePattern GuardDestructor;  ///< and class_x_destructor at scope exit
  NamePattern FreeFunction;     ///< __free(x) runs __free_x
};

/// How the TU's kernel version is found.
struct KernelVersionSource {
  std::string Macro;  ///< LINUX_VERSION_CODE
  std::string Header; ///< linux/version.h, read when the TU did not include it
};

/// The aliases module_init()/module_exit() define in a module build.
struct ModuleEntryPoints {
  std::string InitAlias; ///< init_module
  std::string ExitAlias; ///< cleanup_module
  /// Initcall macros that become module_init() in a module
  /// (subsys_initcall, builtin_driver): code written for the built-in
  /// kernel, which cannot be unloaded, so no module_exit is missing.
  std::set<std::string> BuiltinInitMacros;
};

/// Names the kernel's macros give their temporaries, to see through them.
struct MacroInternals {
  std::string ContainerOfPointer; ///< container_of()'s __mptr
};

class ApiModel {
public:
  /// The built-in model, parsed once from the embedded YAML.
  static const ApiModel &builtin();
  /// A fresh, modifiable copy of the built-in model (to extend).
  static llvm::Expected<std::unique_ptr<ApiModel>> parseBuiltin();

  /// Parses YAML text in the model schema. \p SourceName names it in errors.
  static llvm::Expected<std::unique_ptr<ApiModel>>
  parse(llvm::StringRef Yaml, llvm::StringRef SourceName);

  /// Adds the families and lists of \p Yaml to this model (user extension).
  llvm::Error extend(llvm::StringRef Yaml, llvm::StringRef SourceName);
  /// The same for an already parsed node (a config file's `model:` key), so
  /// errors point at the line and column in that file.
  llvm::Error extend(const YAML::Node &Root, llvm::StringRef SourceName);

  const AcquireFunction *findAcquire(llvm::StringRef Callee) const;
  /// For a call that makes the object it is given one of a family
  /// (device_initialize(dev): from then on put_device() frees it): the
  /// family and the argument.
  std::optional<std::pair<const AllocFamily *, unsigned>>
  findAdopter(llvm::StringRef Callee) const;
  /// The release function named \p Callee and the family it belongs to
  /// (as primary release or as a compatible release of some family).
  const ReleaseFunction *findRelease(llvm::StringRef Callee) const;
  /// The family whose own release function \p Callee is, if any.
  const AllocFamily *familyReleasedBy(llvm::StringRef Callee) const;
  const AllocFamily *findFamily(llvm::StringRef Name) const;
  bool isBorrowingCall(llvm::StringRef Callee) const;
  /// For a call declared to take over one of its arguments: its index.
  std::optional<unsigned> ownershipTransferArg(llvm::StringRef Callee) const;
  /// For a function that stores argument N in a kernel container
  /// (xa_alloc(), idr_alloc()): N. The object lives there now.
  std::optional<unsigned> containerStoreArg(llvm::StringRef Callee) const;
  std::optional<ConditionKind> conditionKind(llvm::StringRef Callee) const;
  /// For platform_set_drvdata() and friends: the stored pointer's index.
  std::optional<unsigned> drvdataSetterArg(llvm::StringRef Callee) const;
  bool isDrvdataGetter(llvm::StringRef Callee) const;
  const DriverStruct *findDriverStruct(llvm::StringRef RecordName) const;

  const AtomicEnter *atomicEnter(llvm::StringRef Callee) const;
  /// For an atomic exit: the lock argument, if any (set when it is one).
  std::optional<std::optional<unsigned>> atomicExit(llvm::StringRef Callee) const;
  const AtomicCallback *atomicCallback(llvm::StringRef Callee) const;
  /// The context a function stored in Record::Field runs in, if atomic.
  std::optional<AtomicContext> atomicField(llvm::StringRef Record,
                                           llvm::StringRef Field) const;
  bool isContextTest(llvm::StringRef MacroOrFunction) const;
  /// A context test true in every atomic context kmodlint models
  /// (in_atomic() with CONFIG_PREEMPT_COUNT): false means "may sleep".
  bool isAnyAtomicTest(llvm::StringRef MacroOrFunction) const;
  /// For a scope guard class (guard(spinlock)): what holding it means.
  std::optional<AtomicContext> atomicGuard(llvm::StringRef Class) const;
  /// Why \p Callee may sleep whatever its arguments, if it does.
  std::optional<std::string> maySleep(llvm::StringRef Callee) const;
  const CallbackWait *callbackWait(llvm::StringRef Callee) const;
  const ReleaseCallbackCall *releaseCallbackCall(llvm::StringRef Callee) const;
  /// Whether \p Callee sleeps only outside interrupt context (6.1 vfree()
  /// defers the free when in_interrupt()).
  bool sleepsOnlyOutsideInterrupt(llvm::StringRef Callee) const;
  /// For a call that sleeps only when its gfp mask allows direct reclaim
  /// (usb_submit_urb(urb, GFP_KERNEL), skb_clone()): that argument.
  std::optional<unsigned> sleepsIfGfpArg(llvm::StringRef Callee) const;

  /// Whether \p Release may free memory of \p Family on a kernel of version
  /// \p Version (0 when the TU's version is unknown: then every versioned
  /// rule is taken as allowing, to avoid false alarms).
  ReleaseVerdict mayRelease(const AllocFamily &Family, llvm::StringRef Release,
                            unsigned Version) const;

  const GfpModel &gfp() const { return Gfp; }
  const AllocationShapeModel &allocationShape() const { return Shape; }
  /// How \p Callee's request is sized, if the model says.
  const SizedAllocator *sizedAllocator(llvm::StringRef Callee) const;
  /// The argument of \p Callee that must be physically contiguous memory.
  std::optional<unsigned> contiguousUseArg(llvm::StringRef Callee) const;
  /// The argument of \p Callee that must be vmalloc memory.
  std::optional<unsigned> vmallocUseArg(llvm::StringRef Callee) const;
  const CleanupPatterns &cleanup() const { return Cleanup; }
  const KernelVersionSource &kernelVersionSource() const { return Version; }
  const ModuleEntryPoints &moduleEntryPoints() const { return Module; }
  const MacroInternals &macroInternals() const { return Macros; }

  const std::vector<std::unique_ptr<AllocFamily>> &families() const {
    return Families;
  }

  /// The name a model lookup uses for a callee: without the model's
  /// name_suffixes (6.10+ allocators are macros over X_noprof functions,
  /// and both spell the same API).
  llvm::StringRef canonicalName(llvm::StringRef Callee) const;

private:
  friend class ModelLoader;
  /// Removes a family that a user family of the same name replaces.
  void forgetFamily(const AllocFamily &Old);
  /// Derives what depends on several entries (ByKeyOnly).
  void finalize();

  std::vector<std::unique_ptr<AllocFamily>> Families;
  llvm::StringMap<AcquireFunction> Acquire;
  llvm::StringMap<ReleaseFunction> Release;
  llvm::StringMap<const AllocFamily *> PrimaryReleaseFamily;
  llvm::StringSet<> Borrowing;
  llvm::StringMap<unsigned> OwnershipTransfers;
  llvm::StringMap<ConditionKind> Conditions;
  llvm::StringMap<unsigned> DrvdataSetters;
  llvm::StringSet<> DrvdataGetters;
  llvm::StringMap<DriverStruct> Drivers;
  llvm::StringMap<AtomicEnter> AtomicEnters;
  llvm::StringMap<std::optional<unsigned>> AtomicExits;
  llvm::StringMap<AtomicCallback> AtomicCallbacks;
  llvm::StringMap<CallbackWait> CallbackWaits;
  llvm::StringMap<ReleaseCallbackCall> ReleaseCallbackCalls;
  llvm::StringMap<AtomicContext> AtomicFields; ///< "Record::field" -> context
  llvm::StringSet<> ContextTests;
  llvm::StringSet<> AnyAtomicTests;
  llvm::StringMap<AtomicContext> AtomicGuards;
  llvm::StringMap<std::string> MaySleep;
  llvm::StringSet<> SleepsOnlyOutsideInterrupt;
  llvm::StringMap<unsigned> SleepsIfGfp;
  llvm::StringMap<unsigned> ContainerStores;
  llvm::StringMap<std::pair<const AllocFamily *, unsigned>> Adopters;
  GfpModel Gfp;
  AllocationShapeModel Shape;
  CleanupPatterns Cleanup;
  KernelVersionSource Version;
  ModuleEntryPoints Module;
  MacroInternals Macros;
  std::vector<std::string> NameSuffixes;
};

} // namespace kmodlint

#endif
