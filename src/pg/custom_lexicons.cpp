#include "pg/custom_lexicons.h"

#include <memory>
#include <string>
#include <vector>

#include "core/sentiment/custom_lexicon.h"
#include "core/segment/segmenter.h"
#include "pg/backend_state.h"
#include "pg/bridge.h"

extern "C" {
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/lsyscache.h"
}

namespace textsense::pg {
namespace {

// Compiled lexicons of this backend: at most kMaxCompiled, and one revision
// of a lexicon per user. A call site may point at an entry until its
// statement ends, so a replaced or evicted entry is only retired, and
// retired entries are freed when the transaction ends (no statement's call
// sites survive it).
struct Compiled {
  std::string name;
  std::int64_t revision;
  Oid user;
  std::unique_ptr<sentiment::Lexicon> lexicon;
};
constexpr std::size_t kMaxCompiled = 16;
// Heap-allocated and never destroyed at exit: no static destructor runs
// after the backend's own teardown.
std::vector<Compiled>* compiled = nullptr;
std::vector<std::unique_ptr<sentiment::Lexicon>>* retired = nullptr;
segment::Segmenter* term_segmenter = nullptr;

void free_retired(XactEvent event, void*) {
  if (retired == nullptr || retired->empty()) return;
  if (event == XACT_EVENT_COMMIT || event == XACT_EVENT_ABORT ||
      event == XACT_EVENT_PARALLEL_COMMIT || event == XACT_EVENT_PARALLEL_ABORT ||
      event == XACT_EVENT_PREPARE)
    retired->clear();
}

const sentiment::Lexicon* find_compiled(const char* name, std::int64_t revision, Oid user) {
  if (compiled == nullptr) return nullptr;
  for (const Compiled& c : *compiled)
    if (c.revision == revision && c.user == user && c.name == name) return c.lexicon.get();
  return nullptr;
}

// Inside run_core: compiles and caches, dropping older revisions of the
// same lexicon for the same user and, beyond the limit, the oldest entry.
const sentiment::Lexicon& compile_and_keep(const char* name, std::int64_t revision, Oid user,
                                           const sentiment::Lexicon& base,
                                           const std::vector<sentiment::CustomTerm>& terms) {
  // Terms are tokenised as the text of their language will be (French
  // elision, Chinese words): one segmenter, remade when the language changes.
  const lang::Profile& profile = lang::profile_for(base.language());
  if (term_segmenter != nullptr && term_segmenter->profile().code != profile.code) {
    delete term_segmenter;
    term_segmenter = nullptr;
  }
  if (term_segmenter == nullptr) term_segmenter = new segment::Segmenter(profile);
  std::unique_ptr<sentiment::Lexicon> lexicon =
      sentiment::compile_custom_lexicon(base, name, terms, *term_segmenter);
  retired->reserve(retired->size() + compiled->size() + 1);  // no throw while moving below
  for (std::size_t i = 0; i < compiled->size();) {
    Compiled& c = (*compiled)[i];
    if ((c.user == user && c.name == name) || (i == 0 && compiled->size() >= kMaxCompiled)) {
      retired->push_back(std::move(c.lexicon));
      compiled->erase(compiled->begin() + static_cast<std::ptrdiff_t>(i));
    } else {
      ++i;
    }
  }
  compiled->push_back(Compiled{name, revision, user, std::move(lexicon)});
  return *compiled->back().lexicon;
}

// The terms of a lexicon as SPI returned them, copied out of SPI's memory.
struct TermRows {
  int count;
  char** terms;
  double* valences;
};

}  // namespace

CustomLexiconSite& function_lexicon_site(FunctionCallInfo fcinfo) {
  if (fcinfo->flinfo->fn_extra == nullptr)
    fcinfo->flinfo->fn_extra =
        MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(CustomLexiconSite));
  return *static_cast<CustomLexiconSite*>(fcinfo->flinfo->fn_extra);
}

