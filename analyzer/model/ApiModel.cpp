//===- ApiModel.cpp - Kernel API knowledge loaded from YAML ---------------===//
#include "analyzer/model/ApiModel.h"

#include "llvm/ADT/StringSet.h"
#include "analyzer/support/EmbeddedFiles.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

namespace kmodlint {

std::optional<unsigned> parseKernelVersion(llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef, 3> Parts;
  Text.trim().split(Parts, '.');
  if (Parts.size() < 2 || Parts.size() > 3)
    return std::nullopt;
  unsigned Numbers[3] = {0, 0, 0};
  for (size_t I = 0; I < Parts.size(); ++I)
    if (Parts[I].getAsInteger(10, Numbers[I]))
      return std::nullopt;
  return kernelVersion(Numbers[0], Numbers[1], Numbers[2]);
}

std::string formatKernelVersion(unsigned Code) {
  unsigned Patch = Code & 0xff;
  std::string Text = llvm::formatv("{0}.{1}", Code >> 16, (Code >> 8) & 0xff);
  if (Patch)
    Text += "." + std::to_string(Patch);
  return Text;
}

llvm::StringRef ApiModel::canonicalName(llvm::StringRef Callee) const {
  for (llvm::StringRef Suffix : NameSuffixes)
    if (Callee.consume_back(Suffix))
      break;
  return Callee;
}

/// Parse errors name the model file, line and column, as users edit it.
class ModelParser {
public:
  explicit ModelParser(llvm::StringRef SourceName)
      : SourceName(SourceName.str()) {}

  llvm::Error error(const YAML::Node &Node, const llvm::Twine &Message) {
    const YAML::Mark Mark = Node.Mark();
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::formatv("{0}:{1}:{2}: {3}", SourceName, Mark.line + 1,
                      Mark.column + 1, Message.str())
            .str());
  }

  /// Rejects keys outside \p Allowed: a misspelt key must not be ignored.
  llvm::Error checkKeys(const YAML::Node &Map,
                        llvm::ArrayRef<llvm::StringRef> Allowed,
                        llvm::StringRef Where) {
    if (!Map.IsMap())
      return error(Map, llvm::Twine(Where) + " must be a mapping");
    for (const auto &Entry : Map) {
      std::string Key = Entry.first.as<std::string>();
      if (llvm::find(Allowed, Key) == Allowed.end())
        return error(Entry.first, "unknown key '" + Key + "' in " + Where +
                                      " (expected one of: " +
                                      llvm::join(Allowed, ", ") + ")");
    }
    return llvm::Error::success();
  }

  /// A list of names (borrowing_calls, getters...): checks its shape and
  /// hands each name to \p Add.
  llvm::Error names(const YAML::Node &List, llvm::StringRef What,
                    llvm::function_ref<void(std::string)> Add) {
    if (auto E = shape(List, /*Map=*/false, What))
      return E;
    for (const auto &Name : List)
      Add(Name.as<std::string>());
    return llvm::Error::success();
  }

  /// A schema section must be a mapping (\p Map) or a list; a mapping's
  /// keys must be unique (yaml-cpp silently keeps the first of two).
  llvm::Error shape(const YAML::Node &Node, bool Map, llvm::StringRef What) {
    if (!Node || Node.IsNull())
      return llvm::Error::success();
    if (Map != Node.IsMap() || (!Map && !Node.IsSequence()))
      return error(Node, llvm::Twine("'") + What + "' must be a " +
                             (Map ? "mapping of names" : "list of names"));
    if (!Map)
      return llvm::Error::success();
    llvm::StringMap<int> Seen;
    for (const auto &Entry : Node) {
      if (!Entry.first.IsScalar())
        return error(Entry.first, llvm::Twine("keys in '") + What +
                                      "' must be plain names");
      if (!Seen.try_emplace(Entry.first.Scalar(), Entry.first.Mark().line).second)
        return error(Entry.first, llvm::formatv("'{0}' appears twice in '{1}' "
                                                "(first at line {2})",
                                                Entry.first.Scalar(), What,
                                                Seen[Entry.first.Scalar()] + 1)
                                      .str());
    }
    return llvm::Error::success();
  }

  llvm::Expected<unsigned> index(const YAML::Node &Node,
                                 llvm::StringRef What) {
    try {
      return Node.as<unsigned>();
    } catch (const YAML::Exception &) {
      return error(Node, llvm::Twine(What) + " must be an argument index");
    }
  }

  llvm::Expected<unsigned> version(const YAML::Node &Node) {
    if (auto V = parseKernelVersion(Node.as<std::string>()))
      return *V;
    return error(Node, "kernel version must look like \"6.4\"");
  }

  llvm::StringRef sourceName() const { return SourceName; }

private:
  std::string SourceName;
};

llvm::Expected<std::unique_ptr<ApiModel>>
ApiModel::parse(llvm::StringRef Yaml, llvm::StringRef SourceName) {
  auto Model = std::make_unique<ApiModel>();
  if (llvm::Error E = Model->extend(Yaml, SourceName))
    return E;
  return Model;
}

llvm::Error ApiModel::extend(llvm::StringRef Yaml, llvm::StringRef SourceName) {
  YAML::Node Root;
  try {
    Root = YAML::Load(Yaml.str());
  } catch (const YAML::DeepRecursion &E) {
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::formatv("{0}:{1}:{2}: nested {3} levels deep; a kmodlint model "
                      "needs a few",
                      SourceName, E.mark.line + 1, E.mark.column + 1, E.depth())
            .str());
  } catch (const YAML::ParserException &E) {
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::formatv("{0}:{1}:{2}: {3}", SourceName, E.mark.line + 1,
                      E.mark.column + 1, E.msg)
            .str());
  }
  return extend(Root, SourceName);
}

/// Reads one model document into an ApiModel: one method per top-level
/// section, each as long as its schema.
class ModelLoader {
public:
  ModelLoader(ApiModel &M, llvm::StringRef SourceName) : M(M), P(SourceName) {}

  llvm::Error load(const YAML::Node &Root);

private:
  using Section = llvm::Error (ModelLoader::*)(const YAML::Node &);
  struct SectionParser {
    const char *Key;
    Section Parse;
  };
  static const SectionParser Sections[];

