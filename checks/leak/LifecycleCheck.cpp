//===- LifecycleCheck.cpp -------------------------------------------------===//
//
// What module_init keeps (in globals) must be released by module_exit; what
// probe keeps (in the driver data) must be released by remove; devm_
// resources excepted. Reported at the acquisition, naming the teardown
// that misses it. See docs/checks/leak.lifecycle.md.
//
//===----------------------------------------------------------------------===//
#include "checks/Check.h"
#include "analyzer/engine/ModuleModel.h"
#include "analyzer/engine/Summaries.h"
#include "checks/leak/Ownership.h"
#include <map>

#include "llvm/Support/FormatVariadic.h"

namespace kmodlint::leak {

class LifecycleCheck : public Check {
public:
  llvm::StringRef id() const override;
  llvm::StringRef summary() const override;
  // Below 80% true on held-out kernel code (docs/precision/README.md).
  bool enabledByDefault() const override { return false; }
  void onExit(const PathState &S, CheckContext &C) override;
  void onTranslationUnitEnd(CheckContext &C) override;

private:
  /// Something a setup function keeps and its teardown must release.
  struct Kept {
    const LifecyclePair *Pair = nullptr;
    ReleasedLocation Where;
    std::string What;  ///< "kmalloc memory acquired by kzalloc()"
    std::string Place; ///< "'gbuf'", "'priv->ring' in the driver data"
    clang::SourceLocation AcquireLoc;
    std::string FingerprintKey;
    /// For a resource named by the device setup was given (pdev): that
    /// parameter, which the teardown is given too, and where the teardown
    /// finds the device otherwise (mgr->pci in the driver data).
    std::optional<ReleasedLocation> DeviceParameter, DeviceCopy;
    /// The fields setup stored that device in (struct adf_accel_pci's
    /// pci_dev): a teardown that releases the same family through such a
    /// field, however it found the struct (a table lookup by the device,
    /// qat's adf_devmgr_pci_to_accel_dev()), releases it.
    std::vector<FieldName> DeviceFields;
  };
  std::map<std::string, Kept> Expected;
};

llvm::StringRef LifecycleCheck::id() const { return "leak.lifecycle"; }

llvm::StringRef LifecycleCheck::summary() const {
  return "what module_init or probe keeps is never released by module_exit "
         "or remove";
}

/// The setup function's parameter a by-key resource is named by: the key
/// is the parameter, or a field that still holds the parameter's value.
static const clang::ParmVarDecl *keyParameter(const PathState &S,
                                              const TrackedObject &Obj) {
  if (!Obj.KeyPath)
    return nullptr;
  if (Obj.KeyPath->Fields.empty() && Obj.KeyPath->parameter())
    return Obj.KeyPath->parameter();
  Value KeyValue = S.lookup(*Obj.KeyPath);
  auto It = KeyValue.isObject() ? S.Objects.find(KeyValue.Object) : S.Objects.end();
  const TrackedObject *Key = It == S.Objects.end() ? nullptr : &It->second;
  if (Key && Key->IsParameter && !Key->ContainerMember && Key->FirstPath &&
      Key->FirstPath->Fields.empty())
    return Key->FirstPath->parameter();
  return nullptr;
}

/// Where teardown code would find \p Obj: a global (or a global key such
/// as &misc_dev), a field of the driver data, or only its family.
static std::optional<ReleasedLocation>
teardownLocation(const PathState &S, ObjectId Id, const TrackedObject &Obj,
                 std::string &Place) {
  ReleasedLocation L;
  auto FromPath = [&](const AccessPath &P) -> bool {
    if (P.isGlobal()) {
      L.Kind = ReleasedLocation::Global;
      L.Root = P.Root->getName().str();
      L.Fields = fieldNames(P.Fields);
      Place = "'" + P.str() + "'";
      return true;
    }
    if ((!S.Drvdata && !S.DrvdataName) || !S.DrvdataKey)
      return false;
    for (size_t N = 0; N <= P.Fields.size(); ++N) {
      AccessPath Prefix;
      Prefix.Root = P.Root;
      Prefix.Fields.assign(P.Fields.begin(), P.Fields.begin() + N);
      Value Owner = S.lookup(Prefix);
      if ((S.Drvdata && Owner.isObject() && Owner.Object == S.Drvdata) ||
          (!S.Drvdata && S.DrvdataName && Prefix == *S.DrvdataName)) {
        L.Kind = ReleasedLocation::Drvdata;
        L.Root = recordName(S.DrvdataKey);
        L.Fields = fieldNames(llvm::ArrayRef(P.Fields).drop_front(N));
        Place = L.Fields.empty() ? std::string("the driver data")
                                 : "'" + P.str() + "' in the driver data";
        return true;
      }
    }
    return false;
  };
  if (Id == S.Drvdata && S.DrvdataKey) {
    L.Kind = ReleasedLocation::Drvdata;
    L.Root = recordName(S.DrvdataKey);
    Place = "the driver data";
    return L;
  }
  if (Obj.KeyPath && FromPath(*Obj.KeyPath))
    return L;
  for (const auto &[Path, V] : S.Bindings)
    if (V.isObject() && V.Object == Id && FromPath(Path))
      return L;
  if (Obj.Acquirer && Obj.Acquirer->Returns != AcquireResult::Pointer &&
      !Obj.Acquirer->KeyArg && Obj.Family) {
    L.Kind = ReleasedLocation::FamilyWide;
    L.Family = Obj.Family;
    Place = "the module";
    return L;
  }
  return std::nullopt;
}

/// The last field of every path that holds object \p Id.
static std::vector<FieldName> fieldsHolding(const PathState &S, ObjectId Id) {
  std::vector<FieldName> Fields;
  for (const auto &[Path, V] : S.Bindings)
    if (V.isObject() && V.Object == Id && !Path.Fields.empty())
      if (FieldName F = fieldName(Path.Fields.back());
          !llvm::is_contained(Fields, F))
        Fields.push_back(F);
  return Fields;
}

void LifecycleCheck::onExit(const PathState &S, CheckContext &C) {
  const LifecyclePair *Pair = currentSetupPair(C);
  if (!Pair)
    return;
  ExitKind Exit = classifyExit(S, C.Function, C.TU.AST);
  if (Exit.Kind != ExitKind::Success && Exit.Kind != ExitKind::CallStatus)
    return;
  for (const auto &[Id, Obj] : S.Objects) {
    if (!isOwnedHere(Obj) || !Obj.PassedTo.empty())
      continue;
    std::string Place;
    auto Where = teardownLocation(S, Id, Obj, Place);
    // pci_enable_device(pdev), or pci_enable_device(dc->pdev) after
    // dc->pdev = pdev: remove is handed the same device as probe.
    std::optional<ReleasedLocation> Device;
    if (const clang::ParmVarDecl *Param = keyParameter(S, Obj)) {
      Device.emplace();
      Device->Kind = ReleasedLocation::Parameter;
      Device->Param = Param->getFunctionScopeIndex();
      Device->Family = Obj.Family;
      if (!Where) {
        Where = Device;
        Place = "'" + Param->getName().str() + "'";
      }
    }
    if (!Where)
      continue;
    Kept K;
    K.DeviceParameter = Device;
    if (Device && Obj.KeyPath)
      if (Value KeyValue = S.lookup(*Obj.KeyPath); KeyValue.isObject())
        if (auto KeyIt = S.Objects.find(KeyValue.Object); KeyIt != S.Objects.end()) {
          std::string Unused;
          K.DeviceCopy = teardownLocation(S, KeyIt->first, KeyIt->second, Unused);
          K.DeviceFields = fieldsHolding(S, KeyValue.Object);
        }
    K.Pair = Pair;
    K.Where = *Where;
    K.What = llvm::formatv("{0} acquired by {1}()",
                           Obj.Family ? Obj.Family->Description : "resource",
                           Obj.AcquiredBy);
    K.Place = Place;
    K.AcquireLoc = Obj.AcquireLoc;
    K.FingerprintKey = Obj.AcquiredBy + "|" + Place;
    auto [It, New] = Expected.try_emplace(
        std::to_string(Obj.AcquireLoc.getRawEncoding()) + "|" + Where->key(), K);
    // Another success path may know the device's copy this one lost (a
    // callee handed hba may have rewritten hba->pdev, for all we know).
    if (!New && !It->second.DeviceCopy)
      It->second.DeviceCopy = K.DeviceCopy;
    if (!New)
      for (const FieldName &F : K.DeviceFields)
        if (!llvm::is_contained(It->second.DeviceFields, F))
          It->second.DeviceFields.push_back(F);
  }
}

/// Whether a teardown releases the device it is given, as the setup
/// function was given it (same position, same type): remove(pdev) after
/// probe(pdev, id). Only the teardown's own summary numbers parameters so.
static bool releasesSetupParameter(const LifecyclePair &Pair,
                                   const ReleasedLocation &Want,
                                   Summaries &FunctionSummaries) {
  if (Want.Param >= Pair.Setup->getNumParams())
    return false;
  clang::QualType Type = Pair.Setup->getParamDecl(Want.Param)->getType();
  for (const clang::FunctionDecl *Teardown : Pair.Teardowns) {
    if (Want.Param >= Teardown->getNumParams() ||
        Teardown->getParamDecl(Want.Param)->getType().getCanonicalType() !=
            Type.getCanonicalType())
      continue;
    const FunctionSummary *Summary = FunctionSummaries.get(Teardown);
    if (Summary && llvm::any_of(Summary->MayReleases, [&](const ReleasedLocation &R) {
          return R.Kind == ReleasedLocation::Parameter && R.Param == Want.Param &&
                 R.Fields.empty() && !R.ContainerMember &&
                 (!R.Family || R.Family == Want.Family);
        }))
      return true;
  }
  return false;
}

/// Kept::DeviceFields: a release of the family through one of them (by
/// key: the device names both its regions and its enable count).
static bool releasesThroughDeviceField(
    const std::vector<ReleasedLocation> &Released,
    llvm::ArrayRef<FieldName> DeviceFields, const AllocFamily *Family) {
  return llvm::any_of(Released, [&](const ReleasedLocation &R) {
    return R.Kind != ReleasedLocation::FamilyWide && !R.Fields.empty() &&
           R.Family && R.Family == Family &&
           llvm::is_contained(DeviceFields, R.Fields.back());
  });
}

static bool releases(const std::vector<ReleasedLocation> &Released,
                     const ReleasedLocation &Want) {
  if (Want.Kind == ReleasedLocation::Parameter)
    return false; // releasesSetupParameter()'s
  for (const ReleasedLocation &R : Released) {
    if (R.Kind != Want.Kind)
      continue;
    if (Want.Kind == ReleasedLocation::FamilyWide) {
      if (R.Family == Want.Family)
        return true;
      continue;
    }
    if (R.Root == Want.Root && R.Fields == Want.Fields)
      return true;
  }
  return false;
}

void LifecycleCheck::onTranslationUnitEnd(CheckContext &C) {
  if (!C.TU.FunctionSummaries)
    return; // without summaries no teardown is known to release anything
  std::map<const LifecyclePair *, std::vector<ReleasedLocation>> Released;
  for (const auto &[Key, K] : Expected) {
    auto [It, New] = Released.try_emplace(K.Pair);
    if (New)
      It->second = C.teardownReleases(*K.Pair);
    if (releases(It->second, K.Where))
      continue;
    if (K.DeviceCopy && releases(It->second, *K.DeviceCopy))
      continue;
    if (releasesThroughDeviceField(It->second, K.DeviceFields, K.Where.Family))
      continue;
    if (K.DeviceParameter &&
        releasesSetupParameter(*K.Pair, *K.DeviceParameter,
                               *C.TU.FunctionSummaries))
      continue;
    if (K.Pair->Teardowns.empty() && K.Pair->BuiltinStyle)
      continue; // written for the built-in kernel: never unloaded
    Finding F;
    F.Check = id().str();
    F.Where = C.point(K.AcquireLoc);
    F.Function = K.Pair->Setup->getNameAsString();
    if (K.Pair->Teardowns.empty()) {
      F.Message = llvm::formatv(
          "{0} and kept in {1} by {2}() is never released: there is no {3}",
          K.What, K.Place, F.Function, K.Pair->TeardownRole);
      F.Notes.push_back({C.point(K.Pair->DeclaredAt),
                         llvm::formatv("{0} is declared here",
                                       K.Pair->SetupRole)});
    } else {
      const clang::FunctionDecl *Teardown = K.Pair->Teardowns.front();
      F.Message = llvm::formatv(
          "{0} and kept in {1} by {2}() is not released by {3}()", K.What,
          K.Place, F.Function, Teardown->getNameAsString());
      F.Notes.push_back({C.point(Teardown->getLocation()),
                         llvm::formatv("{0}() is the {1}; it does not release "
                                       "it",
                                       Teardown->getNameAsString(),
                                       K.Pair->TeardownRole)});
    }
    F.FingerprintKey = K.FingerprintKey;
    C.report(std::move(F));
  }
}

std::unique_ptr<Check> createLifecycleCheck() {
  return std::make_unique<LifecycleCheck>();
}

} // namespace kmodlint::leak
