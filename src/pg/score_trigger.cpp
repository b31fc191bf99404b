// textsense_score_trigger(source_column, target_column [, lang [, lexicon]]): a BEFORE
// INSERT OR UPDATE ... FOR EACH ROW trigger that keeps a column's sentiment
// next to its text, in the spirit of PostgreSQL's tsvector_update_trigger.
// And textsense_score_target(tbl, source_column, target_column), which
// checks the same arguments for textsense_backfill (and for users) without
// a trigger.
#include "core/sentiment/analyzer.h"
#include "pg/arguments.h"
#include "pg/languages.h"
#include "pg/backend_state.h"
#include "pg/custom_lexicons.h"
#include "pg/postgres_headers.h"
#include "pg/score_target.h"
#include "pg/sentiment_scoring.h"

extern "C" {
#include "access/detoast.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "catalog/pg_class.h"
#include "commands/trigger.h"
#include "utils/datum.h"
}

namespace textsense::pg {
namespace {

// What one trigger on one relation needs for every row, resolved on its
// first row of a statement and kept in the trigger's FmgrInfo (which lives
// as long as the statement; no DDL can change the table under it).
struct TriggerPlan {
  Oid relation;
  Oid trigger;
  ScoreTarget target;
  runtime::LanguageRequest language;
  const char* lexicon;  // a custom lexicon's name, or nullptr
  CustomLexiconSite lexicon_site;
  void* domain_cache;
};

void check_trigger_kind(const TriggerData* data) {
  const char* name = data->tg_trigger->tgname;
  if (!TRIGGER_FIRED_FOR_ROW(data->tg_event))
    ereport(ERROR, (errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
                    errmsg("textsense_score_trigger: trigger \"%s\" must be FOR EACH ROW", name)));
  if (!TRIGGER_FIRED_BEFORE(data->tg_event))
    ereport(ERROR,
            (errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
             errmsg("textsense_score_trigger: trigger \"%s\" must be a BEFORE trigger", name),
             errhint("An AFTER trigger cannot change the row it fires for: use CREATE TRIGGER "
                     "... BEFORE INSERT OR UPDATE ... FOR EACH ROW.")));
  if (!TRIGGER_FIRED_BY_INSERT(data->tg_event) && !TRIGGER_FIRED_BY_UPDATE(data->tg_event))
    ereport(ERROR,
            (errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
             errmsg("textsense_score_trigger: trigger \"%s\" must fire on INSERT or UPDATE only",
                    name)));
}

TriggerPlan& trigger_plan(FunctionCallInfo fcinfo, const TriggerData* data) {
  TriggerPlan* plan = static_cast<TriggerPlan*>(fcinfo->flinfo->fn_extra);
  const Oid relation = RelationGetRelid(data->tg_relation);
  if (plan != nullptr && plan->relation == relation && plan->trigger == data->tg_trigger->tgoid)
    return *plan;
  const Trigger* trigger = data->tg_trigger;
  if (trigger->tgnargs < 2 || trigger->tgnargs > 4)
    ereport(ERROR,
            (errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
             errmsg("textsense_score_trigger: trigger \"%s\" has %d arguments, expected 2 to 4",
                    trigger->tgname, trigger->tgnargs),
             errhint("EXECUTE FUNCTION textsense_score_trigger(source_column, target_column "
                     "[, lang [, lexicon]]), e.g. textsense_score_trigger('body', 'score').")));
  const ScoreTarget target =
      resolve_score_target(data->tg_relation, trigger->tgargs[0], trigger->tgargs[1]);
  // Without a lang argument: 'auto', as the one-argument sentiment().
  const runtime::LanguageRequest language =
      trigger->tgnargs >= 3 ? language_request(trigger->tgargs[2], lang::ModelKind::kSentiment)
                            : runtime::LanguageRequest::automatic_choice();
  if (plan == nullptr)
    plan = static_cast<TriggerPlan*>(
        MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(TriggerPlan)));
  plan->relation = relation;
  plan->trigger = trigger->tgoid;
  plan->target = target;
  plan->language = language;
  plan->lexicon = trigger->tgnargs == 4
                      ? MemoryContextStrdup(fcinfo->flinfo->fn_mcxt, trigger->tgargs[3])
                      : nullptr;
  plan->lexicon_site = CustomLexiconSite{};
  plan->domain_cache = nullptr;
  fcinfo->flinfo->fn_extra = plan;
  return *plan;
}

// Whether two non-NULL text values hold the same bytes. An UPDATE that does
// not assign the column keeps the very same (possibly TOAST pointer) datum,
// which the first comparison catches without reading the text.
bool same_text(Datum a, Datum b) {
  if (datumIsEqual(a, b, false, -1)) return true;
  if (toast_raw_datum_size(a) != toast_raw_datum_size(b)) return false;
  text* x = DatumGetTextPP(a);
  text* y = DatumGetTextPP(b);
  return VARSIZE_ANY_EXHDR(x) == VARSIZE_ANY_EXHDR(y) &&
         memcmp(VARDATA_ANY(x), VARDATA_ANY(y), VARSIZE_ANY_EXHDR(x)) == 0;
}

// On UPDATE the row keeps its target value when the source did not change,
// unless the source has text and the target is NULL (a row written before
// the trigger existed): that one is scored now.
bool update_needs_score(const TriggerData* data, const TriggerPlan& plan) {
  const TupleDesc desc = RelationGetDescr(data->tg_relation);
  bool old_null = false, new_null = false, target_null = false;
  const Datum old_text = heap_getattr(data->tg_trigtuple, plan.target.source, desc, &old_null);
  const Datum new_text = heap_getattr(data->tg_newtuple, plan.target.source, desc, &new_null);
  if (old_null != new_null) return true;
  if (new_null) return false;
  heap_getattr(data->tg_newtuple, plan.target.target, desc, &target_null);
  return target_null || !same_text(old_text, new_text);
}

}  // namespace
}  // namespace textsense::pg

