//===- Registry.cpp - Every check, and the ids users may name -------------===//
#include "checks/Check.h"

#include "llvm/Support/GlobPattern.h"

namespace kmodlint {

std::vector<std::string> knownCheckIds() {
  std::vector<std::string> Ids;
  for (const auto &C : createAllChecks())
    Ids.push_back(C->id().str());
  Ids.push_back(UnusedSuppressionCheck.str());
  return Ids;
}

llvm::Error validateCheckGlob(llvm::StringRef Glob) {
  llvm::StringRef Pattern = Glob.trim();
  Pattern.consume_front("-");
  auto Compiled = llvm::GlobPattern::create(Pattern);
  if (!Compiled)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "bad glob '" + Glob + "': " +
                                       llvm::toString(Compiled.takeError()));
  for (const std::string &Id : knownCheckIds())
    if (Compiled->match(Id))
      return llvm::Error::success();
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "'" + Glob + "' matches no check "
                                 "(kmodlint --list-checks lists them)");
}

std::vector<std::unique_ptr<Check>> createAllChecks() {
  std::vector<std::unique_ptr<Check>> All;
#define KMODLINT_CHECK(Category, Class) All.push_back(Category::create##Class());
#include "checks/CheckList.def"
  return All;
}

} // namespace kmodlint
