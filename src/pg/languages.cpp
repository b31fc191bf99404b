#include "pg/languages.h"

#include <cstring>
#include <string>

#include "pg/backend_state.h"
#include "pg/bridge.h"

namespace textsense::pg {

const char* model_kind_noun(lang::ModelKind kind) {
  return kind == lang::ModelKind::kSentiment ? "sentiment lexicon" : "part-of-speech model";
}

runtime::LanguageRequest language_request(const char* name, lang::ModelKind kind) {
  if (strcmp(name, "auto") == 0) return runtime::LanguageRequest::automatic_choice();
  prepare_backend_state();
  bool found = false;
  char installed_list[256] = "";
  for (int attempt = 0; attempt < 2 && !found; ++attempt) {
    // A second look after a miss: a pack installed since the backend
    // started is found without reconnecting.
    run_core([&] {
      if (attempt > 0) refresh_installed_models();
      const lang::InstalledModels& installed = installed_models();
      found = lang::is_language_code(name) && installed.has(kind, name);
      const std::string list = installed.list(kind);
      strncpy(installed_list, list.c_str(), sizeof installed_list - 1);
    });
  }
  if (!found)
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("textsense: no %s for language \"%s\"", model_kind_noun(kind), name),
                    errdetail("Available languages: %s.", installed_list),
                    errhint("Use an installed language, or 'auto' to detect the language of "
                            "each text; textsense_languages() lists what is installed.")));
  return runtime::LanguageRequest::explicit_language(name);
}

runtime::LanguageRequest language_argument(text* lang, lang::ModelKind kind) {
  return language_request(text_to_cstring(lang), kind);
}

}  // namespace textsense::pg
