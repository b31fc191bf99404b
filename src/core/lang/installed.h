// Which languages are installed: found from the model files present in a
// directory (the extension's share directory, or models/ of a checkout),
// never from a list in the code. A model is installed for (kind, language)
// when the file <kind>_<language>.model exists: sentiment_de.model gives
// German sentiment, pos_fr.model French tagging.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/lang/code.h"

namespace textsense::lang {

enum class ModelKind { kSentiment, kPos };
std::string_view model_kind_prefix(ModelKind kind);  // "sentiment", "pos"

// The file name of a model: "sentiment_en.model".
std::string model_file_name(ModelKind kind, std::string_view code);

struct InstalledModels {
  std::vector<Code> sentiment;  // sorted
  std::vector<Code> pos;        // sorted

  bool has(ModelKind kind, std::string_view code) const { return has(kind, Code(code)); }
  bool has(ModelKind kind, Code code) const;
  const std::vector<Code>& of(ModelKind kind) const {
    return kind == ModelKind::kSentiment ? sentiment : pos;
  }
  // Every language with any model, sorted, without repeats.
  std::vector<Code> languages() const;
  // "en, fr" for messages.
  std::string list(ModelKind kind) const;
};

// Lists `directory`. A file name that does not follow the pattern, or whose
// language part is not 2-7 lower-case ASCII letters, is ignored. A missing
// or unreadable directory gives an empty result (nothing installed).
InstalledModels scan_installed_models(const std::string& directory);

// Counts `code` as installed for both kinds whether or not its files are
// there. For the language every installation ships (English, the
// automatic choice's fallback): a missing file of it is a damaged
// installation, which loading reports as such ("model file ... is missing",
// reinstall), not a language quietly left unanalysed.
void require_language(InstalledModels& installed, std::string_view code);

// A syntactically valid language code: 2-7 ASCII lower-case letters.
bool is_language_code(std::string_view code);

}  // namespace textsense::lang