  llvm::Error families(const YAML::Node &Node);
  llvm::Error family(const std::string &Name, const YAML::Node &Spec);
  llvm::Error acquiresForOneFamily(const AllocFamily &Family,
                                   const std::string &Name,
                                   const YAML::Node &Spec);
  llvm::Error acquirer(AllocFamily &Family, const std::string &Name,
                       const YAML::Node &Spec);
  llvm::Error release(const std::string &Name, const YAML::Node &Spec,
                      ReleaseFunction &Out);
  llvm::Error compatibleRelease(AllocFamily &Family, const std::string &Name,
                                const YAML::Node &Spec);
  llvm::Error conditions(const YAML::Node &Node);
  llvm::Error borrowingCalls(const YAML::Node &Node);
  llvm::Error transfersOwnership(const YAML::Node &Node);
  llvm::Error containers(const YAML::Node &Node);
  llvm::Error argumentEntries(const YAML::Node &Node, llvm::StringRef Section,
                              llvm::StringMap<unsigned> &Out);
  llvm::Error drvdata(const YAML::Node &Node);
  llvm::Error drivers(const YAML::Node &Node);
  llvm::Error atomic(const YAML::Node &Node);
  llvm::Error atomicEnter(const std::string &Name, const YAML::Node &Spec);
  llvm::Error atomicExit(const std::string &Name, const YAML::Node &Spec);
  llvm::Error atomicCallback(const std::string &Name, const YAML::Node &Spec);
  llvm::Error callbackWait(const std::string &Name, const YAML::Node &Spec);
  llvm::Error releaseCallbacks(const YAML::Node &Node);
  llvm::Expected<AtomicContext> atomicContext(const YAML::Node &Node);
  llvm::Error maySleep(const YAML::Node &Node);
  llvm::Error gfp(const YAML::Node &Node);
  llvm::Error gfpBits(const YAML::Node &Node);
  llvm::Error allocationShape(const YAML::Node &Node);
  llvm::Error kernelConstant(const YAML::Node &Node, llvm::StringRef What,
                             KernelConstant &Out);
  llvm::Error sizedAllocator(const std::string &Name, const YAML::Node &Spec);
  llvm::Error nameSuffixes(const YAML::Node &Node);
  llvm::Error kernelVersion(const YAML::Node &Node);
  llvm::Error cleanup(const YAML::Node &Node);
  llvm::Error module(const YAML::Node &Node);
  llvm::Error macroInternals(const YAML::Node &Node);

  /// Calls \p Each with every entry of the mapping section \p Node.
  llvm::Error entries(
      const YAML::Node &Node, llvm::StringRef What,
      llvm::function_ref<llvm::Error(const std::string &, const YAML::Node &)>
          Each);
  /// Sets \p Out from the argument index under \p Key when there is one.
  llvm::Error optionalIndex(const YAML::Node &Map, const char *Key,
                            std::optional<unsigned> &Out);
  /// A section of plain text values: each key that is present sets its
  /// field; any other key is an error.
  llvm::Error
  textFields(const YAML::Node &Node, llvm::StringRef Section,
             std::initializer_list<std::pair<const char *, std::string *>> Fields);
  /// Sets \p Out from the text under \p Key when there is one.
  static void optionalText(const YAML::Node &Map, const char *Key,
                           std::string &Out);
  /// `Key: true`; absent means false.
  static bool flag(const YAML::Node &Map, const char *Key) {
    return Map[Key] && Map[Key].as<bool>();
  }

  ApiModel &M;
  ModelParser P;
  /// This document's families, and which of them each acquirer joined: a
  /// function acquires for one family, or the wrong one gets the blame.
  llvm::StringSet<> DocumentFamilies;
  llvm::StringMap<std::string> AcquirerFamily;
};

const ModelLoader::SectionParser ModelLoader::Sections[] = {
    {"families", &ModelLoader::families},
    {"conditions", &ModelLoader::conditions},
    {"borrowing_calls", &ModelLoader::borrowingCalls},
    {"transfers_ownership", &ModelLoader::transfersOwnership},
    {"containers", &ModelLoader::containers},
    {"drvdata", &ModelLoader::drvdata},
    {"drivers", &ModelLoader::drivers},
    {"atomic", &ModelLoader::atomic},
    {"may_sleep", &ModelLoader::maySleep},
    {"gfp", &ModelLoader::gfp},
    {"name_suffixes", &ModelLoader::nameSuffixes},
    {"kernel_version", &ModelLoader::kernelVersion},
    {"cleanup", &ModelLoader::cleanup},
    {"module", &ModelLoader::module},
    {"macro_internals", &ModelLoader::macroInternals},
    {"release_callbacks", &ModelLoader::releaseCallbacks},
    {"allocation_shape", &ModelLoader::allocationShape},
};

llvm::Error ModelLoader::load(const YAML::Node &Root) {
  llvm::SmallVector<llvm::StringRef, 16> Keys;
  for (const SectionParser &S : Sections)
    Keys.push_back(S.Key);
  if (auto E = P.checkKeys(Root, Keys, "the API model"))
    return E;
  try {
    for (const SectionParser &S : Sections)
      if (const YAML::Node Node = Root[S.Key])
        if (auto E = (this->*S.Parse)(Node))
          return E;
  } catch (const YAML::Exception &E) {
    // A conversion on a missing node carries no position: name the model.
    YAML::Mark Where = E.mark.is_null() ? Root.Mark() : E.mark;
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::formatv("{0}:{1}:{2}: a value in the API model has the wrong "
                      "type or is missing ({3})",
                      P.sourceName(), Where.line + 1, Where.column + 1, E.msg)
            .str());
  }
  M.finalize();
  return llvm::Error::success();
}

llvm::Error ModelLoader::entries(
    const YAML::Node &Node, llvm::StringRef What,
    llvm::function_ref<llvm::Error(const std::string &, const YAML::Node &)>
        Each) {
  if (auto E = P.shape(Node, true, What))
    return E;
  for (const auto &Entry : Node) {
    std::string Name = Entry.first.as<std::string>();
    if (llvm::StringRef(Name).trim().empty())
      return P.error(Entry.first, "an empty name in '" + What + "'");
    if (auto E = Each(Name, Entry.second))
      return E;
  }
  return llvm::Error::success();
}

