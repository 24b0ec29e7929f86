//===- ApiModel.cpp - Kernel API knowledge loaded from YAML ---------------===//
#include "analyzer/model/ApiModel.h"
#include "analyzer/EmbeddedFiles.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
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

namespace {

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
                        std::initializer_list<llvm::StringRef> Allowed,
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

  std::string SourceName;
};

} // namespace

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
  } catch (const YAML::ParserException &E) {
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::formatv("{0}:{1}:{2}: {3}", SourceName, E.mark.line + 1,
                      E.mark.column + 1, E.msg)
            .str());
  }
  return extend(Root, SourceName);
}

/// The `gfp:` section: mask macro names by what they say.
static llvm::Error parseGfpMaskNames(ModelParser &P, const YAML::Node &Gfp,
                                     GfpMaskNames &GfpMasks) {
  if (!Gfp)
    return llvm::Error::success();
  if (auto E = P.checkKeys(
          Gfp, {"sleeping_masks", "atomic_masks", "atomic_equivalents"},
          "the gfp section"))
    return E;
  if (auto E = P.shape(Gfp["atomic_equivalents"], true, "atomic_equivalents"))
    return E;
  for (const auto &Entry : Gfp["atomic_equivalents"])
    GfpMasks.AtomicEquivalent[Entry.first.as<std::string>()] =
        Entry.second.as<std::string>();
  for (auto [Key, Names] : {std::pair{"sleeping_masks", &GfpMasks.Sleeping},
                            std::pair{"atomic_masks", &GfpMasks.Atomic}}) {
    if (auto E = P.names(Gfp[Key], Key,
                         [&](std::string N) { Names->insert(N); }))
      return E;
  }
  return llvm::Error::success();
}

