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
  };
  std::map<std::string, Kept> Expected;
};

llvm::StringRef LifecycleCheck::id() const { return "leak.lifecycle"; }

llvm::StringRef LifecycleCheck::summary() const {
  return "what module_init or probe keeps is never released by module_exit "
         "or remove";
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
    if (!S.Drvdata || !S.DrvdataKey)
      return false;
    for (size_t N = 0; N <= P.Fields.size(); ++N) {
      AccessPath Prefix;
      Prefix.Root = P.Root;
      Prefix.Fields.assign(P.Fields.begin(), P.Fields.begin() + N);
      Value Owner = S.lookup(Prefix);
      if (Owner.isObject() && Owner.Object == S.Drvdata) {
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
    if (!Where)
      continue;
    Kept K;
    K.Pair = Pair;
    K.Where = *Where;
    K.What = llvm::formatv("{0} acquired by {1}()",
                           Obj.Family ? Obj.Family->Description : "resource",
                           Obj.AcquiredBy);
    K.Place = Place;
    K.AcquireLoc = Obj.AcquireLoc;
    K.FingerprintKey = Obj.AcquiredBy + "|" + Place;
    Expected.try_emplace(
        std::to_string(Obj.AcquireLoc.getRawEncoding()) + "|" + Where->key(), K);
  }
}

static bool releases(const std::vector<ReleasedLocation> &Released,
                     const ReleasedLocation &Want) {
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