llvm::Error ModelLoader::optionalIndex(const YAML::Node &Map, const char *Key,
                                       std::optional<unsigned> &Out) {
  if (!Map[Key])
    return llvm::Error::success();
  auto Index = P.index(Map[Key], Key);
  if (!Index)
    return Index.takeError();
  Out = *Index;
  return llvm::Error::success();
}

void ModelLoader::optionalText(const YAML::Node &Map, const char *Key,
                               std::string &Out) {
  if (Map[Key])
    Out = Map[Key].as<std::string>();
}

llvm::Error ModelLoader::families(const YAML::Node &Node) {
  if (Node.IsMap())
    for (const auto &Entry : Node)
      DocumentFamilies.insert(Entry.first.as<std::string>());
  return entries(Node, "families",
                 [&](const std::string &Name, const YAML::Node &Spec) {
                   return family(Name, Spec);
                 });
}

llvm::Error ModelLoader::family(const std::string &Name,
                                const YAML::Node &Spec) {
  if (auto E = P.checkKeys(Spec,
                           {"description", "managed", "sleeps",
                            "needs_direct_reclaim", "without_reclaim",
                            "self_releasing", "refcounted", "managed_after",
                            "acquire",
                            "release",
                            "also_released_by", "adopt"},
                           "a family"))
    return E;
  auto Family = std::make_unique<AllocFamily>();
  Family->Name = Name;
  Family->Description = Name + " memory";
  optionalText(Spec, "description", Family->Description);
  Family->Managed = flag(Spec, "managed");
  Family->Sleeps = flag(Spec, "sleeps");
  Family->NeedsDirectReclaim = flag(Spec, "needs_direct_reclaim");
  optionalText(Spec, "without_reclaim", Family->WithoutReclaim);
  Family->SelfReleasing = flag(Spec, "self_releasing");
  Family->Refcounted = flag(Spec, "refcounted");
  optionalText(Spec, "managed_after", Family->ManagedAfter);
  if (auto E = entries(Spec["acquire"], "acquire",
                       [&](const std::string &Fn, const YAML::Node &S) {
                         return acquirer(*Family, Fn, S);
                       }))
    return E;
  if (auto E = entries(
          Spec["release"], "release",
          [&](const std::string &FnName, const YAML::Node &S) -> llvm::Error {
            if (auto E = P.checkKeys(S, {"arg"}, "a release entry"))
              return E;
            ReleaseFunction Fn;
            if (auto E = release(FnName, S, Fn))
              return E;
            Family->Releases.push_back(Fn);
            M.Release[Fn.Name] = Fn;
            M.PrimaryReleaseFamily[Fn.Name] = Family.get();
            return llvm::Error::success();
          }))
    return E;
  if (auto E = entries(Spec["also_released_by"], "also_released_by",
                       [&](const std::string &Fn, const YAML::Node &S) {
                         return compatibleRelease(*Family, Fn, S);
                       }))
    return E;
  if (auto E = entries(
          Spec["adopt"], "adopt",
          [&](const std::string &Fn, const YAML::Node &S) -> llvm::Error {
            if (auto E = P.checkKeys(S, {"arg"}, "an adopt entry"))
              return E;
            std::optional<unsigned> Arg;
            if (auto E = optionalIndex(S, "arg", Arg))
              return E;
            M.Adopters[Fn] = {Family.get(), Arg.value_or(0)};
            return llvm::Error::success();
          }))
    return E;
  // A user family with an existing name replaces the built-in one, with
  // every acquirer and release that pointed at it.
  if (const AllocFamily *Old = M.findFamily(Family->Name))
    M.forgetFamily(*Old);
  M.Families.push_back(std::move(Family));
  return llvm::Error::success();
}

llvm::Error ModelLoader::acquirer(AllocFamily &Family, const std::string &Name,
                                  const YAML::Node &Spec) {
  if (auto E = P.checkKeys(Spec, {"gfp", "fails", "returns", "key", "consumes", "parent"},
                           "an acquire entry"))
    return E;
  AcquireFunction Fn;
  Fn.Name = Name;
  Fn.Family = &Family;
  for (auto [Key, Field] :
       {std::pair{"gfp", &Fn.GfpArg}, std::pair{"key", &Fn.KeyArg},
        std::pair{"consumes", &Fn.ConsumesArg},
        std::pair{"parent", &Fn.ParentArg}})
    if (auto E = optionalIndex(Spec, Key, *Field))
      return E;
  if (Spec["fails"]) {
    std::string Fails = Spec["fails"].as<std::string>();
    if (Fails == "errptr")
      Fn.Fails = FailureValue::ErrPtr;
    else if (Fails != "null")
      return P.error(Spec["fails"], "fails must be null or errptr");
  }
  if (Spec["returns"]) {
    std::string Returns = Spec["returns"].as<std::string>();
    if (Returns == "status")
      Fn.Returns = AcquireResult::Status;
    else if (Returns == "nonneg")
      Fn.Returns = AcquireResult::NonNegative;
    else if (Returns != "pointer")
      return P.error(Spec["returns"], "returns must be pointer, status or nonneg");
  }
  if (auto E = acquiresForOneFamily(Family, Name, Spec))
    return E;
  Family.Acquirers.push_back(Fn.Name);
  M.Acquire[Fn.Name] = Fn;
  return llvm::Error::success();
}

llvm::Error ModelLoader::acquiresForOneFamily(const AllocFamily &Family,
                                              const std::string &Name,
                                              const YAML::Node &Spec) {
  auto [It, New] = AcquirerFamily.try_emplace(Name, Family.Name);
  if (!New && It->second != Family.Name)
    return P.error(Spec, Name + "() acquires for two families, '" +
                             It->second + "' and '" + Family.Name +
                             "'; a function acquires for one");
  // Claimed by an earlier model (the built-in one) for a family this
  // document leaves alone: moving it needs that family redefined.
  auto Existing = M.Acquire.find(Name);
  if (Existing != M.Acquire.end() && Existing->second.Family &&
      Existing->second.Family->Name != Family.Name &&
      !DocumentFamilies.contains(Existing->second.Family->Name))
    return P.error(Spec, Name + "() already acquires for family '" +
                             Existing->second.Family->Name +
                             "'; to move it to '" + Family.Name +
                             "', redefine '" + Existing->second.Family->Name +
                             "' without it");
  return llvm::Error::success();
}

