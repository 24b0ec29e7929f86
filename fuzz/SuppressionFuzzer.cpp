//===- SuppressionFuzzer.cpp - Inline suppression comments in a source ----===//
#include "analyzer/workflow/Suppressions.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text = kmodlint::fuzz::asText(Data, Size);
  (void)kmodlint::suppressionComments(Text, "/fuzz/a.c");
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Line : Lines)
    (void)kmodlint::lineSuppresses(Line, "leak.local");
  return 0;
}
