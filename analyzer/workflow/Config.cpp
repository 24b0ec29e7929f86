//===- Config.cpp - .kmodlint.yaml: checks, severity, excludes, model -----===//
#include "analyzer/workflow/Config.h"
#include "checks/Check.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

namespace kmodlint {

namespace {

/// Turns yaml-cpp's nodes into Config fields, with errors that name the
/// file, line and column.
class ConfigParser {
public:
  explicit ConfigParser(llvm::StringRef FileName) : FileName(FileName.str()) {}

  llvm::Error error(const YAML::Mark &Mark, const llvm::Twine &Message) const {
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::formatv("{0}:{1}:{2}: {3}", FileName, Mark.line + 1,
                      Mark.column + 1, Message.str())
            .str());
  }

  struct Item {
    std::string Text;
    YAML::Mark Mark;
  };

  /// A list of strings, also accepted as one comma-separated string
  /// (`checks: '*,-atomic.*'`, the clang-tidy spelling).
  llvm::Expected<std::vector<Item>> stringList(const YAML::Node &Node,
                                               llvm::StringRef Key) {
    std::vector<Item> Out;
    if (Node.IsScalar()) {
      llvm::SmallVector<llvm::StringRef, 4> Parts;
      llvm::StringRef(Node.Scalar()).split(Parts, ',', -1, false);
      for (llvm::StringRef Part : Parts)
        Out.push_back({Part.trim().str(), Node.Mark()});
      return Out;
    }
    if (!Node.IsSequence())
      return error(Node.Mark(), "'" + Key + "' must be a list of strings");
    for (const YAML::Node &Item : Node) {
      if (!Item.IsScalar())
        return error(Item.Mark(), "'" + Key + "' entries must be strings");
      Out.push_back({Item.Scalar(), Item.Mark()});
    }
    return Out;
  }

  /// Check globs must name checks; path globs must only parse.
  llvm::Error globsValid(llvm::ArrayRef<Item> Globs, bool NameChecks) {
    for (const Item &Glob : Globs) {
      if (NameChecks) {
        if (llvm::Error E = validateCheckGlob(Glob.Text))
          return error(Glob.Mark, llvm::toString(std::move(E)));
        continue;
      }
      if (auto Pattern = llvm::GlobPattern::create(Glob.Text); !Pattern)
        return error(Glob.Mark, "bad glob '" + Glob.Text + "': " +
                                    llvm::toString(Pattern.takeError()));
    }
    return llvm::Error::success();
  }

  /// yaml-cpp keeps the first of two equal keys and says nothing; a config
  /// that says `checks:` twice is a mistake worth a sentence.
  llvm::Error uniqueKeys(const YAML::Node &Map) {
    llvm::StringMap<YAML::Mark> Seen;
    for (const auto &Entry : Map) {
      if (!Entry.first.IsScalar())
        return error(Entry.first.Mark(), "keys must be plain names");
      auto [It, New] = Seen.try_emplace(Entry.first.Scalar(), Entry.first.Mark());
      if (!New)
        return error(Entry.first.Mark(),
                     llvm::formatv("'{0}' appears twice (first at line {1})",
                                   Entry.first.Scalar(), It->second.line + 1)
                         .str());
    }
    return llvm::Error::success();
  }

  std::string FileName;
};

} // namespace

/// A config or model file: a regular file of sane size. /dev/zero or a FIFO
/// would be read forever, a huge file until memory runs out.
static llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>
readSmallTextFile(llvm::StringRef Path) {
  constexpr uint64_t MaxBytes = 16 << 20;
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status))
    return EC;
  bool Null = false; // --config /dev/null: no config at all, on purpose
  if (!llvm::sys::fs::is_regular_file(Status) &&
      (llvm::sys::fs::equivalent(Path, "/dev/null", Null) || !Null))
    return std::make_error_code(std::errc::invalid_argument);
  if (Status.getSize() > MaxBytes)
    return std::make_error_code(std::errc::file_too_large);
  return llvm::MemoryBuffer::getFile(Path);
}

/// "not a regular file" reads better than "Invalid argument" here.
static std::string readError(std::error_code EC) {
  if (EC == std::errc::invalid_argument)
    return "not a regular file (a device or a pipe?)";
  if (EC == std::errc::file_too_large)
    return "larger than 16 MiB, too large for a config or model";
  return EC.message();
}

