// Languages in the CLI: --lang CODE|auto (default auto) and the models of
// every installed language, found as the SQL functions find them (files
// named sentiment_<lang>.model and pos_<lang>.model) in the models/ folder
// of the source tree this binary was built from, else the installed
// directory. --model PATH pins one model file instead: its language is
// then the only one.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cli/command.h"
#include "core/lang/installed.h"
#include "core/runtime/multilingual.h"

namespace textsense::cli {

class CliModels {
 public:
  // `kind` is what --model, when given, holds.
  CliModels(const Options& options, lang::ModelKind kind);

  // --lang: 'auto' (the default) or a language with a model of `kind_`;
  // throws std::invalid_argument naming the installed ones otherwise.
  runtime::LanguageRequest request(const Options& options) const;

  runtime::ModelSource source();
  const lang::InstalledModels& installed() const { return installed_; }
  const sentiment::Lexicon* lexicon(lang::Code code);  // nullptr: not installed
  const pos::PosModel* pos_model(lang::Code code);     // nullptr: not installed

 private:
  lang::ModelKind kind_;
  std::string directory_;
  std::string pinned_path_;  // --model
  lang::InstalledModels installed_;
  std::vector<std::pair<lang::Code, std::unique_ptr<sentiment::Lexicon>>> lexicons_;
  std::vector<std::pair<lang::Code, std::unique_ptr<pos::PosModel>>> pos_models_;
};

// The language request of a subcommand that needs no model (tokens,
// sentences): --lang CODE (any language code) or auto.
runtime::LanguageRequest segmentation_request(const Options& options);

}  // namespace textsense::cli
