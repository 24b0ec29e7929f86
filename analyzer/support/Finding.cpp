//===- Finding.cpp - One reported problem ---------------------------------===//
#include "analyzer/support/Finding.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <tuple>

namespace kmodlint {

std::string Finding::fingerprint() const {
  // The file's name, not its directory: the same tree checked out elsewhere
  // (a CI runner) must produce the same fingerprints.
  std::string Key = Check + "|" + llvm::sys::path::filename(Where.File).str() +
                    "|" + Function + "|" + FingerprintKey;
  uint64_t Hash = llvm::xxh3_64bits(llvm::StringRef(Key));
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << llvm::format_hex_no_prefix(Hash, 16);
  return Text;
}

std::string failureText(const UnitFailure &F) {
  llvm::StringRef Details = llvm::StringRef(F.Details).trim();
  if (Details.empty())
    return F.Reason;
  return F.Reason + (F.CompilerErrors ? "; compiler errors:\n" : ":\n") +
         Details.str();
}

bool mapUnsigned(llvm::json::ObjectMapper &O, llvm::StringLiteral Key,
                 unsigned &Out) {
  int64_t Value = 0;
  if (!O.map(Key, Value) || Value < 0 || Value > UINT32_MAX)
    return false;
  Out = static_cast<unsigned>(Value);
  return true;
}

llvm::json::Value toJSON(const SourcePoint &P) {
  return llvm::json::Object{{"file", P.File}, {"line", P.Line}, {"column", P.Column}};
}

bool fromJSON(const llvm::json::Value &V, SourcePoint &P, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("file", P.File) && mapUnsigned(O, "line", P.Line) &&
         mapUnsigned(O, "column", P.Column);
}

llvm::json::Value toJSON(const PathNote &N) {
  return llvm::json::Object{{"where", N.Where}, {"message", N.Message}};
}

bool fromJSON(const llvm::json::Value &V, PathNote &N, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("where", N.Where) && O.map("message", N.Message);
}

llvm::StringRef severityName(Severity S) {
  switch (S) {
  case Severity::Note: return "note";
  case Severity::Warning: return "warning";
  case Severity::Error: return "error";
  }
  return "warning";
}

std::optional<Severity> severityNamed(llvm::StringRef Name) {
  for (Severity S : {Severity::Note, Severity::Warning, Severity::Error})
    if (Name == severityName(S))
      return S;
  return std::nullopt;
}

llvm::json::Value toJSON(const TextEdit &E) {
  return llvm::json::Object{{"file", E.File},
                            {"offset", E.Offset},
                            {"length", E.Length},
                            {"replacement", E.Replacement}};
}

bool fromJSON(const llvm::json::Value &V, TextEdit &E, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("file", E.File) && mapUnsigned(O, "offset", E.Offset) &&
         mapUnsigned(O, "length", E.Length) && O.map("replacement", E.Replacement);
}

llvm::json::Value toJSON(const FixIt &F) {
  return llvm::json::Object{{"description", F.Description}, {"edits", F.Edits}};
}

bool fromJSON(const llvm::json::Value &V, FixIt &F, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("description", F.Description) && O.map("edits", F.Edits);
}

llvm::json::Value toJSON(const Finding &F) {
  return llvm::json::Object{{"check", F.Check},
                            {"level", severityName(F.Level)},
                            {"where", F.Where},
                            {"message", F.Message},
                            {"function", F.Function},
                            {"notes", F.Notes},
                            {"fix", F.Fix},
                            {"key", F.FingerprintKey}};
}

bool fromJSON(const llvm::json::Value &V, Finding &F, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  std::string Level;
  if (!O || !O.map("check", F.Check) || !O.map("level", Level) ||
      !O.map("where", F.Where) || !O.map("message", F.Message) ||
      !O.map("function", F.Function) || !O.map("notes", F.Notes) ||
      !O.mapOptional("fix", F.Fix) || !O.map("key", F.FingerprintKey))
    return false;
  auto Named = severityNamed(Level);
  if (!Named)
    return false;
  F.Level = *Named;
  return true;
}

void sortAndUnique(std::vector<Finding> &Findings) {
  auto Key = [](const Finding &F) {
    return std::tie(F.Where, F.Check, F.Message);
  };
  llvm::stable_sort(Findings, [&](const Finding &A, const Finding &B) {
    return Key(A) < Key(B);
  });
  Findings.erase(std::unique(Findings.begin(), Findings.end(),
                             [&](const Finding &A, const Finding &B) {
                               return Key(A) == Key(B);
                             }),
                 Findings.end());
}

} // namespace kmodlint