/// A release without `arg` releases by the family's key, not a pointer.
llvm::Error ModelLoader::release(const std::string &Name,
                                 const YAML::Node &Spec, ReleaseFunction &Out) {
  Out.Name = Name;
  if (!Spec["arg"]) {
    Out.FamilyWide = true;
    return llvm::Error::success();
  }
  auto Index = P.index(Spec["arg"], "arg");
  if (!Index)
    return Index.takeError();
  Out.Arg = *Index;
  return llvm::Error::success();
}

llvm::Error ModelLoader::compatibleRelease(AllocFamily &Family,
                                           const std::string &Name,
                                           const YAML::Node &Spec) {
  if (auto E = P.checkKeys(Spec, {"arg", "since", "until", "source"},
                           "an also_released_by entry"))
    return E;
  CompatibleRelease Rule;
  if (auto E = release(Name, Spec, Rule.Function))
    return E;
  for (auto [Key, Field] :
       {std::pair{"since", &Rule.Since}, std::pair{"until", &Rule.Until}}) {
    if (!Spec[Key])
      continue;
    auto V = P.version(Spec[Key]);
    if (!V)
      return V.takeError();
    *Field = *V;
  }
  optionalText(Spec, "source", Rule.Source);
  M.Release.try_emplace(Rule.Function.Name, Rule.Function);
  Family.AlsoReleasedBy.push_back(std::move(Rule));
  return llvm::Error::success();
}

llvm::Error ModelLoader::conditions(const YAML::Node &Node) {
  if (auto E = P.shape(Node, true, "conditions"))
    return E;
  if (auto E = P.checkKeys(
          Node, {"is_error", "is_error_or_null", "error_value", "error_status"},
          "conditions"))
    return E;
  for (auto [Key, Kind] :
       {std::pair{"error_value", ConditionKind::ErrorValue},
        std::pair{"is_error", ConditionKind::IsError},
        std::pair{"is_error_or_null", ConditionKind::IsErrorOrNull},
        std::pair{"error_status", ConditionKind::ErrorStatus}}) {
    if (auto E = P.names(Node[Key], Key, [&, Kind = Kind](std::string N) {
          M.Conditions[N] = Kind;
        }))
      return E;
  }
  return llvm::Error::success();
}

llvm::Error ModelLoader::borrowingCalls(const YAML::Node &Node) {
  return P.names(Node, "borrowing_calls",
                 [&](std::string N) { M.Borrowing.insert(N); });
}

/// A `{<function>: {arg: N}}` section (transfers_ownership, containers)
/// into \p Out.
llvm::Error ModelLoader::argumentEntries(const YAML::Node &Node,
                                         llvm::StringRef Section,
                                         llvm::StringMap<unsigned> &Out) {
  std::string What = ("a " + Section + " entry").str();
  return entries(
      Node, Section,
      [&](const std::string &Name, const YAML::Node &Spec) -> llvm::Error {
        if (auto E = P.checkKeys(Spec, {"arg"}, What))
          return E;
        if (!Spec["arg"])
          return P.error(Spec, What + " needs 'arg'");
        auto Index = P.index(Spec["arg"], "arg");
        if (!Index)
          return Index.takeError();
        Out[Name] = *Index;
        return llvm::Error::success();
      });
}

llvm::Error ModelLoader::transfersOwnership(const YAML::Node &Node) {
  return argumentEntries(Node, "transfers_ownership", M.OwnershipTransfers);
}

llvm::Error ModelLoader::containers(const YAML::Node &Node) {
  return argumentEntries(Node, "containers", M.ContainerStores);
}

llvm::Error ModelLoader::drvdata(const YAML::Node &Node) {
  if (auto E = P.shape(Node, true, "drvdata"))
    return E;
  if (auto E = P.checkKeys(Node, {"setters", "getters"}, "drvdata"))
    return E;
  if (auto E = entries(
          Node["setters"], "setters",
          [&](const std::string &Name, const YAML::Node &Spec) -> llvm::Error {
            if (auto E = P.checkKeys(Spec, {"arg"}, "a drvdata setter"))
              return E;
            auto Index = P.index(Spec["arg"], "arg");
            if (!Index)
              return Index.takeError();
            M.DrvdataSetters[Name] = *Index;
            return llvm::Error::success();
          }))
    return E;
  return P.names(Node["getters"], "getters",
                 [&](std::string N) { M.DrvdataGetters.insert(N); });
}

llvm::Error ModelLoader::drivers(const YAML::Node &Node) {
  return entries(
      Node, "drivers",
      [&](const std::string &Name, const YAML::Node &Spec) -> llvm::Error {
        if (auto E = P.checkKeys(Spec, {"setup", "teardown"}, "a driver struct"))
          return E;
        DriverStruct D;
        D.Name = Name;
        for (auto [Key, Fields] : {std::pair{"setup", &D.SetupFields},
                                   std::pair{"teardown", &D.TeardownFields}})
          if (auto E = P.names(Spec[Key], Key,
                               [&](std::string F) { Fields->push_back(F); }))
            return E;
        M.Drivers[D.Name] = D;
        return llvm::Error::success();
      });
}

