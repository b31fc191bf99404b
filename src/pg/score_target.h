// What the scoring trigger (and textsense_backfill) writes where: the
// source column it reads, the target column it fills and, from the
// target's type, whether that is the score (double precision, real,
// numeric), the label (text, varchar) or the whole sentiment_detail (jsonb).
// Domains over those types count as their base type, with their
// constraints checked on every value.
#pragma once

#include "core/lang/code.h"
#include "core/sentiment/analyzer.h"
#include "pg/postgres_headers.h"

extern "C" {
#include "utils/rel.h"
}

namespace textsense::pg {

enum class TargetKind { kScore, kLabel, kDetail };

struct ScoreTarget {
  AttrNumber source;
  AttrNumber target;
  TargetKind kind;
  Oid target_type;    // as declared: may be a domain
  Oid base_type;      // FLOAT8OID, FLOAT4OID, NUMERICOID, TEXTOID, VARCHAROID or JSONBOID
  int32 base_typmod;  // numeric(p, s) or varchar(n), else -1
};

// Resolves the two column names on `rel`, raising a clear error for a
// missing, system, dropped or generated column, a source that is not text,
// a target of an unsupported type, or the same column twice.
ScoreTarget resolve_score_target(Relation rel, const char* source_column,
                                 const char* target_column);

// "score", "label" or "detail".
const char* target_kind_name(TargetKind kind);

// The value of `result` for the target column, coerced as an assignment
// would (numeric and varchar type modifiers, domain constraints). A NULL
// (`is_null`) is checked against a domain's constraints too. A text that
// was not analysed (a language without a lexicon) gives NULL (`is_null` is
// set), or for a detail target the JSON with NULL scores and its `language`.
// `domain_cache` is domain_check()'s per-call-site cache, allocated in
// `cache_context`.
Datum target_value(const ScoreTarget& target, const sentiment::DocumentSentiment* result,
                   lang::Code language, bool& is_null, void** domain_cache,
                   MemoryContext cache_context);

}  // namespace textsense::pg