llvm::Error ApiModel::extend(const YAML::Node &Root,
                             llvm::StringRef SourceName) {
  ModelParser P(SourceName);
  if (Root.IsNull())
    return llvm::Error::success();
  if (auto E = P.checkKeys(Root, {"families", "conditions", "borrowing_calls", "transfers_ownership", "drvdata", "drivers",
                            "atomic", "may_sleep", "gfp", "name_suffixes"},
                           "the API model"))
    return E;

  try {
    if (auto E = P.shape(Root["families"], true, "families"))
      return E;
    for (const auto &FamilyEntry : Root["families"]) {
      const YAML::Node &Spec = FamilyEntry.second;
      if (auto E = P.checkKeys(Spec,
                               {"description", "managed", "sleeps",
                                "needs_direct_reclaim", "without_reclaim",
                                "self_releasing", "acquire", "release",
                                "also_released_by"},
                               "a family"))
        return E;
      auto Family = std::make_unique<AllocFamily>();
      Family->Name = FamilyEntry.first.as<std::string>();
      Family->Description =
          Spec["description"] ? Spec["description"].as<std::string>()
                              : Family->Name + " memory";
      Family->Managed = Spec["managed"] && Spec["managed"].as<bool>();
      Family->Sleeps = Spec["sleeps"] && Spec["sleeps"].as<bool>();
      Family->NeedsDirectReclaim = Spec["needs_direct_reclaim"] &&
                                   Spec["needs_direct_reclaim"].as<bool>();
      if (Spec["without_reclaim"])
        Family->WithoutReclaim = Spec["without_reclaim"].as<std::string>();
      Family->SelfReleasing =
          Spec["self_releasing"] && Spec["self_releasing"].as<bool>();

      if (auto E = P.shape(Spec["acquire"], true, "acquire"))
        return E;
      for (const auto &A : Spec["acquire"]) {
        if (auto E = P.checkKeys(A.second,
                                 {"gfp", "fails", "returns", "key", "consumes"},
                                 "an acquire entry"))
          return E;
        AcquireFunction Fn;
        Fn.Name = A.first.as<std::string>();
        Fn.Family = Family.get();
        for (auto [Key, Field] :
             {std::pair{"gfp", &Fn.GfpArg}, std::pair{"key", &Fn.KeyArg},
              std::pair{"consumes", &Fn.ConsumesArg}}) {
          if (!A.second[Key])
            continue;
          auto Index = P.index(A.second[Key], Key);
          if (!Index)
            return Index.takeError();
          *Field = *Index;
        }
        if (A.second["fails"]) {
          std::string Fails = A.second["fails"].as<std::string>();
          if (Fails == "errptr")
            Fn.Fails = FailureValue::ErrPtr;
          else if (Fails != "null")
            return P.error(A.second["fails"], "fails must be null or errptr");
        }
        if (A.second["returns"]) {
          std::string Returns = A.second["returns"].as<std::string>();
          if (Returns == "status")
            Fn.Returns = AcquireResult::Status;
          else if (Returns == "nonneg")
            Fn.Returns = AcquireResult::NonNegative;
          else if (Returns != "pointer")
            return P.error(A.second["returns"],
                           "returns must be pointer, status or nonneg");
        }
        Family->Acquirers.push_back(Fn.Name);
        Acquire[Fn.Name] = Fn;
      }

      auto ParseRelease = [&](const auto &R,
                              ReleaseFunction &Out) -> llvm::Error {
        Out.Name = R.first.template as<std::string>();
        if (!R.second["arg"]) {
          Out.FamilyWide = true;
          return llvm::Error::success();
        }
        auto Index = P.index(R.second["arg"], "arg");
        if (!Index)
          return Index.takeError();
        Out.Arg = *Index;
        return llvm::Error::success();
      };
      if (auto E = P.shape(Spec["release"], true, "release"))
        return E;
      for (const auto &R : Spec["release"]) {
        if (auto E = P.checkKeys(R.second, {"arg"}, "a release entry"))
          return E;
        ReleaseFunction Fn;
        if (auto E = ParseRelease(R, Fn))
          return E;
        Family->Releases.push_back(Fn);
        Release[Fn.Name] = Fn;
        PrimaryReleaseFamily[Fn.Name] = Family.get();
      }
      if (auto E = P.shape(Spec["also_released_by"], true, "also_released_by"))
        return E;
      for (const auto &R : Spec["also_released_by"]) {
        if (auto E = P.checkKeys(R.second, {"arg", "since", "until", "source"},
                                 "an also_released_by entry"))
          return E;
        CompatibleRelease Rule;
        if (auto E = ParseRelease(R, Rule.Function))
          return E;
        for (auto [Key, Field] : {std::pair{"since", &Rule.Since},
                                  std::pair{"until", &Rule.Until}}) {
          if (!R.second[Key])
            continue;
          auto V = P.version(R.second[Key]);
          if (!V)
            return V.takeError();
          *Field = *V;
        }
        if (R.second["source"])
          Rule.Source = R.second["source"].as<std::string>();
        Release.try_emplace(Rule.Function.Name, Rule.Function);
        Family->AlsoReleasedBy.push_back(std::move(Rule));
      }
      // A user family with an existing name replaces the built-in one, with
      // every acquirer and release that pointed at it.
      if (const AllocFamily *Old = findFamily(Family->Name))
        forgetFamily(*Old);
      Families.push_back(std::move(Family));
    }

    if (const YAML::Node Conditions = Root["conditions"]) {
      if (auto E = P.shape(Conditions, true, "conditions"))
        return E;
      if (auto E = P.checkKeys(Conditions,
                               {"is_error", "is_error_or_null", "error_value",
                                "error_status"},
                               "conditions"))
        return E;
      for (auto [Key, Kind] :
           {std::pair{"error_value", ConditionKind::ErrorValue},
            std::pair{"is_error", ConditionKind::IsError},
            std::pair{"is_error_or_null", ConditionKind::IsErrorOrNull},
            std::pair{"error_status", ConditionKind::ErrorStatus}}) {
        if (auto E = P.names(Conditions[Key], Key, [&, Kind = Kind](std::string N) {
              this->Conditions[N] = Kind;
            }))
          return E;
      }
    }
    if (const YAML::Node Drvdata = Root["drvdata"]) {
      if (auto E = P.shape(Drvdata, true, "drvdata"))
        return E;
      if (auto E = P.checkKeys(Drvdata, {"setters", "getters"}, "drvdata"))
        return E;
      if (auto E = P.shape(Drvdata["setters"], true, "setters"))
        return E;
      for (const auto &Setter : Drvdata["setters"]) {
        if (auto E = P.checkKeys(Setter.second, {"arg"}, "a drvdata setter"))
          return E;
        auto Index = P.index(Setter.second["arg"], "arg");
        if (!Index)
          return Index.takeError();
        DrvdataSetters[Setter.first.as<std::string>()] = *Index;
      }
      if (auto E = P.names(Drvdata["getters"], "getters",
                           [&](std::string N) { DrvdataGetters.insert(N); }))
        return E;
    }
    if (auto E = P.shape(Root["drivers"], true, "drivers"))
      return E;
    for (const auto &Entry : Root["drivers"]) {
      if (auto E = P.checkKeys(Entry.second, {"setup", "teardown"},
                               "a driver struct"))
        return E;
      DriverStruct D;
      D.Name = Entry.first.as<std::string>();
      if (auto E = P.shape(Entry.second["setup"], false, "setup"))
        return E;
      for (const auto &F : Entry.second["setup"])
        D.SetupFields.push_back(F.as<std::string>());
      if (auto E = P.shape(Entry.second["teardown"], false, "teardown"))
        return E;
      for (const auto &F : Entry.second["teardown"])
        D.TeardownFields.push_back(F.as<std::string>());
      Drivers[D.Name] = D;
    }
    if (const YAML::Node Atomic = Root["atomic"]) {
      if (auto E = P.shape(Atomic, true, "atomic"))
        return E;
      if (auto E = P.checkKeys(Atomic,
                               {"enter", "exit", "callbacks", "fields",
                                "guards", "context_tests"},
                               "atomic"))
        return E;
      if (auto E = P.shape(Atomic["enter"], true, "enter"))
        return E;
      for (const auto &Entry : Atomic["enter"]) {
        if (auto E = P.checkKeys(Entry.second,
                                 {"lock", "what", "conditional", "in_interrupt"},
                                 "an atomic enter entry"))
          return E;
        AtomicEnter Enter;
        Enter.Name = Entry.first.as<std::string>();
        if (Entry.second["lock"]) {
          auto Index = P.index(Entry.second["lock"], "lock");
          if (!Index)
            return Index.takeError();
          Enter.LockArg = *Index;
        }
        Enter.What = Entry.second["what"] ? Entry.second["what"].as<std::string>()
                                          : "atomic context";
        Enter.Conditional =
            Entry.second["conditional"] && Entry.second["conditional"].as<bool>();
        Enter.InInterrupt = Entry.second["in_interrupt"] &&
                            Entry.second["in_interrupt"].as<bool>();
        AtomicEnters[Enter.Name] = Enter;
      }
      if (auto E = P.shape(Atomic["exit"], true, "exit"))
        return E;
      for (const auto &Entry : Atomic["exit"]) {
        if (auto E = P.checkKeys(Entry.second, {"lock"}, "an atomic exit entry"))
          return E;
        std::optional<unsigned> Lock;
        if (Entry.second["lock"]) {
          auto Index = P.index(Entry.second["lock"], "lock");
          if (!Index)
            return Index.takeError();
          Lock = *Index;
        }
        AtomicExits[Entry.first.as<std::string>()] = Lock;
      }
      if (auto E = P.shape(Atomic["callbacks"], true, "callbacks"))
        return E;
      for (const auto &Entry : Atomic["callbacks"]) {
        if (auto E = P.checkKeys(Entry.second, {"arg", "context", "in_interrupt"},
                                 "an atomic callback entry"))
          return E;
        auto Index = P.index(Entry.second["arg"], "arg");
        if (!Index)
          return Index.takeError();
        AtomicCallbacks[Entry.first.as<std::string>()] = {
            *Index, Entry.second["context"].as<std::string>(),
            Entry.second["in_interrupt"] &&
                Entry.second["in_interrupt"].as<bool>()};
      }
      // A context is its description, or {context: ..., in_interrupt: true}.
      auto ParseContext = [&](const YAML::Node &Node) -> llvm::Expected<AtomicContext> {
        if (Node.IsScalar())
          return AtomicContext{Node.as<std::string>(), false};
        if (auto E = P.checkKeys(Node, {"context", "in_interrupt"}, "an atomic context"))
          return std::move(E);
        if (!Node["context"])
          return P.error(Node, "an atomic context needs 'context'");
        return AtomicContext{Node["context"].as<std::string>(),
                             Node["in_interrupt"] && Node["in_interrupt"].as<bool>()};
      };
      if (auto E = P.shape(Atomic["fields"], true, "fields"))
        return E;
      for (const auto &Record : Atomic["fields"]) {
        if (auto E = P.shape(Record.second, true, "fields"))
          return E;
        for (const auto &Field : Record.second) {
          auto Context = ParseContext(Field.second);
          if (!Context)
            return Context.takeError();
          AtomicFields[Record.first.as<std::string>() + "::" +
                       Field.first.as<std::string>()] = *Context;
        }
      }
      if (auto E = P.shape(Atomic["guards"], true, "guards"))
        return E;
      for (const auto &Guard : Atomic["guards"]) {
        auto Context = ParseContext(Guard.second);
        if (!Context)
          return Context.takeError();
        AtomicGuards[Guard.first.as<std::string>()] = *Context;
      }
      if (auto E = P.names(Atomic["context_tests"], "context_tests",
                           [&](std::string N) { ContextTests.insert(N); }))
        return E;
    }
    // A reason, or {why: ..., unless_in_interrupt: true}.
    if (auto E = P.shape(Root["may_sleep"], true, "may_sleep"))
      return E;
    for (const auto &Entry : Root["may_sleep"]) {
      std::string Name = Entry.first.as<std::string>();
      if (Entry.second.IsScalar()) {
        MaySleep[Name] = Entry.second.as<std::string>();
        continue;
      }
      if (auto E = P.checkKeys(Entry.second, {"why", "unless_in_interrupt"},
                               "a may_sleep entry"))
        return E;
      if (!Entry.second["why"])
        return P.error(Entry.second, "a may_sleep entry needs 'why'");
      MaySleep[Name] = Entry.second["why"].as<std::string>();
      if (Entry.second["unless_in_interrupt"] &&
          Entry.second["unless_in_interrupt"].as<bool>())
        SleepsOnlyOutsideInterrupt.insert(Name);
    }
    if (auto E = P.shape(Root["transfers_ownership"], true, "transfers_ownership"))
      return E;
    for (const auto &Entry : Root["transfers_ownership"]) {
      if (auto E = P.checkKeys(Entry.second, {"arg"}, "a transfers_ownership entry"))
        return E;
      if (!Entry.second["arg"])
        return P.error(Entry.second, "a transfers_ownership entry needs 'arg'");
      auto Index = P.index(Entry.second["arg"], "arg");
      if (!Index)
        return Index.takeError();
      OwnershipTransfers[Entry.first.as<std::string>()] = *Index;
    }
    if (auto E = P.names(Root["borrowing_calls"], "borrowing_calls",
                         [&](std::string N) { Borrowing.insert(N); }))
      return E;
    if (auto E = parseGfpMaskNames(P, Root["gfp"], GfpMasks))
      return E;
    if (auto E = P.names(Root["name_suffixes"], "name_suffixes",
                         [&](std::string N) { NameSuffixes.push_back(N); }))
      return E;
  } catch (const YAML::Exception &E) {
    // A conversion on a missing node carries no position: name the model.
    YAML::Mark Where = E.mark.is_null() ? Root.Mark() : E.mark;
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::formatv("{0}:{1}:{2}: a value in the API model has the wrong "
                      "type or is missing ({3})",
                      SourceName, Where.line + 1, Where.column + 1, E.msg)
            .str());
  }
  finalize();
  return llvm::Error::success();
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
  llvm::erase_if(Families, [&](const std::unique_ptr<AllocFamily> &F) {
    return F.get() == &Old;
  });
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
ApiModel::ownershipTransferArg(llvm::StringRef Callee) const {
  auto It = OwnershipTransfers.find(canonicalName(Callee));
  if (It == OwnershipTransfers.end())
    return std::nullopt;
  return It->second;
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

bool ApiModel::isContextTest(llvm::StringRef Name) const {
  return ContextTests.contains(Name);
}

bool ApiModel::sleepsOnlyOutsideInterrupt(llvm::StringRef Callee) const {
  return SleepsOnlyOutsideInterrupt.contains(canonicalName(Callee));
}

std::optional<std::string> ApiModel::maySleep(llvm::StringRef Callee) const {
  auto It = MaySleep.find(canonicalName(Callee));
  if (It == MaySleep.end())
    return std::nullopt;
  return It->second;
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
