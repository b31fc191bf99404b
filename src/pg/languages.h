// The `lang` argument of the SQL functions and the trigger: 'auto' (the
// default of the one-argument forms) or an installed language's ISO 639-1
// code. An explicit language without the needed model is an error naming
// the installed ones; 'auto' never is (runtime/multilingual.h).
#pragma once

#include "core/lang/installed.h"
#include "core/runtime/multilingual.h"
#include "pg/postgres_headers.h"

namespace textsense::pg {

// `name` is 'auto' or a language with a model of `kind`; raises 22023
// otherwise. Call outside run_core().
runtime::LanguageRequest language_request(const char* name, lang::ModelKind kind);

// language_request() of a text argument.
runtime::LanguageRequest language_argument(text* lang, lang::ModelKind kind);

// What an error message calls a model kind: "sentiment lexicon",
// "part-of-speech model".
const char* model_kind_noun(lang::ModelKind kind);

}  // namespace textsense::pg