llvm::Error ModelLoader::atomic(const YAML::Node &Node) {
  if (auto E = P.shape(Node, true, "atomic"))
    return E;
  if (auto E = P.checkKeys(Node,
                           {"enter", "exit", "callbacks", "fields", "guards",
                            "context_tests", "any_atomic_tests",
                            "waits_for_callback"},
                           "atomic"))
    return E;
  auto Each = [&](const char *Key, auto Method) {
    return entries(Node[Key], Key,
                   [&](const std::string &Name, const YAML::Node &Spec) {
                     return (this->*Method)(Name, Spec);
                   });
  };
  if (auto E = Each("enter", &ModelLoader::atomicEnter))
    return E;
  if (auto E = Each("exit", &ModelLoader::atomicExit))
    return E;
  if (auto E = Each("callbacks", &ModelLoader::atomicCallback))
    return E;
  if (auto E = Each("waits_for_callback", &ModelLoader::callbackWait))
    return E;
  if (auto E = entries(
          Node["fields"], "fields",
          [&](const std::string &Record, const YAML::Node &Fields) {
            return entries(Fields, "fields",
                           [&](const std::string &Field,
                               const YAML::Node &Spec) -> llvm::Error {
                             auto Context = atomicContext(Spec);
                             if (!Context)
                               return Context.takeError();
                             M.AtomicFields[Record + "::" + Field] = *Context;
                             return llvm::Error::success();
                           });
          }))
    return E;
  if (auto E = entries(
          Node["guards"], "guards",
          [&](const std::string &Class, const YAML::Node &Spec) -> llvm::Error {
            auto Context = atomicContext(Spec);
            if (!Context)
              return Context.takeError();
            M.AtomicGuards[Class] = *Context;
            return llvm::Error::success();
          }))
    return E;
  if (auto E = P.names(Node["any_atomic_tests"], "any_atomic_tests",
                       [&](std::string N) { M.AnyAtomicTests.insert(N); }))
    return E;
  return P.names(Node["context_tests"], "context_tests",
                 [&](std::string N) { M.ContextTests.insert(N); });
}

llvm::Error ModelLoader::atomicEnter(const std::string &Name,
                                     const YAML::Node &Spec) {
  if (auto E = P.checkKeys(Spec, {"lock", "what", "conditional", "in_interrupt"},
                           "an atomic enter entry"))
    return E;
  AtomicEnter Enter;
  Enter.Name = Name;
  if (auto E = optionalIndex(Spec, "lock", Enter.LockArg))
    return E;
  Enter.What = "atomic context";
  optionalText(Spec, "what", Enter.What);
  Enter.Conditional = flag(Spec, "conditional");
  Enter.InInterrupt = flag(Spec, "in_interrupt");
  M.AtomicEnters[Enter.Name] = Enter;
  return llvm::Error::success();
}

llvm::Error ModelLoader::atomicExit(const std::string &Name,
                                    const YAML::Node &Spec) {
  if (auto E = P.checkKeys(Spec, {"lock"}, "an atomic exit entry"))
    return E;
  std::optional<unsigned> Lock;
  if (auto E = optionalIndex(Spec, "lock", Lock))
    return E;
  M.AtomicExits[Name] = Lock;
  return llvm::Error::success();
}

llvm::Error ModelLoader::atomicCallback(const std::string &Name,
                                        const YAML::Node &Spec) {
  if (auto E = P.checkKeys(Spec, {"arg", "context", "in_interrupt", "hard_irq"},
                           "an atomic callback entry"))
    return E;
  auto Index = P.index(Spec["arg"], "arg");
  if (!Index)
    return Index.takeError();
  M.AtomicCallbacks[Name] = {*Index, Spec["context"].as<std::string>(),
                             flag(Spec, "in_interrupt"), flag(Spec, "hard_irq")};
  return llvm::Error::success();
}

llvm::Error ModelLoader::callbackWait(const std::string &Name,
                                      const YAML::Node &Spec) {
  if (auto E = P.checkKeys(Spec, {"arg", "registered_by", "what"},
                           "a waits_for_callback entry"))
    return E;
  auto Index = P.index(Spec["arg"], "arg");
  if (!Index)
    return Index.takeError();
  CallbackWait Wait;
  Wait.Arg = *Index;
  optionalText(Spec, "registered_by", Wait.RegisteredBy);
  if (!M.AtomicCallbacks.count(Wait.RegisteredBy))
    return P.error(Spec, "a waits_for_callback entry needs 'registered_by', "
                         "one of atomic.callbacks");
  Wait.What = "the callback";
  optionalText(Spec, "what", Wait.What);
  M.CallbackWaits[Name] = Wait;
  return llvm::Error::success();
}

llvm::Error ModelLoader::releaseCallbacks(const YAML::Node &Node) {
  return entries(
      Node, "release_callbacks",
      [&](const std::string &Name, const YAML::Node &Spec) -> llvm::Error {
        if (auto E = P.checkKeys(Spec, {"arg", "field"},
                                 "a release_callbacks entry"))
          return E;
        auto Index = P.index(Spec["arg"], "arg");
        if (!Index)
          return Index.takeError();
        ReleaseCallbackCall Call;
        Call.Arg = *Index;
        optionalText(Spec, "field", Call.Field);
        if (Call.Field.empty())
          return P.error(Spec, "a release_callbacks entry needs 'field'");
        M.ReleaseCallbackCalls[Name] = Call;
        return llvm::Error::success();
      });
}

/// A context is its description, or {context: ..., in_interrupt: true}.
llvm::Expected<AtomicContext> ModelLoader::atomicContext(const YAML::Node &Node) {
  if (Node.IsScalar())
    return AtomicContext{Node.as<std::string>(), false};
  if (auto E = P.checkKeys(Node, {"context", "in_interrupt", "hard_irq"},
                           "an atomic context"))
    return std::move(E);
  if (!Node["context"])
    return P.error(Node, "an atomic context needs 'context'");
  return AtomicContext{Node["context"].as<std::string>(),
                       flag(Node, "in_interrupt"), flag(Node, "hard_irq")};
}

/// A reason, or {why: ..., unless_in_interrupt: true}.
llvm::Error ModelLoader::maySleep(const YAML::Node &Node) {
  return entries(
      Node, "may_sleep",
      [&](const std::string &Name, const YAML::Node &Spec) -> llvm::Error {
        if (Spec.IsScalar()) {
          M.MaySleep[Name] = Spec.as<std::string>();
          return llvm::Error::success();
        }
        if (auto E = P.checkKeys(Spec, {"why", "unless_in_interrupt", "gfp"},
                                 "a may_sleep entry"))
          return E;
        if (!Spec["why"])
          return P.error(Spec, "a may_sleep entry needs 'why'");
        M.MaySleep[Name] = Spec["why"].as<std::string>();
        std::optional<unsigned> Gfp;
        if (auto E = optionalIndex(Spec, "gfp", Gfp))
          return E;
        if (Gfp)
          M.SleepsIfGfp[Name] = *Gfp;
        if (flag(Spec, "unless_in_interrupt"))
          M.SleepsOnlyOutsideInterrupt.insert(Name);
        return llvm::Error::success();
      });
}

