//===- Suppressions.cpp - Inline suppressions in the analyzed source ------===//
#include "analyzer/Suppressions.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/MemoryBuffer.h"

namespace kmodlint {

static bool matchesAny(llvm::StringRef List, llvm::StringRef Check) {
  llvm::SmallVector<llvm::StringRef, 4> Globs;
  List.split(Globs, ',', -1, false);
  for (llvm::StringRef Glob : Globs) {
    auto Pattern = llvm::GlobPattern::create(Glob.trim());
    if (Pattern && Pattern->match(Check))
      return true;
  }
  return false;
}

bool lineSuppresses(llvm::StringRef Line, llvm::StringRef Check) {
  size_t At = Line.find("kmodlint: ignore[");
  if (At != llvm::StringRef::npos) {
    llvm::StringRef Rest = Line.substr(At + strlen("kmodlint: ignore["));
    auto [List, After] = Rest.split(']');
    // The reason ends with the comment: /* ... reason */ or // ... reason.
    llvm::StringRef Reason = After.split("*/").first.trim();
    if (!Reason.empty() && matchesAny(List, Check))
      return true;
  }
  // clang-tidy's spelling, for editors that already insert it.
  At = Line.find("NOLINT(");
  if (At != llvm::StringRef::npos) {
    llvm::StringRef List = Line.substr(At + strlen("NOLINT(")).split(')').first;
    llvm::SmallVector<llvm::StringRef, 4> Names;
    List.split(Names, ',', -1, false);
    for (llvm::StringRef Name : Names) {
      Name = Name.trim();
      if (Name.consume_front("kmodlint-") && matchesAny(Name, Check))
        return true;
    }
  }
  return false;
}

unsigned applySuppressions(std::vector<Finding> &Findings) {
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
  llvm::erase_if(Findings, [&](const Finding &F) {
    const std::vector<llvm::StringRef> &Text = LinesOf(F.Where.File);
    for (unsigned Line : {F.Where.Line, F.Where.Line - 1})
      if (Line >= 1 && Line <= Text.size() && lineSuppresses(Text[Line - 1], F.Check))
        return true;
    return false;
  });
  return Before - Findings.size();
}

} // namespace kmodlint
