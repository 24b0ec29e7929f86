//===- GitDiffFuzzer.cpp - git diff output for --diff ---------------------===//
#include "analyzer/workflow/GitDiff.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  kmodlint::ChangedLines Changed =
      kmodlint::parseUnifiedDiff(kmodlint::fuzz::asText(Data, Size), "/fuzz");
  (void)Changed.touchesFile("/fuzz/a.c");
  return 0;
}
