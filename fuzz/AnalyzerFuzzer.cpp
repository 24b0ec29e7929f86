//===- AnalyzerFuzzer.cpp - The whole analysis on C against the bundled headers ===//
//
// The input is a C file: clang parses it with the bundled kernel headers
// and the engine and every check run on what parses. Seeds: the testdata
// modules (fuzz/corpus/analyzer).
//
//===----------------------------------------------------------------------===//
#include "analyzer/frontend/Analysis.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Path = kmodlint::fuzz::writeInput("input.c", Data, Size);
  kmodlint::AnalysisOptions Options;
  Options.ReportUnusedSuppressions = true;
  (void)kmodlint::analyzeUnit(kmodlint::bundledHeadersUnit(Path), Options);
  return 0;
}
