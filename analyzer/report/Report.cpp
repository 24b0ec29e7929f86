//===- Report.cpp - Render findings as text or JSON -----------------------===//
#include "analyzer/report/Report.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include <yaml-cpp/yaml.h>

namespace kmodlint {

void writeText(llvm::raw_ostream &OS, const std::vector<Finding> &Findings) {
  // Paths below the current directory are shown relative to it, as the
  // compiler shows the files it was given; editors resolve both forms.
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  auto writePoint = [&](llvm::raw_ostream &OS, const SourcePoint &P) {
    llvm::StringRef File = P.File;
    if (!Cwd.empty() && File.starts_with(Cwd) &&
        File.drop_front(Cwd.size()).starts_with("/"))
      File = File.drop_front(Cwd.size() + 1);
    OS << File << ':' << P.Line << ':' << P.Column << ": ";
  };
  for (const Finding &F : Findings) {
    writePoint(OS, F.Where);
    OS << severityName(F.Level) << ": " << F.Message
       << " [" << F.Check << "]\n";
    for (const PathNote &N : F.Notes) {
      writePoint(OS, N.Where);
      OS << "note: " << N.Message << '\n';
    }
    if (F.Fix) {
      writePoint(OS, F.Where);
      OS << "note: fix: " << F.Fix->Description << '\n';
    }
  }
}

static llvm::json::Object pointJson(const SourcePoint &P) {
  return llvm::json::Object{
      {"file", P.File}, {"line", P.Line}, {"column", P.Column}};
}

void writeJson(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
               llvm::ArrayRef<UnitFailure> Failures) {
  llvm::json::Array Items;
  for (const Finding &F : Findings) {
    llvm::json::Array Notes;
    for (const PathNote &N : F.Notes) {
      llvm::json::Object Note = pointJson(N.Where);
      Note["message"] = N.Message;
      Notes.push_back(std::move(Note));
    }
    llvm::json::Object Item = pointJson(F.Where);
    Item["check"] = F.Check;
    Item["severity"] = severityName(F.Level);
    Item["message"] = F.Message;
    Item["function"] = F.Function;
    Item["fingerprint"] = F.fingerprint();
    Item["notes"] = std::move(Notes);
    if (F.Fix && !F.Fix->Edits.empty()) {
      // The first edit's fields stay where they were before fixes had
      // several edits; "edits" lists them all.
      const TextEdit &First = F.Fix->Edits.front();
      Item["fix"] = llvm::json::Object{{"file", First.File},
                                       {"offset", First.Offset},
                                       {"length", First.Length},
                                       {"replacement", First.Replacement},
                                       {"description", F.Fix->Description},
                                       {"edits", F.Fix->Edits}};
    }
    Items.push_back(std::move(Item));
  }
  llvm::json::Array FailureItems;
  for (const UnitFailure &F : Failures) {
    llvm::json::Object Item{{"file", F.File}, {"reason", F.Reason}};
    Item[F.CompilerErrors ? "compiler_errors" : "details"] = F.Details;
    FailureItems.push_back(std::move(Item));
  }
  llvm::json::Value Root = llvm::json::Object{{"version", 1},
                                              {"findings", std::move(Items)},
                                              {"failures", std::move(FailureItems)}};
  OS << llvm::formatv("{0:2}", Root) << '\n';
}

void writeExportedFixes(llvm::raw_ostream &OS,
                        const std::vector<Finding> &Findings) {
  YAML::Emitter Out;
  Out << YAML::BeginMap;
  Out << YAML::Key << "MainSourceFile" << YAML::Value
      << (Findings.empty() ? std::string() : Findings.front().Where.File);
  Out << YAML::Key << "Diagnostics" << YAML::Value << YAML::BeginSeq;
  for (const Finding &F : Findings) {
    if (!F.Fix || F.Fix->Edits.empty())
      continue;
    Out << YAML::BeginMap;
    Out << YAML::Key << "DiagnosticName" << YAML::Value << F.Check;
    Out << YAML::Key << "DiagnosticMessage" << YAML::Value << YAML::BeginMap;
    Out << YAML::Key << "Message" << YAML::Value << F.Message;
    Out << YAML::Key << "FilePath" << YAML::Value << F.Fix->Edits.front().File;
    Out << YAML::Key << "FileOffset" << YAML::Value << F.Fix->Edits.front().Offset;
    Out << YAML::Key << "Replacements" << YAML::Value << YAML::BeginSeq;
    for (const TextEdit &Edit : F.Fix->Edits) {
      Out << YAML::BeginMap;
      Out << YAML::Key << "FilePath" << YAML::Value << Edit.File;
      Out << YAML::Key << "Offset" << YAML::Value << Edit.Offset;
      Out << YAML::Key << "Length" << YAML::Value << Edit.Length;
      Out << YAML::Key << "ReplacementText" << YAML::Value << Edit.Replacement;
      Out << YAML::EndMap;
    }
    Out << YAML::EndSeq << YAML::EndMap;
    Out << YAML::Key << "Level" << YAML::Value
        << (F.Level == Severity::Error ? "Error" : "Warning");
    Out << YAML::EndMap;
  }
  Out << YAML::EndSeq << YAML::EndMap;
  OS << "---\n" << Out.c_str() << "\n...\n";
}

} // namespace kmodlint
