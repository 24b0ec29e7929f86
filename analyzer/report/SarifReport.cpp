//===- SarifReport.cpp - Findings as SARIF 2.1.0 --------------------------===//
//
// What GitHub code scanning and other SARIF viewers read: one run, the
// checks as rules with their documentation as help, each finding with its
// location, its path as a code flow (and the notes as related locations),
// a partial fingerprint for tracking across commits, and its fix.
//
//===----------------------------------------------------------------------===//
#include "analyzer/report/Report.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

namespace kmodlint {

namespace {

/// Turns file paths into SARIF artifact locations: relative to %SRCROOT%
/// (the directory kmodlint ran in) when below it, as viewers resolve them
/// against the checkout, else absolute file URIs.
class ArtifactLocations {
public:
  explicit ArtifactLocations(llvm::StringRef Root) : Root(Root.str()) {}

  llvm::json::Object operator()(llvm::StringRef Path) const {
    llvm::StringRef Relative = Path;
    if (!Root.empty() && Relative.consume_front(Root) &&
        Relative.consume_front("/"))
      return llvm::json::Object{{"uri", encode(Relative)},
                                {"uriBaseId", "%SRCROOT%"}};
    return llvm::json::Object{{"uri", fileUri(Path)}};
  }

  static std::string fileUri(llvm::StringRef Path) {
    return "file://" + encode(Path);
  }

private:
  /// Percent-encodes what may not appear in a URI path.
  static std::string encode(llvm::StringRef Path) {
    std::string Out;
    for (unsigned char C : Path) {
      if (llvm::isAlnum(C) || llvm::StringRef("/-._~").contains(C))
        Out += C;
      else {
        Out += '%';
        Out += llvm::hexdigit(C >> 4);
        Out += llvm::hexdigit(C & 15);
      }
    }
    return Out;
  }

