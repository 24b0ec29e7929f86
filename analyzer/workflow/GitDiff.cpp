//===- GitDiff.cpp - The lines a git diff touches -------------------------===//
#include "analyzer/workflow/GitDiff.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

namespace kmodlint {

/// The diff's entry for \p File: git names files by their real path, a
/// compile database may reach them through a symlink.
static auto findFile(const llvm::StringMap<std::vector<std::pair<unsigned, unsigned>>> &Files,
                     llvm::StringRef File) {
  auto It = Files.find(File);
  llvm::SmallString<256> Real;
  if (It == Files.end() && !llvm::sys::fs::real_path(File, Real))
    It = Files.find(Real);
  return It;
}

bool ChangedLines::touchesFile(llvm::StringRef File) const {
  return findFile(Files, File) != Files.end();
}

bool ChangedLines::touches(const SourcePoint &P) const {
  auto It = findFile(Files, P.File);
  if (It == Files.end())
    return false;
  return llvm::any_of(It->second, [&](const auto &Range) {
    return Range.first <= P.Line && P.Line <= Range.second;
  });
}

bool ChangedLines::touches(const Finding &F) const {
  return touches(F.Where) ||
         llvm::any_of(F.Notes, [&](const PathNote &N) { return touches(N.Where); });
}

/// A path as git prints it: as is, or C-quoted ("b/caf\303\251.c") when it
/// holds quotes, backslashes or control characters.
static std::string unquoteGitPath(llvm::StringRef Text) {
  if (!Text.consume_front("\"") || !Text.consume_back("\""))
    return Text.str();
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C != '\\' || I + 1 == Text.size()) {
      Out += C;
      continue;
    }
    char E = Text[++I];
    if (E >= '0' && E <= '7' && I + 2 < Text.size()) {
      unsigned Code = 0;
      Text.substr(I, 3).getAsInteger(8, Code);
      Out += char(Code);
      I += 2;
      continue;
    }
    switch (E) {
    case 'n': Out += '\n'; break;
    case 't': Out += '\t'; break;
    case 'a': Out += '\a'; break;
    case 'b': Out += '\b'; break;
    case 'f': Out += '\f'; break;
    case 'r': Out += '\r'; break;
    case 'v': Out += '\v'; break;
    default: Out += E; break; // \" and \\ */
    }
  }
  return Out;
}

ChangedLines parseUnifiedDiff(llvm::StringRef Diff, llvm::StringRef Root) {
  ChangedLines Out;
  Out.RepositoryRoot = Root.str();
  std::vector<std::pair<unsigned, unsigned>> *Current = nullptr;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Diff.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    if (Line.consume_front("+++ ")) {
      Current = nullptr;
      std::string Name = unquoteGitPath(Line.rtrim("\t\r"));
      if (!llvm::StringRef(Name).starts_with("b/"))
        continue; // +++ /dev/null: the file is deleted
      llvm::SmallString<256> Path(Root);
      llvm::sys::path::append(Path, llvm::StringRef(Name).drop_front(2));
      Current = &Out.Files[Path];
      continue;
    }
    // @@ -a,b +c,d @@: d lines from c are new (d omitted: 1; d = 0: a pure
    // deletion, which marks the line after it, where code now meets).
    if (!Current || !Line.consume_front("@@ "))
      continue;
    size_t Plus = Line.find('+');
    if (Plus == llvm::StringRef::npos)
      continue;
    llvm::StringRef Range = Line.substr(Plus + 1).split(' ').first;
    auto [StartText, CountText] = Range.split(',');
    unsigned Start = 0, Count = 1;
    if (StartText.getAsInteger(10, Start) ||
        (!CountText.empty() && CountText.getAsInteger(10, Count)))
      continue;
    if (Count == 0)
      Current->emplace_back(Start, Start + 1);
    else
      Current->emplace_back(Start, Start + Count - 1);
  }
  return Out;
}

/// Runs git with \p Args in \p WorkDir; its stdout, or an error with stderr.
static llvm::Expected<std::string> runGit(llvm::StringRef WorkDir,
                                          llvm::ArrayRef<llvm::StringRef> Args) {
  auto Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return llvm::createStringError(Git.getError(),
                                   "--diff needs git on the PATH");
  llvm::SmallString<128> OutPath, ErrPath;
  if (auto EC = llvm::sys::fs::createTemporaryFile("kmodlint-git", "out", OutPath))
    return llvm::createStringError(EC, "cannot create a temporary file");
  if (auto EC = llvm::sys::fs::createTemporaryFile("kmodlint-git", "err", ErrPath))
    return llvm::createStringError(EC, "cannot create a temporary file");
  llvm::FileRemover RemoveOut(OutPath), RemoveErr(ErrPath);
  std::vector<llvm::StringRef> Argv = {"git", "-C", WorkDir};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, OutPath.str(),
                                                ErrPath.str()};
  std::string Message;
  int Status = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects,
                                         0, 0, &Message);
  auto Read = [](llvm::StringRef Path) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : std::string();
  };
  if (Status != 0)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(), "git %s failed: %s",
        llvm::join(Args, " ").c_str(),
        (Message.empty() ? llvm::StringRef(Read(ErrPath)).trim().str() : Message)
            .c_str());
  return Read(OutPath);
}

llvm::Expected<ChangedLines> gitChangedLines(llvm::StringRef WorkDir,
                                             llvm::StringRef Base) {
  if (Base.starts_with("-"))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "--diff-base takes a revision, not '%s'",
                                   Base.str().c_str());
  auto Root = runGit(WorkDir, {"rev-parse", "--show-toplevel"});
  if (!Root)
    return Root.takeError();
  // Whatever the user's git config says: full paths from the top, a/ b/
  // prefixes, non-ASCII names unquoted, and renames as renames (a file
  // moved without edits has no changed lines).
  std::vector<llvm::StringRef> Args = {
      "-c",          "core.quotePath=false", "diff",
      "-U0",         "--no-color",           "--no-ext-diff",
      "--no-relative", "-M",                 "--src-prefix=a/",
      "--dst-prefix=b/"};
  if (Base.empty()) {
    Args.push_back("--cached");
  } else {
    // What a merge request changes: since it forked from Base, not what
    // Base gained meanwhile.
    Args.push_back("--merge-base");
    Args.push_back(Base);
  }
  Args.push_back("--");
  auto Diff = runGit(WorkDir, Args);
  if (!Diff)
    return Diff.takeError();
  return parseUnifiedDiff(*Diff, llvm::StringRef(*Root).trim());
}

} // namespace kmodlint
