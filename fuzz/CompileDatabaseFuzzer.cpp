//===- CompileDatabaseFuzzer.cpp - compile_commands.json to clang argv ----===//
#include "analyzer/frontend/Analysis.h"
#include "analyzer/frontend/CompilationInputs.h"
#include "analyzer/frontend/CompilerFlags.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  kmodlint::fuzz::writeInput("compile_commands.json", Data, Size);
  auto Units = kmodlint::loadDatabaseUnits(kmodlint::fuzz::scratchDirectory(), {});
  if (!Units) {
    llvm::consumeError(Units.takeError());
    return 0;
  }
  // Every entry's command line through the flag sanitizer and the
  // adjusters that build the clang command (no parse: that is the
  // analyzer target's job).
  for (const kmodlint::AnalysisUnit &Unit : *Units) {
    (void)kmodlint::sanitizeCompilerFlags(Unit.CommandLine);
    (void)kmodlint::clangArguments(Unit);
  }
  return 0;
}