const sentiment::Lexicon& custom_lexicon(CustomLexiconSite& site, MemoryContext site_context,
                                         Oid function, const char* language, const char* name) {
  const Oid user = GetUserId();
  if (site.lexicon != nullptr && site.user == user && strcmp(site.name, name) == 0)
    return *site.lexicon;
  static bool callback_registered = false;
  if (!callback_registered) {
    RegisterXactCallback(free_retired, nullptr);
    callback_registered = true;
  }
  prepare_backend_state();  // the base lexicon is loaded below
  run_core([&] {
    if (compiled == nullptr) compiled = new std::vector<Compiled>();
    if (retired == nullptr) retired = new std::vector<std::unique_ptr<sentiment::Lexicon>>();
  });

  const char* schema_name = quote_identifier(get_namespace_name(get_func_namespace(function)));
  Datum args[1] = {CStringGetTextDatum(name)};
  Oid arg_types[1] = {TEXTOID};
  SPI_connect();
  // As the calling user: no privilege, or a row hidden by row-level
  // security, and the lexicon cannot be used.
  if (SPI_execute_with_args(
          psprintf("SELECT lang, revision FROM %s.textsense_lexicon WHERE name = $1", schema_name),
          1, arg_types, args, nullptr, true, 1) != SPI_OK_SELECT)
    elog(ERROR, "textsense: could not read textsense_lexicon");
  if (SPI_processed == 0)
    ereport(ERROR,
            (errcode(ERRCODE_UNDEFINED_OBJECT), errmsg("textsense: no lexicon \"%s\"", name),
             errhint("Custom lexicons are the rows of textsense_lexicon; a row that row-level "
                     "security hides from role \"%s\" counts as missing.",
                     GetUserNameFromId(user, false))));
  bool is_null = false;
  const char* lexicon_language =
      TextDatumGetCString(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &is_null));
  const std::int64_t revision =
      DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &is_null));
  if (language != nullptr && strcmp(lexicon_language, language) != 0)
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("textsense: lexicon \"%s\" is for language \"%s\", not \"%s\"", name,
                           lexicon_language, language)));

  const sentiment::Lexicon* lexicon = find_compiled(name, revision, user);
  if (lexicon == nullptr) {
    if (SPI_execute_with_args(
            psprintf("SELECT term, valence FROM %s.textsense_lexicon_term WHERE lexicon = $1",
                     schema_name),
            1, arg_types, args, nullptr, true, 0) != SPI_OK_SELECT)
      elog(ERROR, "textsense: could not read textsense_lexicon_term");
    // Copied into the caller's context, which outlives SPI_finish().
    MemoryContext spi_context = MemoryContextSwitchTo(site_context);
    TermRows rows{static_cast<int>(SPI_processed),
                  static_cast<char**>(palloc0(sizeof(char*) * (SPI_processed + 1))),
                  static_cast<double*>(palloc0(sizeof(double) * (SPI_processed + 1)))};
    for (int i = 0; i < rows.count; ++i) {
      rows.terms[i] = TextDatumGetCString(
          SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &is_null));
      rows.valences[i] =
          DatumGetFloat8(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2, &is_null));
    }
    MemoryContextSwitchTo(spi_context);
    SPI_finish();
    const lang::Code base_language(lexicon_language);
    run_core([&] {
      const sentiment::Lexicon& base = backend_sentiment_lexicon(base_language);
      std::vector<sentiment::CustomTerm> terms;
      terms.reserve(static_cast<std::size_t>(rows.count));
      for (int i = 0; i < rows.count; ++i) terms.push_back({rows.terms[i], rows.valences[i]});
      lexicon = &compile_and_keep(name, revision, user, base, terms);
    });
    for (int i = 0; i < rows.count; ++i) pfree(rows.terms[i]);
    pfree(rows.terms);
    pfree(rows.valences);
  } else {
    SPI_finish();
  }
  if (site.name != nullptr) pfree(site.name);
  site.name = MemoryContextStrdup(site_context, name);
  site.user = user;
  site.lexicon = lexicon;
  return *lexicon;
}

}  // namespace textsense::pg