/// The `gfp:` section: mask macro names by what they say, the mask type,
/// and where a TU defines the bits the checks test.
llvm::Error ModelLoader::gfp(const YAML::Node &Node) {
  GfpModel &Gfp = M.Gfp;
  if (auto E = P.checkKeys(Node,
                           {"sleeping_masks", "atomic_masks",
                            "atomic_equivalents", "mask_type", "bits"},
                           "the gfp section"))
    return E;
  if (auto E = P.shape(Node["atomic_equivalents"], true, "atomic_equivalents"))
    return E;
  for (const auto &Entry : Node["atomic_equivalents"])
    Gfp.AtomicEquivalent[Entry.first.as<std::string>()] =
        Entry.second.as<std::string>();
  for (auto [Key, Names] : {std::pair{"sleeping_masks", &Gfp.Sleeping},
                            std::pair{"atomic_masks", &Gfp.Atomic}}) {
    if (auto E =
            P.names(Node[Key], Key, [&](std::string N) { Names->insert(N); }))
      return E;
  }
  optionalText(Node, "mask_type", Gfp.MaskType);
  if (Node["bits"])
    return gfpBits(Node["bits"]);
  return llvm::Error::success();
}

/// gfp.bits.<role>: {enumerator: ..., macro: ..., default: N}.
llvm::Error ModelLoader::gfpBits(const YAML::Node &Node) {
  if (auto E = P.checkKeys(Node,
                           {"direct_reclaim", "nofail", "dma", "dma32",
                            "retry_mayfail", "nowarn", "noretry"},
                           "gfp.bits"))
    return E;
  for (auto [Key, Bit] : {std::pair{"direct_reclaim", &M.Gfp.DirectReclaim},
                          std::pair{"nofail", &M.Gfp.NoFail},
                          std::pair{"dma", &M.Gfp.Dma},
                          std::pair{"dma32", &M.Gfp.Dma32},
                          std::pair{"retry_mayfail", &M.Gfp.RetryMayFail},
                          std::pair{"nowarn", &M.Gfp.NoWarn},
                          std::pair{"noretry", &M.Gfp.NoRetry}}) {
    const YAML::Node Spec = Node[Key];
    if (!Spec)
      continue;
    if (auto E = P.checkKeys(Spec, {"enumerator", "macro", "default"},
                             "a gfp bit"))
      return E;
    optionalText(Spec, "enumerator", Bit->Enumerator);
    optionalText(Spec, "macro", Bit->Macro);
    if (Spec["default"])
      Bit->Default = Spec["default"].as<uint64_t>();
  }
  return llvm::Error::success();
}

llvm::Error ModelLoader::allocationShape(const YAML::Node &Node) {
  AllocationShapeModel &Shape = M.Shape;
  if (auto E = P.checkKeys(Node,
                           {"page_shift", "costly_order", "size_bits",
                            "small_mask", "allocators", "contiguous_uses",
                            "contiguous_fields", "vmalloc_uses",
                            "bounding_macros"},
                           "the allocation_shape section"))
    return E;
  if (auto E = kernelConstant(Node["page_shift"], "page_shift", Shape.PageShift))
    return E;
  if (auto E = kernelConstant(Node["costly_order"], "costly_order", Shape.CostlyOrder))
    return E;
  if (Node["size_bits"]) {
    Shape.SizeBits = Node["size_bits"].as<unsigned>();
    if (Shape.SizeBits < 16 || Shape.SizeBits > 64)
      return P.error(Node["size_bits"], "size_bits must be between 16 and 64");
  }
  optionalText(Node, "small_mask", Shape.SmallMask);
  if (auto E = entries(Node["allocators"], "allocation_shape.allocators",
                       [&](const std::string &Name, const YAML::Node &Spec) {
                         return sizedAllocator(Name, Spec);
                       }))
    return E;
  if (auto E = argumentEntries(Node["contiguous_uses"], "contiguous_uses",
                               Shape.ContiguousUses))
    return E;
  if (auto E = argumentEntries(Node["vmalloc_uses"], "vmalloc_uses",
                               Shape.VmallocUses))
    return E;
  if (auto E = P.names(Node["bounding_macros"], "bounding_macros",
                       [&](std::string N) { Shape.BoundingMacros.insert(N); }))
    return E;
  return P.names(Node["contiguous_fields"], "contiguous_fields",
                 [&](std::string N) { Shape.ContiguousFields.insert(N); });
}

llvm::Error ModelLoader::kernelConstant(const YAML::Node &Node,
                                        llvm::StringRef What,
                                        KernelConstant &Out) {
  if (!Node)
    return llvm::Error::success();
  if (auto E = P.checkKeys(Node, {"macro", "default"}, What))
    return E;
  optionalText(Node, "macro", Out.Macro);
  if (Node["default"])
    Out.Default = Node["default"].as<uint64_t>();
  return llvm::Error::success();
}

llvm::Error ModelLoader::sizedAllocator(const std::string &Name,
                                        const YAML::Node &Spec) {
  if (auto E = P.checkKeys(Spec,
                           {"kind", "size", "count", "order", "virtual",
                            "array", "small"},
                           "an allocation_shape.allocators entry"))
    return E;
  SizedAllocator A;
  static const std::pair<const char *, AllocatorKind> Kinds[] = {
      {"contiguous", AllocatorKind::Contiguous},
      {"virtual", AllocatorKind::Virtual},
      {"pages", AllocatorKind::Pages},
      {"any", AllocatorKind::Any}};
  std::string Kind;
  optionalText(Spec, "kind", Kind);
  auto It = llvm::find_if(Kinds, [&](const auto &K) { return Kind == K.first; });
  if (It == std::end(Kinds))
    return P.error(Spec, "an allocators entry needs 'kind': contiguous, "
                         "virtual, pages or any");
  A.Kind = It->second;
  for (auto [Key, Out] : {std::pair{"size", &A.SizeArg},
                          std::pair{"count", &A.CountArg},
                          std::pair{"order", &A.OrderArg}})
    if (auto E = optionalIndex(Spec, Key, *Out))
      return E;
  if (A.Kind == AllocatorKind::Pages ? !A.OrderArg : !A.SizeArg)
    return P.error(Spec, A.Kind == AllocatorKind::Pages
                             ? "a pages allocator needs 'order'"
                             : "an allocator needs 'size'");
  optionalText(Spec, "virtual", A.Virtual);
  optionalText(Spec, "array", A.Array);
  optionalText(Spec, "small", A.Small);
  M.Shape.Allocators[Name] = std::move(A);
  return llvm::Error::success();
}

