#include "pg/settings.h"

#include <unistd.h>

#include <algorithm>

#include "core/runtime/document_pipeline.h"
#include "pg/postgres_headers.h"

extern "C" {
#include "access/xact.h"
#include "utils/guc.h"
}

namespace textsense::pg {
namespace {

int max_threads = 1;
int max_threads_limit = 1;
int parallel_min_bytes = static_cast<int>(runtime::ParallelSettings::kDefaultMinBytes);
int max_threads_in_parallel_query = 1;
// 1GB: larger than any text value PostgreSQL can hold (1 GB minus its
// header), so by default nothing is refused.
constexpr int kDefaultMaxDocumentBytes = 1024 * 1024 * 1024;
int max_document_bytes_setting = kDefaultMaxDocumentBytes;

// One thread per core, but no more than 8 by default: past that a single
// document rarely has enough sentences per chunk to keep them busy, and
// many busy backends would fight for the same cores.
int default_max_threads() {
  const long cores = sysconf(_SC_NPROCESSORS_ONLN);
  return static_cast<int>(std::clamp(cores, 1L, 8L));
}

int online_cores() { return static_cast<int>(std::clamp(sysconf(_SC_NPROCESSORS_ONLN), 1L, 64L)); }

// textsense.max_threads in effect: never above the superuser's cap.
int effective_max_threads() { return std::min(max_threads, max_threads_limit); }

// A SET (or an ALTER ROLE/DATABASE ... SET being checked) above the cap is
// refused with the reason; a value from the configuration file, PGOPTIONS
// or a stored role setting is kept and clamped where it is used, so that
// a later, lower cap does not make logins or reloads fail.
bool check_max_threads(int* newval, void**, GucSource source) {
  if (*newval <= max_threads_limit || source < PGC_S_INTERACTIVE) return true;
  GUC_check_errcode(ERRCODE_INSUFFICIENT_PRIVILEGE);
  GUC_check_errmsg("textsense.max_threads cannot exceed textsense.max_threads_limit (%d)",
                   max_threads_limit);
  GUC_check_errhint("textsense.max_threads_limit is set by a superuser.");
  return false;
}

const char* show_max_threads() {
  static char buffer[16];
  snprintf(buffer, sizeof buffer, "%d", effective_max_threads());
  return buffer;
}

}  // namespace

void define_settings() {
  // The cap first: textsense.max_threads's check reads it.
  max_threads_limit = online_cores();
  DefineCustomIntVariable(
      "textsense.max_threads_limit",
      "Most threads any session may use for one document: caps textsense.max_threads.",
      "Only superusers may change it (postgresql.conf, ALTER SYSTEM, ALTER ROLE/DATABASE ... "
      "SET, or SET in a superuser's session), so the users it protects the server from cannot "
      "raise it. A SET of textsense.max_threads above it is refused; a higher value from the "
      "configuration or a role's settings is clamped to it. The default is the number of CPU "
      "cores.",
      &max_threads_limit, max_threads_limit, 1, 64, PGC_SUSET, 0, nullptr, nullptr, nullptr);
  max_threads = std::min(default_max_threads(), max_threads_limit);
  DefineCustomIntVariable(
      "textsense.max_threads",
      "Threads one backend may use to analyse one large document (1: no extra threads).",
      "A document of at least textsense.parallel_min_bytes is cut at sentence boundaries and "
      "its chunks are analysed by up to this many threads, the backend's own included. The "
      "default is the number of CPU cores, at most 8; never more than "
      "textsense.max_threads_limit, which SHOW reflects.",
      &max_threads, max_threads, 1, 64, PGC_USERSET, 0, check_max_threads, nullptr,
      show_max_threads);
  DefineCustomIntVariable(
      "textsense.parallel_min_bytes",
      "Document size from which textsense splits the work across threads.",
      "Smaller documents are analysed by the backend's own thread: waking another thread "
      "costs more than it saves on them.",
      &parallel_min_bytes, parallel_min_bytes, 1024, INT_MAX, PGC_USERSET, GUC_UNIT_BYTE, nullptr,
      nullptr, nullptr);
  DefineCustomIntVariable(
      "textsense.max_threads_in_parallel_query",
      "Threads per backend while PostgreSQL runs a parallel query.",
      "PostgreSQL's parallel workers already keep the cores busy, so by default each of them "
      "(and the leader) analyses its rows on its own thread. Never more than "
      "textsense.max_threads.",
      &max_threads_in_parallel_query, 1, 1, 64, PGC_USERSET, 0, nullptr, nullptr, nullptr);
  DefineCustomIntVariable(
      "textsense.max_document_bytes",
      "Largest document, in bytes, that textsense functions analyse; longer ones are an error.",
      "Every function that analyses a document (sentiment and its variants, pos_tag, tokens, "
      "sentences, textsense_score_trigger) raises an error for a longer one instead of "
      "analysing it. The analysis holds memory that work_mem does not bound (about 13 times "
      "the document's size for pos_tag and tokens), so this caps what one call can take. The "
      "default, 1GB, refuses nothing PostgreSQL can store. Only superusers may change it "
      "(SET, ALTER ROLE or ALTER DATABASE ... SET, postgresql.conf), so a limit set for "
      "users cannot be raised by the users it protects the server from.",
      &max_document_bytes_setting, kDefaultMaxDocumentBytes, 0, INT_MAX, PGC_SUSET, GUC_UNIT_BYTE,
      nullptr, nullptr, nullptr);
  MarkGUCPrefixReserved("textsense");
}

CallSettings current_call_settings() {
  CallSettings s;
  const int threads = effective_max_threads();
  s.pool_threads = static_cast<std::size_t>(threads);
  s.threads = IsInParallelMode()
                  ? static_cast<std::size_t>(std::min(threads, max_threads_in_parallel_query))
                  : s.pool_threads;
  s.min_bytes = static_cast<std::size_t>(parallel_min_bytes);
  return s;
}

std::size_t max_document_bytes() { return static_cast<std::size_t>(max_document_bytes_setting); }

}  // namespace textsense::pg
