//===- ModelFuzzer.cpp - A model file extending the built-in model --------===//
#include "analyzer/model/ApiModel.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  auto Model = kmodlint::ApiModel::parseBuiltin();
  if (!Model)
    std::abort(); // the built-in model must always load
  if (llvm::Error E = (*Model)->extend(kmodlint::fuzz::asText(Data, Size),
                                       "/fuzz/model.yaml"))
    llvm::consumeError(std::move(E));
  return 0;
}