llvm::Error ModelLoader::nameSuffixes(const YAML::Node &Node) {
  return P.names(Node, "name_suffixes",
                 [&](std::string N) { M.NameSuffixes.push_back(N); });
}

llvm::Error ModelLoader::textFields(
    const YAML::Node &Node, llvm::StringRef Section,
    std::initializer_list<std::pair<const char *, std::string *>> Fields) {
  llvm::SmallVector<llvm::StringRef, 4> Keys;
  for (const auto &[Key, Out] : Fields)
    Keys.push_back(Key);
  if (auto E = P.checkKeys(Node, Keys, Section))
    return E;
  for (const auto &[Key, Out] : Fields)
    optionalText(Node, Key, *Out);
  return llvm::Error::success();
}

llvm::Error ModelLoader::kernelVersion(const YAML::Node &Node) {
  return textFields(Node, "kernel_version",
                    {{"macro", &M.Version.Macro}, {"header", &M.Version.Header}});
}

llvm::Error ModelLoader::cleanup(const YAML::Node &Node) {
  if (auto E = P.checkKeys(Node,
                           {"guard_constructor", "guard_destructor",
                            "free_function"},
                           "cleanup"))
    return E;
  for (auto [Key, Pattern] :
       {std::pair{"guard_constructor", &M.Cleanup.GuardConstructor},
        std::pair{"guard_destructor", &M.Cleanup.GuardDestructor},
        std::pair{"free_function", &M.Cleanup.FreeFunction}}) {
    if (!Node[Key])
      continue;
    auto Parsed = NamePattern::parse(Node[Key].as<std::string>());
    if (!Parsed)
      return P.error(Node[Key], llvm::Twine(Key) +
                                    " must be a name with one {} for the "
                                    "varying part (class_{}_constructor)");
    *Pattern = *Parsed;
  }
  return llvm::Error::success();
}

llvm::Error ModelLoader::module(const YAML::Node &Node) {
  if (auto E = P.checkKeys(Node, {"init_alias", "exit_alias", "builtin_init_macros"},
                           "module"))
    return E;
  optionalText(Node, "init_alias", M.Module.InitAlias);
  optionalText(Node, "exit_alias", M.Module.ExitAlias);
  if (!Node["builtin_init_macros"])
    return llvm::Error::success();
  return P.names(Node["builtin_init_macros"], "builtin_init_macros",
                 [&](std::string N) { M.Module.BuiltinInitMacros.insert(N); });
}

llvm::Error ModelLoader::macroInternals(const YAML::Node &Node) {
  return textFields(Node, "macro_internals",
                    {{"container_of_pointer", &M.Macros.ContainerOfPointer}});
}

llvm::Error ApiModel::extend(const YAML::Node &Root,
                             llvm::StringRef SourceName) {
  if (Root.IsNull())
    return llvm::Error::success();
  return ModelLoader(*this, SourceName).load(Root);
}

std::optional<NamePattern> NamePattern::parse(llvm::StringRef Text) {
  auto [Prefix, Suffix] = Text.split("{}");
  if (Prefix.size() == Text.size() || Suffix.contains("{}") ||
      (Prefix.empty() && Suffix.empty()))
    return std::nullopt;
  return NamePattern{Prefix.str(), Suffix.str()};
}

std::optional<llvm::StringRef> NamePattern::match(llvm::StringRef Name) const {
  if (Prefix.empty() && Suffix.empty())
    return std::nullopt; // no pattern configured
  if (Name.size() <= Prefix.size() + Suffix.size() ||
      !Name.consume_front(Prefix) || !Name.consume_back(Suffix))
    return std::nullopt;
  return Name;
}

void ApiModel::forgetFamily(const AllocFamily &Old) {
  for (const std::string &Name : Old.Acquirers)
    if (auto It = Acquire.find(Name);
        It != Acquire.end() && It->second.Family == &Old)
      Acquire.erase(It);
  for (const ReleaseFunction &R : Old.Releases)
    if (auto It = PrimaryReleaseFamily.find(R.Name);
        It != PrimaryReleaseFamily.end() && It->second == &Old) {
      PrimaryReleaseFamily.erase(It);
      Release.erase(R.Name);
    }
  for (auto It = Adopters.begin(); It != Adopters.end();) {
    auto Next = std::next(It);
    if (It->second.first == &Old)
      Adopters.erase(It);
    It = Next;
  }
  llvm::erase_if(Families, [&](const std::unique_ptr<AllocFamily> &F) {
    return F.get() == &Old;
  });
}

/// What \p Map says of \p Key, if it has it.
template <typename T>
static std::optional<T> lookup(const llvm::StringMap<T> &Map,
                               llvm::StringRef Key) {
  auto It = Map.find(Key);
  if (It == Map.end())
    return std::nullopt;
  return It->second;
}

std::optional<std::pair<const AllocFamily *, unsigned>>
ApiModel::findAdopter(llvm::StringRef Callee) const {
  return lookup(Adopters, canonicalName(Callee));
}

void ApiModel::finalize() {
  for (const auto &Family : Families) {
    bool StatusOnly =
        !Family->Acquirers.empty() &&
        llvm::all_of(Family->Acquirers, [&](const std::string &Name) {
          auto It = Acquire.find(Name);
          return It != Acquire.end() &&
                 It->second.Returns != AcquireResult::Pointer;
        });
    for (ReleaseFunction &R : Family->Releases) {
      R.ByKeyOnly = StatusOnly;
      Release[R.Name].ByKeyOnly = StatusOnly;
    }
  }
}

llvm::Expected<std::unique_ptr<ApiModel>> ApiModel::parseBuiltin() {
  return parse(embeddedFile("analyzer/model/kernel-api.yaml"),
               "<built-in>/analyzer/model/kernel-api.yaml");
}

const ApiModel &ApiModel::builtin() {
  static const std::unique_ptr<ApiModel> Model = [] {
    auto Parsed = parseBuiltin();
    if (!Parsed)
      llvm::report_fatal_error(Parsed.takeError());
    return std::move(*Parsed);
  }();
  return *Model;
}