llvm::Expected<std::unique_ptr<Config>>
parseConfig(llvm::StringRef Text, llvm::StringRef FileName,
            llvm::StringRef Directory) {
  ConfigParser P(FileName);
  auto C = std::make_unique<Config>();
  C->File = FileName.str();
  C->Directory = Directory.str();
  YAML::Node Loaded;
  try {
    std::vector<YAML::Node> Documents = YAML::LoadAll(Text.str());
    if (Documents.size() > 1)
      return P.error(Documents[1].Mark(),
                     "a kmodlint config is one YAML document; this is a second");
    if (!Documents.empty())
      Loaded = Documents.front();
  } catch (const YAML::DeepRecursion &E) {
    return P.error(E.mark, "nested " + std::to_string(E.depth()) +
                               " levels deep; a kmodlint config needs a few");
  } catch (const YAML::ParserException &E) {
    return P.error(E.mark, E.msg);
  }
  // Const: yaml-cpp's non-const operator[] would add the keys it looks up.
  const YAML::Node &Root = Loaded;
  if (Root.IsNull())
    return C;
  if (!Root.IsMap())
    return P.error(Root.Mark(), "a kmodlint config must be a mapping of "
                                "checks, severity, exclude, model, model_files");

  static constexpr llvm::StringLiteral Known[] = {
      "checks", "severity", "exclude", "model", "model_files", "tu_timeout",
      "tu_memory"};
  if (auto E = P.uniqueKeys(Root))
    return E;
  for (const auto &Entry : Root) {
    std::string Key = Entry.first.Scalar();
    if (!llvm::is_contained(Known, Key))
      return P.error(Entry.first.Mark(),
                     "unknown key '" + Key + "' (expected one of: " +
                         llvm::join(llvm::ArrayRef(Known), ", ") + ")");
  }

  for (auto [Key, Out] : {std::pair{"checks", &C->Checks},
                           std::pair{"exclude", &C->Excludes}})
    if (const YAML::Node Globs = Root[Key]) {
      auto List = P.stringList(Globs, Key);
      if (!List)
        return List.takeError();
      if (auto E = P.globsValid(*List, Out == &C->Checks))
        return E;
      for (ConfigParser::Item &Glob : *List)
        Out->push_back(std::move(Glob.Text));
    }
  if (const YAML::Node Severities = Root["severity"]) {
    if (!Severities.IsMap())
      return P.error(Severities.Mark(),
                     "'severity' must map check globs to warning or error");
    if (auto E = P.uniqueKeys(Severities))
      return E;
    for (const auto &Entry : Severities) {
      std::string Level = Entry.second.IsScalar() ? Entry.second.Scalar() : "";
      std::optional<Severity> Named = severityNamed(Level);
      if (!Named)
        return P.error(Entry.second.Mark(),
                       "severity must be note, warning or error, not '" + Level + "'");
      if (auto E = P.globsValid({{Entry.first.Scalar(), Entry.first.Mark()}},
                                /*NameChecks=*/true))
        return E;
      C->Severities.emplace_back(Entry.first.Scalar(), *Named);
    }
  }
  for (auto [Key, Out] : {std::pair{"tu_timeout", &C->TuTimeoutSeconds},
                           std::pair{"tu_memory", &C->TuMemoryMiB}})
    if (const YAML::Node Value = Root[Key]) {
      unsigned Number = 0;
      if (!Value.IsScalar() ||
          llvm::StringRef(Value.Scalar()).getAsInteger(10, Number))
        return P.error(Value.Mark(),
                       "'" + llvm::Twine(Key) + "' must be a whole number of " +
                           (Out == &C->TuTimeoutSeconds ? "seconds"
                                                        : "MiB") +
                           " (0: no limit)");
      *Out = Number;
    }
  if (const YAML::Node Files = Root["model_files"]) {
    auto List = P.stringList(Files, "model_files");
    if (!List)
      return List.takeError();
    for (ConfigParser::Item &Name : *List)
      C->ModelFiles.push_back(std::move(Name.Text));
  }

  const YAML::Node Model = Root["model"];
  if (!Model && C->ModelFiles.empty())
    return C;
  auto Extended = ApiModel::parseBuiltin();
  if (!Extended)
    return Extended.takeError();
  if (Model) {
    if (auto E = (*Extended)->extend(Model, FileName))
      return E;
    YAML::Emitter Out;
    Out << Model;
    C->ModelYaml = Out.c_str();
  }
  for (const std::string &Name : C->ModelFiles) {
    llvm::SmallString<256> Path(Name);
    llvm::sys::fs::make_absolute(Directory, Path);
    auto Buffer = readSmallTextFile(Path);
    if (!Buffer)
      return P.error(Root["model_files"].Mark(),
                     "cannot read model file " + Path + ": " +
                         readError(Buffer.getError()));
    if (auto E = (*Extended)->extend((*Buffer)->getBuffer(), Path))
      return E;
  }
  C->ExtendedModel = std::move(*Extended);
  return C;
}

llvm::Expected<std::unique_ptr<Config>> loadConfigFile(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  auto Buffer = readSmallTextFile(Absolute);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "cannot read config %s: %s",
                                   Absolute.c_str(),
                                   readError(Buffer.getError()).c_str());
  return parseConfig((*Buffer)->getBuffer(), Absolute,
                     llvm::sys::path::parent_path(Absolute));
}