using namespace textsense::pg;

TEXTSENSE_SQL_FUNCTION(textsense_score_trigger) {
  if (!CALLED_AS_TRIGGER(fcinfo))
    ereport(ERROR, (errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
                    errmsg("textsense_score_trigger: not called by the trigger manager"),
                    errhint("Use it in CREATE TRIGGER ... BEFORE INSERT OR UPDATE ON table FOR "
                            "EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', "
                            "'score').")));
  const TriggerData* data = reinterpret_cast<TriggerData*>(fcinfo->context);
  check_trigger_kind(data);
  TriggerPlan& plan = trigger_plan(fcinfo, data);
  const bool update = TRIGGER_FIRED_BY_UPDATE(data->tg_event);
  HeapTuple row = update ? data->tg_newtuple : data->tg_trigtuple;
  if (update && !update_needs_score(data, plan)) return PointerGetDatum(row);

  const TupleDesc desc = RelationGetDescr(data->tg_relation);
  bool source_null = false;
  const Datum source = heap_getattr(row, plan.target.source, desc, &source_null);
  ScoredText scored;
  if (!source_null) {
    const textsense::sentiment::Lexicon* custom =
        plan.lexicon == nullptr
            ? nullptr
            : &custom_lexicon(plan.lexicon_site, fcinfo->flinfo->fn_mcxt, fcinfo->flinfo->fn_oid,
                              plan.language.automatic ? nullptr : plan.language.code.c_str(),
                              plan.lexicon);
    score_text(DatumGetTextPP(source), plan.language, custom,
               textsense::runtime::SentimentOutput::kDocument, scored);
    trim_backend_buffers();
  }
  bool value_null = source_null;
  Datum value = target_value(plan.target, &scored.result, scored.outcome.language, value_null,
                             &plan.domain_cache, fcinfo->flinfo->fn_mcxt);
  int column = plan.target.target;
  return PointerGetDatum(heap_modify_tuple_by_cols(row, desc, 1, &column, &value, &value_null));
}

// textsense_score_target(tbl regclass, source_column text, target_column text) -> text
TEXTSENSE_SQL_FUNCTION(textsense_score_target) {
  const Oid relid = PG_GETARG_OID(0);
  const char* source = text_to_cstring(PG_GETARG_TEXT_PP(1));
  const char* target = text_to_cstring(PG_GETARG_TEXT_PP(2));
  Relation rel = relation_open(relid, AccessShareLock);
  if (rel->rd_rel->relkind != RELKIND_RELATION && rel->rd_rel->relkind != RELKIND_PARTITIONED_TABLE)
    ereport(ERROR, (errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("textsense: \"%s\" is not a table", RelationGetRelationName(rel))));
  const ScoreTarget resolved = resolve_score_target(rel, source, target);
  relation_close(rel, AccessShareLock);
  PG_RETURN_TEXT_P(cstring_text(target_kind_name(resolved.kind)));
}