const AcquireFunction *ApiModel::findAcquire(llvm::StringRef Callee) const {
  auto It = Acquire.find(canonicalName(Callee));
  return It == Acquire.end() ? nullptr : &It->second;
}

const ReleaseFunction *ApiModel::findRelease(llvm::StringRef Callee) const {
  auto It = Release.find(canonicalName(Callee));
  return It == Release.end() ? nullptr : &It->second;
}

const AllocFamily *ApiModel::familyReleasedBy(llvm::StringRef Callee) const {
  auto It = PrimaryReleaseFamily.find(canonicalName(Callee));
  return It == PrimaryReleaseFamily.end() ? nullptr : It->second;
}

const AllocFamily *ApiModel::findFamily(llvm::StringRef Name) const {
  for (const auto &F : Families)
    if (F->Name == Name)
      return F.get();
  return nullptr;
}

std::optional<unsigned>
ApiModel::containerStoreArg(llvm::StringRef Callee) const {
  return lookup(ContainerStores, canonicalName(Callee));
}

std::optional<unsigned>
ApiModel::ownershipTransferArg(llvm::StringRef Callee) const {
  return lookup(OwnershipTransfers, canonicalName(Callee));
}

bool ApiModel::isBorrowingCall(llvm::StringRef Callee) const {
  return Borrowing.contains(canonicalName(Callee));
}

std::optional<ConditionKind>
ApiModel::conditionKind(llvm::StringRef Callee) const {
  auto It = Conditions.find(Callee);
  if (It == Conditions.end())
    return std::nullopt;
  return It->second;
}

std::optional<unsigned>
ApiModel::drvdataSetterArg(llvm::StringRef Callee) const {
  auto It = DrvdataSetters.find(Callee);
  if (It == DrvdataSetters.end())
    return std::nullopt;
  return It->second;
}

bool ApiModel::isDrvdataGetter(llvm::StringRef Callee) const {
  return DrvdataGetters.contains(Callee);
}

const AtomicEnter *ApiModel::atomicEnter(llvm::StringRef Callee) const {
  auto It = AtomicEnters.find(Callee);
  return It == AtomicEnters.end() ? nullptr : &It->second;
}

std::optional<std::optional<unsigned>>
ApiModel::atomicExit(llvm::StringRef Callee) const {
  auto It = AtomicExits.find(Callee);
  if (It == AtomicExits.end())
    return std::nullopt;
  return It->second;
}

const CallbackWait *ApiModel::callbackWait(llvm::StringRef Callee) const {
  auto It = CallbackWaits.find(Callee);
  return It == CallbackWaits.end() ? nullptr : &It->second;
}

const SizedAllocator *ApiModel::sizedAllocator(llvm::StringRef Callee) const {
  auto It = Shape.Allocators.find(canonicalName(Callee));
  return It == Shape.Allocators.end() ? nullptr : &It->second;
}

std::optional<unsigned> ApiModel::contiguousUseArg(llvm::StringRef Callee) const {
  auto It = Shape.ContiguousUses.find(canonicalName(Callee));
  if (It == Shape.ContiguousUses.end())
    return std::nullopt;
  return It->second;
}

std::optional<unsigned> ApiModel::vmallocUseArg(llvm::StringRef Callee) const {
  auto It = Shape.VmallocUses.find(canonicalName(Callee));
  if (It == Shape.VmallocUses.end())
    return std::nullopt;
  return It->second;
}

const ReleaseCallbackCall *
ApiModel::releaseCallbackCall(llvm::StringRef Callee) const {
  auto It = ReleaseCallbackCalls.find(Callee);
  return It == ReleaseCallbackCalls.end() ? nullptr : &It->second;
}

const AtomicCallback *ApiModel::atomicCallback(llvm::StringRef Callee) const {
  auto It = AtomicCallbacks.find(Callee);
  return It == AtomicCallbacks.end() ? nullptr : &It->second;
}

std::optional<AtomicContext> ApiModel::atomicField(llvm::StringRef Record,
                                                 llvm::StringRef Field) const {
  auto It = AtomicFields.find((Record + "::" + Field).str());
  if (It == AtomicFields.end())
    return std::nullopt;
  return It->second;
}

std::optional<AtomicContext> ApiModel::atomicGuard(llvm::StringRef Class) const {
  auto It = AtomicGuards.find(Class);
  if (It == AtomicGuards.end())
    return std::nullopt;
  return It->second;
}

bool ApiModel::isAnyAtomicTest(llvm::StringRef Name) const {
  return AnyAtomicTests.contains(Name);
}

bool ApiModel::isContextTest(llvm::StringRef Name) const {
  return ContextTests.contains(Name);
}

bool ApiModel::sleepsOnlyOutsideInterrupt(llvm::StringRef Callee) const {
  return SleepsOnlyOutsideInterrupt.contains(canonicalName(Callee));
}

std::optional<unsigned> ApiModel::sleepsIfGfpArg(llvm::StringRef Callee) const {
  return lookup(SleepsIfGfp, canonicalName(Callee));
}

std::optional<std::string> ApiModel::maySleep(llvm::StringRef Callee) const {
  return lookup(MaySleep, canonicalName(Callee));
}

const DriverStruct *ApiModel::findDriverStruct(llvm::StringRef Name) const {
  auto It = Drivers.find(Name);
  return It == Drivers.end() ? nullptr : &It->second;
}

ReleaseVerdict ApiModel::mayRelease(const AllocFamily &Family,
                                    llvm::StringRef ReleaseName,
                                    unsigned Version) const {
  ReleaseName = canonicalName(ReleaseName);
  for (const ReleaseFunction &R : Family.Releases)
    if (R.Name == ReleaseName)
      return {true, nullptr};
  for (const CompatibleRelease &Rule : Family.AlsoReleasedBy) {
    if (Rule.Function.Name != ReleaseName)
      continue;
    bool InRange = Version == 0 || ((!Rule.Since || Version >= *Rule.Since) &&
                                    (!Rule.Until || Version < *Rule.Until));
    if (InRange)
      return {true, nullptr};
    return {false, &Rule};
  }
  return {false, nullptr};
}

} // namespace kmodlint