bool Config::excludes(llvm::StringRef Path) const {
  if (Excludes.empty())
    return false;
  llvm::SmallString<256> Relative(Path);
  if (!Directory.empty() && Relative.starts_with(Directory + "/"))
    Relative.erase(Relative.begin(), Relative.begin() + Directory.size() + 1);
  for (llvm::StringRef Glob : Excludes) {
    // "dir/" means everything below dir; GlobPattern's '*' crosses '/'.
    std::string Pattern = Glob.ends_with("/") ? (Glob + "*").str() : Glob.str();
    auto Compiled = llvm::GlobPattern::create(Pattern);
    if (Compiled && (Compiled->match(Relative) || Compiled->match(Path)))
      return true;
  }
  return false;
}

Severity Config::severityOf(llvm::StringRef Check, Severity Default) const {
  Severity Level = Default;
  for (const auto &[Glob, Wanted] : Severities)
    if (auto Pattern = llvm::GlobPattern::create(Glob);
        Pattern && Pattern->match(Check))
      Level = Wanted;
  return Level;
}

llvm::Expected<const Config *> ConfigLocator::load(llvm::StringRef ConfigPath) {
  auto It = ByConfigFile.find(ConfigPath);
  if (It != ByConfigFile.end())
    return It->second.get();
  auto Loaded = loadConfigFile(ConfigPath);
  if (!Loaded)
    return Loaded.takeError();
  return (ByConfigFile[ConfigPath] = std::move(*Loaded)).get();
}

llvm::Expected<const Config *> ConfigLocator::configFor(llvm::StringRef File) {
  if (!Override.empty())
    return load(Override);
  llvm::SmallVector<std::string, 8> Visited;
  const Config *Found = &Defaults;
  for (llvm::StringRef Dir = llvm::sys::path::parent_path(File); !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    if (auto Cached = ByDirectory.find(Dir); Cached != ByDirectory.end()) {
      Found = Cached->second;
      break;
    }
    Visited.push_back(Dir.str());
    llvm::SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, ConfigFileName);
    if (llvm::sys::fs::is_regular_file(Candidate)) {
      auto Loaded = load(Candidate);
      if (!Loaded)
        return Loaded.takeError();
      Found = *Loaded;
      break;
    }
  }
  for (const std::string &Dir : Visited)
    ByDirectory[Dir] = Found;
  return Found;
}

void writeConfig(llvm::raw_ostream &OS, const Config &C,
                 llvm::ArrayRef<std::string> CommandLineChecks) {
  auto Anchored = [&](llvm::StringRef Path) {
    if (C.Directory.empty() || llvm::sys::path::is_absolute(Path))
      return Path.str();
    return (C.Directory + "/" + Path).str();
  };
  OS << "# kmodlint effective configuration, from "
     << (C.File.empty() ? std::string("the built-in defaults (no ") +
                              ConfigFileName.str() + " found)"
                        : C.File)
     << "\n";
  YAML::Emitter Out;
  Out << YAML::BeginMap;
  Out << YAML::Key << "checks" << YAML::Value << YAML::Flow << YAML::BeginSeq;
  if (C.Checks.empty())
    Out << "*";
  for (const std::string &Glob : C.Checks)
    Out << Glob;
  for (const std::string &Glob : CommandLineChecks)
    Out << Glob;
  Out << YAML::EndSeq;
  Out << YAML::Key << "severity" << YAML::Value << YAML::BeginMap;
  if (C.Severities.empty())
    Out << YAML::Key << "*" << YAML::Value << "warning";
  for (const auto &[Glob, Level] : C.Severities)
    Out << YAML::Key << Glob << YAML::Value
        << severityName(Level).str();
  Out << YAML::EndMap;
  Out << YAML::Key << "exclude" << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (const std::string &Glob : C.Excludes)
    Out << Anchored(Glob);
  Out << YAML::EndSeq;
  if (!C.ModelFiles.empty()) {
    Out << YAML::Key << "model_files" << YAML::Value << YAML::BeginSeq;
    for (const std::string &Name : C.ModelFiles)
      Out << Anchored(Name);
    Out << YAML::EndSeq;
  }
  if (!C.ModelYaml.empty())
    Out << YAML::Key << "model" << YAML::Value << YAML::Load(C.ModelYaml);
  if (C.TuTimeoutSeconds)
    Out << YAML::Key << "tu_timeout" << YAML::Value << *C.TuTimeoutSeconds;
  if (C.TuMemoryMiB)
    Out << YAML::Key << "tu_memory" << YAML::Value << *C.TuMemoryMiB;
  Out << YAML::EndMap;
  OS << Out.c_str() << "\n";
}

} // namespace kmodlint
