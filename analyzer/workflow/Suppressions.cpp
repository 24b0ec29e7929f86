//===- Suppressions.cpp - Inline suppressions in the analyzed source ------===//
#include "analyzer/workflow/Suppressions.h"
#include "checks/Check.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/MemoryBuffer.h"
#include <optional>

namespace kmodlint {

/// kmodlint's own syntax on \p Line: `kmodlint: ignore[<globs>] <reason>`.
struct IgnoreComment {
  size_t At = 0;
  std::vector<std::string> Globs;
  /// The reason ends with the comment (`/* ... reason */`, `// ... reason`);
  /// without one the comment is not a suppression: nobody could review it.
  bool HasReason = false;
};

static void addNames(std::vector<std::string> &Globs, llvm::StringRef List,
                     bool ClangTidyNames) {
  llvm::SmallVector<llvm::StringRef, 4> Names;
  List.split(Names, ',', -1, false);
  for (llvm::StringRef Name : Names) {
    Name = Name.trim();
    if (ClangTidyNames && !Name.consume_front("kmodlint-"))
      continue; // another tool's NOLINT
    Globs.push_back(Name.str());
  }
}

static std::optional<IgnoreComment> ignoreComment(llvm::StringRef Line) {
  constexpr llvm::StringLiteral Keyword = "kmodlint: ignore[";
  size_t At = Line.find(Keyword);
  if (At == llvm::StringRef::npos)
    return std::nullopt;
  auto [List, After] = Line.substr(At + Keyword.size()).split(']');
  IgnoreComment C;
  C.At = At;
  addNames(C.Globs, List, /*ClangTidyNames=*/false);
  C.HasReason = !After.split("*/").first.trim().empty();
  return C;
}

/// The check globs a suppression comment on \p Line names (empty when the
/// line has none), and the column where the comment's keyword starts.
static std::vector<std::string> suppressionGlobs(llvm::StringRef Line,
                                                 unsigned *Column = nullptr) {
  std::vector<std::string> Globs;
  if (auto C = ignoreComment(Line); C && C->HasReason) {
    Globs = std::move(C->Globs);
    if (Column)
      *Column = C->At + 1;
  }
  // clang-tidy's spellings, for editors that already insert them.
  for (llvm::StringRef Keyword : {"NOLINT(", "NOLINTNEXTLINE("}) {
    size_t At = Line.find(Keyword);
    if (At == llvm::StringRef::npos)
      continue;
    size_t Before = Globs.size();
    addNames(Globs, Line.substr(At + Keyword.size()).split(')').first, true);
    if (Column && Globs.size() > Before && Before == 0)
      *Column = At + 1;
  }
  return Globs;
}

static bool matchesAny(llvm::ArrayRef<std::string> Globs, llvm::StringRef Check) {
  for (llvm::StringRef Glob : Globs) {
    auto Pattern = llvm::GlobPattern::create(Glob);
    if (Pattern && Pattern->match(Check))
      return true;
  }
  return false;
}

bool lineSuppresses(llvm::StringRef Line, llvm::StringRef Check) {
  return matchesAny(suppressionGlobs(Line), Check);
}

/// Whether \p Line has kmodlint's suppression syntax naming \p Check but
/// no reason, which therefore suppresses nothing.
static bool lacksReason(llvm::StringRef Line, llvm::StringRef Check) {
  auto C = ignoreComment(Line);
  return C && !C->HasReason && matchesAny(C->Globs, Check);
}

/// The comment text that ends on line \p I (0-based): the line itself, or,
/// when it closes a block comment opened on an earlier line, the whole
/// comment joined into one line (kernel style puts the reason on the
/// lines below the opening). \p Start gets the line the text starts on.
static std::string commentEndingAt(llvm::ArrayRef<llvm::StringRef> Lines,
                                   size_t I, size_t &Start) {
  Start = I;
  llvm::StringRef Line = Lines[I];
  size_t Close = Line.find("*/");
  if (Close == llvm::StringRef::npos || Line.substr(0, Close).contains("/*"))
    return Line.str();
  constexpr size_t MaxCommentLines = 20;
  for (size_t J = I; J-- > 0 && I - J < MaxCommentLines;) {
    if (Lines[J].contains("*/"))
      break; // another comment ended: this one did not start above
    if (!Lines[J].contains("/*"))
      continue;
    std::string Joined;
    for (size_t K = J; K <= I; ++K)
      Joined += Lines[K].trim().ltrim("*").str() + " ";
    Start = J;
    return Joined;
  }
  return Line.str();
}

std::vector<SuppressionComment> suppressionComments(llvm::StringRef Text,
                                                    llvm::StringRef File) {
  std::vector<SuppressionComment> Out;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (size_t I = 0; I < Lines.size(); ++I) {
    size_t Start = I;
    std::string Comment = commentEndingAt(Lines, I, Start);
    unsigned Column = 1;
    std::vector<std::string> Globs = suppressionGlobs(Comment, &Column);
    if (Globs.empty())
      continue;
    if (Start != I)
      Column = Lines[Start].find("/*") + 1;
    // A one-line suppression inside a longer comment is seen twice.
    if (!Out.empty() && Out.back().Where.Line == Start + 1)
      continue;
    Out.push_back({{File.str(), unsigned(Start + 1), Column}, std::move(Globs)});
  }
  return Out;
}

unsigned applySuppressions(std::vector<Finding> &Findings,
                           std::vector<SourcePoint> *Used) {
  llvm::StringMap<std::vector<llvm::StringRef>> Lines;
  std::vector<std::unique_ptr<llvm::MemoryBuffer>> Buffers;
  auto LinesOf = [&](const std::string &File) -> std::vector<llvm::StringRef> & {
    auto [It, New] = Lines.try_emplace(File);
    if (New)
      if (auto Buffer = llvm::MemoryBuffer::getFile(File)) {
        llvm::SmallVector<llvm::StringRef, 0> Split;
        (*Buffer)->getBuffer().split(Split, '\n');
        It->second.assign(Split.begin(), Split.end());
        Buffers.push_back(std::move(*Buffer));
      }
    return It->second;
  };
  size_t Before = Findings.size();
  llvm::erase_if(Findings, [&](Finding &F) {
    const std::vector<llvm::StringRef> &Text = LinesOf(F.Where.File);
    for (unsigned Line : {F.Where.Line, F.Where.Line - 1}) {
      if (Line < 1 || Line > Text.size())
        continue;
      size_t Start = Line - 1;
      std::string Comment = commentEndingAt(Text, Line - 1, Start);
      if (lineSuppresses(Comment, F.Check)) {
        if (Used)
          Used->push_back({F.Where.File, unsigned(Start + 1), 0});
        return true;
      }
      // Say why the comment the developer wrote did not work.
      if (lacksReason(Comment, F.Check))
        F.Notes.push_back(
            {{F.Where.File, Line, 1},
             "this kmodlint: ignore[...] comment gives no reason after the "
             "bracket, so it suppresses nothing"});
    }
    return false;
  });
  return Before - Findings.size();
}

std::vector<Finding>
unusedSuppressions(llvm::StringRef File, llvm::ArrayRef<SourcePoint> Used,
                   llvm::function_ref<bool(llvm::StringRef Glob)> NamesEnabled) {
  std::vector<Finding> Out;
  auto Buffer = llvm::MemoryBuffer::getFile(File);
  if (!Buffer)
    return Out;
  for (SuppressionComment &C : suppressionComments((*Buffer)->getBuffer(), File)) {
    // A misspelt check name can never suppress anything: say so whatever
    // the run's checks are.
    std::string Unknown;
    for (const std::string &Glob : C.Globs)
      if (llvm::Error E = validateCheckGlob(Glob)) {
        llvm::consumeError(std::move(E));
        Unknown = Glob;
        break;
      }
    bool WasUsed = llvm::any_of(Used, [&](const SourcePoint &P) {
      return P.File == File && P.Line == C.Where.Line;
    });
    if (Unknown.empty() && (WasUsed || !llvm::any_of(C.Globs, NamesEnabled)))
      continue;
    Finding F;
    F.Check = UnusedSuppressionCheck.str();
    F.Where = C.Where;
    F.Message = Unknown.empty()
                    ? "this suppression of '" + llvm::join(C.Globs, ", ") +
                          "' suppresses no finding; remove it"
                    : "this suppression names '" + Unknown +
                          "', which matches no check (kmodlint --list-checks "
                          "lists them)";
    F.FingerprintKey = llvm::join(C.Globs, ",");
    Out.push_back(std::move(F));
  }
  return Out;
}

} // namespace kmodlint
