//===- Baseline.cpp - Known findings to hide, by fingerprint --------------===//
#include "analyzer/workflow/Baseline.h"
#include "analyzer/support/OutputFile.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace kmodlint {

static constexpr int BaselineVersion = 1;

llvm::Expected<Baseline> readBaseline(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(),
                                   "cannot read baseline %s: %s",
                                   Path.str().c_str(),
                                   Buffer.getError().message().c_str());
  auto Bad = [&](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "baseline " + Path + ": " + Why);
  };
  auto Parsed = llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return Bad(llvm::toString(Parsed.takeError()));
  const llvm::json::Object *Root = Parsed->getAsObject();
  if (!Root || Root->getInteger("version") != BaselineVersion ||
      !Root->getArray("findings"))
    return Bad(llvm::formatv("not a kmodlint baseline (expected version {0} "
                             "and a findings array; write one with "
                             "--write-baseline)",
                             BaselineVersion));
  Baseline Known;
  for (const llvm::json::Value &Entry : *Root->getArray("findings")) {
    const llvm::json::Object *Item = Entry.getAsObject();
    std::optional<llvm::StringRef> Fingerprint =
        Item ? Item->getString("fingerprint") : std::nullopt;
    if (!Fingerprint)
      return Bad("every finding needs a \"fingerprint\" string");
    ++Known.Fingerprints[*Fingerprint];
  }
  return Known;
}

llvm::Error writeBaseline(llvm::StringRef Path,
                          const std::vector<Finding> &Findings) {
  llvm::json::Array Items;
  for (const Finding &F : Findings)
    Items.push_back(llvm::json::Object{
        {"fingerprint", F.fingerprint()},
        {"check", F.Check},
        {"file", llvm::sys::path::filename(F.Where.File)},
        {"function", F.Function},
        {"message", F.Message}});
  llvm::json::Value Root = llvm::json::Object{{"version", BaselineVersion},
                                              {"tool", "kmodlint"},
                                              {"findings", std::move(Items)}};
  return writeOutputFile(Path, [&](llvm::raw_ostream &OS) {
    OS << llvm::formatv("{0:2}", Root) << "\n";
  });
}

unsigned removeBaselined(std::vector<Finding> &Findings, Baseline Known) {
  size_t Before = Findings.size();
  llvm::erase_if(Findings, [&](const Finding &F) {
    auto It = Known.Fingerprints.find(F.fingerprint());
    if (It == Known.Fingerprints.end() || It->second == 0)
      return false;
    --It->second;
    return true;
  });
  return Before - Findings.size();
}

} // namespace kmodlint
