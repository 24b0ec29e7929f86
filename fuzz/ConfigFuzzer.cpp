//===- ConfigFuzzer.cpp - .kmodlint.yaml (with model extensions) ----------===//
#include "analyzer/workflow/Config.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  auto C = kmodlint::parseConfig(kmodlint::fuzz::asText(Data, Size),
                                 "/fuzz/.kmodlint.yaml", "/fuzz");
  if (!C) {
    llvm::consumeError(C.takeError());
    return 0;
  }
  // What a loaded config is used for: the effective config and the model.
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  kmodlint::writeConfig(OS, **C);
  (void)(*C)->excludes("/fuzz/drivers/a.c");
  (void)(*C)->severityOf("leak.local");
  return 0;
}
