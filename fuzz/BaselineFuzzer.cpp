//===- BaselineFuzzer.cpp - --baseline files ------------------------------===//
#include "analyzer/workflow/Baseline.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Path = kmodlint::fuzz::writeInput("baseline.json", Data, Size);
  auto Known = kmodlint::readBaseline(Path);
  if (!Known) {
    llvm::consumeError(Known.takeError());
    return 0;
  }
  kmodlint::Finding F;
  F.Check = "leak.local";
  F.Where = {"/fuzz/a.c", 1, 1};
  std::vector<kmodlint::Finding> Findings{F};
  (void)kmodlint::removeBaselined(Findings, std::move(*Known));
  return 0;
}
