#include "pg/score_target.h"

#include "pg/arguments.h"

extern "C" {
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "parser/parse_coerce.h"
#include "utils/float.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
}

namespace textsense::pg {
namespace {

// The attribute number of `name` on `rel`, or an error naming both.
AttrNumber user_column(Relation rel, const char* name, const char* role) {
  const int attnum = SPI_fnumber(RelationGetDescr(rel), name);
  if (attnum == SPI_ERROR_NOATTRIBUTE)
    ereport(ERROR, (errcode(ERRCODE_UNDEFINED_COLUMN),
                    errmsg("textsense: %s column \"%s\" of relation \"%s\" does not exist", role,
                           name, RelationGetRelationName(rel))));
  if (attnum <= 0)
    ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("textsense: %s column \"%s\" is a system column", role, name)));
  return static_cast<AttrNumber>(attnum);
}

bool is_score_type(Oid type) {
  return type == FLOAT8OID || type == FLOAT4OID || type == NUMERICOID;
}

}  // namespace

ScoreTarget resolve_score_target(Relation rel, const char* source_column,
                                 const char* target_column) {
  const TupleDesc desc = RelationGetDescr(rel);
  ScoreTarget t{};
  t.source = user_column(rel, source_column, "source");
  t.target = user_column(rel, target_column, "target");
  if (t.source == t.target)
    ereport(ERROR,
            (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
             errmsg("textsense: source and target are the same column \"%s\"", source_column)));

  const Form_pg_attribute source = TupleDescAttr(desc, t.source - 1);
  if (!IsBinaryCoercible(source->atttypid, TEXTOID))
    ereport(ERROR, (errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("textsense: source column \"%s\" is of type %s, not text", source_column,
                           format_type_be(source->atttypid)),
                    errhint("The source column must be text, varchar or a domain over them.")));

  const Form_pg_attribute target = TupleDescAttr(desc, t.target - 1);
  if (target->attgenerated != '\0')
    ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("textsense: target column \"%s\" is a generated column", target_column),
                    errhint("A generated column computes its own value, e.g. GENERATED ALWAYS "
                            "AS (sentiment(body)) STORED; the trigger fills plain columns.")));
  t.target_type = target->atttypid;
  t.base_typmod = target->atttypmod;
  t.base_type = getBaseTypeAndTypmod(target->atttypid, &t.base_typmod);
  if (is_score_type(t.base_type)) t.kind = TargetKind::kScore;
  else if (t.base_type == TEXTOID || t.base_type == VARCHAROID) t.kind = TargetKind::kLabel;
  else if (t.base_type == JSONBOID) t.kind = TargetKind::kDetail;
  else
    ereport(ERROR,
            (errcode(ERRCODE_DATATYPE_MISMATCH),
             errmsg("textsense: target column \"%s\" is of type %s", target_column,
                    format_type_be(target->atttypid)),
             errhint("The target column must be double precision, real or numeric (the score), "
                     "text or varchar (the label) or jsonb (the whole sentiment_detail).")));
  return t;
}

const char* target_kind_name(TargetKind kind) {
  switch (kind) {
    case TargetKind::kScore: return "score";
    case TargetKind::kLabel: return "label";
    case TargetKind::kDetail: return "detail";
  }
  return "score";
}

Datum target_value(const ScoreTarget& target, const sentiment::DocumentSentiment* result,
                   lang::Code language, bool& is_null, void** domain_cache,
                   MemoryContext cache_context) {
  Datum value = (Datum)0;
  // A text in a language without a lexicon: NULL, as sentiment() gives,
  // except for the detail, which says what the language was.
  if (!is_null && !result->analysed && target.kind != TargetKind::kDetail) is_null = true;
  if (!is_null) {
    switch (target.kind) {
      case TargetKind::kScore:
        // The casts an assignment of sentiment() would apply.
        value = Float8GetDatum(result->score);
        if (target.base_type == FLOAT4OID) {
          value = DirectFunctionCall1(dtof, value);
        } else if (target.base_type == NUMERICOID) {
          value = DirectFunctionCall1(float8_numeric, value);
          if (target.base_typmod >= 0)
            value = DirectFunctionCall2(numeric, value, Int32GetDatum(target.base_typmod));
        }
        break;
      case TargetKind::kLabel:
        value = PointerGetDatum(cstring_text(sentiment::label_name(result->label)));
        if (target.base_type == VARCHAROID && target.base_typmod >= 0)
          value = DirectFunctionCall3(varchar, value, Int32GetDatum(target.base_typmod),
                                      BoolGetDatum(false));
        break;
      case TargetKind::kDetail: {
        // The same text to_jsonb(sentiment_detail(doc)) produces, float8out
        // digits included, parsed by jsonb_in.
        StringInfoData json;
        initStringInfo(&json);
        const std::string_view label = sentiment::label_name(result->label);
        if (result->analysed)
          appendStringInfo(&json,
                           "{\"score\": %s, \"label\": \"%.*s\", \"positive\": %s, "
                           "\"negative\": %s, \"neutral\": %s, ",
                           float8out_internal(result->score), static_cast<int>(label.size()),
                           label.data(), float8out_internal(result->positive),
                           float8out_internal(result->negative),
                           float8out_internal(result->neutral));
        else
          appendStringInfoString(&json,
                                 "{\"score\": null, \"label\": null, \"positive\": null, "
                                 "\"negative\": null, \"neutral\": null, ");
        appendStringInfo(&json, "\"sentences\": %d, \"tokens\": %d, \"lang\": ",
                         static_cast<int>(result->sentences), static_cast<int>(result->tokens));
        // Codes are lower-case ASCII letters: nothing to escape.
        if (language.empty()) appendStringInfoString(&json, "null}");
        else appendStringInfo(&json, "\"%s\"}", language.c_str());
        value = DirectFunctionCall1(jsonb_in, CStringGetDatum(json.data));
        break;
      }
    }
  }
  if (target.target_type != target.base_type)
    domain_check(value, is_null, target.target_type, domain_cache, cache_context);
  return value;
}

}  // namespace textsense::pg
