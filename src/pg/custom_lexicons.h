// Custom sentiment lexicons from the textsense_lexicon tables: read with SPI
// as the calling user (so privileges and row-level security apply), compiled
// over the built-in lexicon, and cached at two levels:
//   * per call site (an FmgrInfo's fn_extra, which lives for one statement):
//     after its first row a statement neither queries nor hashes anything;
//   * per backend, by (name, revision, user): a statement that finds the
//     lexicon's revision unchanged reuses the compiled lexicon. Every change
//     to a lexicon or its terms gives it a new revision (triggers in the
//     extension script), so the next statement of every session sees it.
#pragma once

#include "core/sentiment/lexicon.h"
#include "pg/postgres_headers.h"

namespace textsense::pg {

// What one call site remembers; zero-initialised, allocated in fn_mcxt.
struct CustomLexiconSite {
  Oid user;
  char* name;  // in the site's memory context
  const sentiment::Lexicon* lexicon;
};

// The compiled lexicon `name` for `language` (nullptr: whatever language
// the lexicon is for, as with lang => 'auto'), as the current user sees it.
// The lexicon tables are looked up in the schema of `function` (one of the
// extension's functions, so wherever the extension lives). Raises a
// PostgreSQL error for an unknown or hidden lexicon, a language mismatch,
// missing privileges or a term the compiler rejects. Call outside run_core.
const sentiment::Lexicon& custom_lexicon(CustomLexiconSite& site, MemoryContext site_context,
                                         Oid function, const char* language, const char* name);

// The CustomLexiconSite of a SQL function's call site (its fn_extra).
CustomLexiconSite& function_lexicon_site(FunctionCallInfo fcinfo);

}  // namespace textsense::pg