  std::string Root;
};

llvm::json::Object physicalLocation(const ArtifactLocations &Artifacts,
                                    const SourcePoint &P) {
  llvm::json::Object Region{{"startLine", P.Line}};
  if (P.Column)
    Region["startColumn"] = P.Column;
  return llvm::json::Object{{"artifactLocation", Artifacts(P.File)},
                            {"region", std::move(Region)}};
}

/// Takes a std::string: a json::Value made from a StringRef does not copy it.
llvm::json::Object message(std::string Text) {
  return llvm::json::Object{{"text", std::move(Text)}};
}

llvm::StringRef level(Severity S) { return severityName(S); }

/// SARIF groups a fix's replacements by file, in the order they come.
llvm::json::Array artifactChanges(const ArtifactLocations &Artifacts,
                                  const FixIt &Fix) {
  std::vector<std::pair<std::string, llvm::json::Array>> ByFile;
  for (const TextEdit &Edit : Fix.Edits) {
    auto It = llvm::find_if(ByFile, [&](const auto &F) { return F.first == Edit.File; });
    if (It == ByFile.end())
      It = ByFile.insert(ByFile.end(), {Edit.File, llvm::json::Array()});
    // Fix offsets are bytes, as clang counts them.
    It->second.push_back(llvm::json::Object{
        {"deletedRegion", llvm::json::Object{{"byteOffset", Edit.Offset},
                                             {"byteLength", Edit.Length}}},
        {"insertedContent", llvm::json::Object{{"text", Edit.Replacement}}}});
  }
  llvm::json::Array Changes;
  for (auto &[File, Replacements] : ByFile)
    Changes.push_back(llvm::json::Object{{"artifactLocation", Artifacts(File)},
                                         {"replacements", std::move(Replacements)}});
  return Changes;
}

/// The run's one invocation: successful unless some file could not be
/// analyzed; each such file is an error notification with clang's errors.
llvm::json::Object
invocation(const ArtifactLocations &Artifacts,
           llvm::ArrayRef<UnitFailure> Failures,
           llvm::ArrayRef<ToolNotice> Notices) {
  llvm::json::Array Notifications;
  for (const UnitFailure &F : Failures)
    Notifications.push_back(llvm::json::Object{
        {"level", "error"},
        {"message", message(failureText(F))},
        {"locations",
         llvm::json::Array{llvm::json::Object{
             {"physicalLocation",
              llvm::json::Object{{"artifactLocation", Artifacts(F.File)}}}}}}});
  for (const ToolNotice &N : Notices)
    Notifications.push_back(llvm::json::Object{
        {"level", "warning"},
        {"message", message(N.Message)},
        {"locations",
         llvm::json::Array{llvm::json::Object{
             {"physicalLocation",
              llvm::json::Object{
                  {"artifactLocation", Artifacts(N.Where.File)},
                  {"region", llvm::json::Object{{"startLine", N.Where.Line}}}}}}}}});
  llvm::json::Object Invocation{{"executionSuccessful", Failures.empty()}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);
  return Invocation;
}

} // namespace

std::string RuleInfo::fullDescription() const {
  llvm::StringRef Page = HelpMarkdown;
  size_t At = Page.find("What it finds");
  if (At == llvm::StringRef::npos)
    return Summary;
  // "## What it finds\n<paragraph>" or "**What it finds.** <paragraph>".
  llvm::StringRef Rest = Page.substr(At + strlen("What it finds"));
  Rest = Rest.ltrim(".*: \n");
  llvm::StringRef Paragraph = Rest.split("\n\n").first;
  std::string Text;
  for (size_t I = 0; I < Paragraph.size(); ++I) {
    char C = Paragraph[I];
    if (C == '`')
      continue;
    if (Paragraph.substr(I).starts_with("**")) { // bold markers only
      ++I;
      continue;
    }
    Text += C == '\n' ? ' ' : C;
  }
  return Text.empty() ? Summary : Text;
}

void writeSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                llvm::ArrayRef<RuleInfo> Rules, llvm::StringRef ToolVersion,
                llvm::ArrayRef<UnitFailure> Failures,
                llvm::ArrayRef<ToolNotice> Notices) {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  ArtifactLocations Artifacts(Cwd);

  llvm::StringMap<unsigned> RuleIndex;
  llvm::json::Array RuleObjects;
  for (const RuleInfo &Rule : Rules) {
    RuleIndex[Rule.Id] = RuleObjects.size();
    llvm::json::Object R{{"id", Rule.Id},
                         {"name", Rule.Id},
                         {"shortDescription", message(Rule.Summary)},
                         {"fullDescription", message(Rule.fullDescription())},
                         {"defaultConfiguration",
                          llvm::json::Object{{"level", "warning"}}}};
    if (!Rule.HelpMarkdown.empty())
      R["help"] = llvm::json::Object{{"text", Rule.HelpMarkdown},
                                     {"markdown", Rule.HelpMarkdown}};
    RuleObjects.push_back(std::move(R));
  }

  llvm::json::Array Results;
  for (const Finding &F : Findings) {
    llvm::json::Object Location{
        {"physicalLocation", physicalLocation(Artifacts, F.Where)}};
    if (!F.Function.empty())
      Location["logicalLocations"] = llvm::json::Array{llvm::json::Object{
          {"name", F.Function}, {"kind", "function"}}};
    llvm::json::Object Result{{"ruleId", F.Check},
                              {"level", level(F.Level)},
                              {"message", message(F.Message)},
                              {"locations", llvm::json::Array{std::move(Location)}},
                              {"partialFingerprints",
                               llvm::json::Object{{"kmodlintFingerprint/v1",
                                                   F.fingerprint()}}}};
    if (auto It = RuleIndex.find(F.Check); It != RuleIndex.end())
      Result["ruleIndex"] = It->second;

    if (!F.Notes.empty()) {
      llvm::json::Array Related, Steps;
      for (size_t I = 0; I < F.Notes.size(); ++I) {
        const PathNote &N = F.Notes[I];
        Related.push_back(llvm::json::Object{
            {"id", int64_t(I + 1)},
            {"physicalLocation", physicalLocation(Artifacts, N.Where)},
            {"message", message(N.Message)}});
        Steps.push_back(llvm::json::Object{
            {"location",
             llvm::json::Object{
                 {"physicalLocation", physicalLocation(Artifacts, N.Where)},
                 {"message", message(N.Message)}}}});
      }
      // The path ends where the finding is.
      Steps.push_back(llvm::json::Object{
          {"location",
           llvm::json::Object{
               {"physicalLocation", physicalLocation(Artifacts, F.Where)},
               {"message", message(F.Message)}}}});
      Result["relatedLocations"] = std::move(Related);
      Result["codeFlows"] = llvm::json::Array{llvm::json::Object{
          {"threadFlows",
           llvm::json::Array{llvm::json::Object{{"locations", std::move(Steps)}}}}}};
    }
    if (F.Fix)
      Result["fixes"] = llvm::json::Array{llvm::json::Object{
          {"description", message(F.Fix->Description)},
          {"artifactChanges", artifactChanges(Artifacts, *F.Fix)}}};
    Results.push_back(std::move(Result));
  }

  llvm::json::Object Run{
      {"tool",
       llvm::json::Object{
           {"driver", llvm::json::Object{{"name", "kmodlint"},
                                         {"version", ToolVersion},
                                         {"semanticVersion", ToolVersion},
                                         {"rules", std::move(RuleObjects)}}}}},
      {"originalUriBaseIds",
       llvm::json::Object{
           {"%SRCROOT%",
            llvm::json::Object{
                {"uri", ArtifactLocations::fileUri(Cwd) + "/"}}}}},
      {"invocations", llvm::json::Array{invocation(Artifacts, Failures, Notices)}},
      {"results", std::move(Results)}};
  llvm::json::Value Root = llvm::json::Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", Root) << '\n';
}

} // namespace kmodlint
