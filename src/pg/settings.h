// The extension's configuration parameters (GUCs), defined in _PG_init:
//   textsense.max_threads                   threads one backend may use for one document
//   textsense.max_threads_limit             the superuser's cap on it (PGC_SUSET)
//   textsense.parallel_min_bytes            document size from which they are used
//   textsense.max_threads_in_parallel_query the cap while PostgreSQL runs a parallel query
//   textsense.max_document_bytes            the largest document any function analyses
#pragma once

#include <cstddef>

namespace textsense::pg {

// Registers the parameters (call once, from _PG_init).
void define_settings();

// What the current call may use. Call outside run_core() (it asks
// PostgreSQL whether a parallel query is running).
struct CallSettings {
  std::size_t threads;       // 1: the backend's own thread only
  std::size_t pool_threads;  // the pool's size under textsense.max_threads
  std::size_t min_bytes;
};
CallSettings current_call_settings();

// textsense.max_document_bytes: documents longer than this (in bytes of the
// server encoding, what octet_length() counts) are refused with an ERROR.
std::size_t max_document_bytes();

}  // namespace textsense::pg
