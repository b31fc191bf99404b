#include "pg/bridge.h"

#include <new>

#include "core/common/errors.h"
#include "pg/postgres_headers.h"

namespace textsense::pg {
namespace {

void copy_message(ErrorReport& report, const char* what) noexcept {
  strlcpy(report.message, what, sizeof report.message);
}

}  // namespace

void capture_current_exception(ErrorReport& report) noexcept {
  try {
    throw;
  } catch (const InvalidUtf8Error& e) {
    report.kind = ErrorReport::kInvalidInput;
    copy_message(report, e.what());
  } catch (const InvalidTermError& e) {
    report.kind = ErrorReport::kInvalidTerm;
    copy_message(report, e.what());
  } catch (const InputTooLargeError& e) {
    report.kind = ErrorReport::kTooLarge;
    copy_message(report, e.what());
  } catch (const CancelledError& e) {
    report.kind = ErrorReport::kCancelled;
    copy_message(report, e.what());
  } catch (const ModelError& e) {
    report.kind =
        e.kind() == ModelError::kMissing ? ErrorReport::kModelMissing : ErrorReport::kModelDamaged;
    copy_message(report, e.what());
  } catch (const std::bad_alloc&) {
    report.kind = ErrorReport::kOutOfMemory;
    copy_message(report, "out of memory in the textsense core");
  } catch (const std::exception& e) {
    report.kind = ErrorReport::kInternal;
    copy_message(report, e.what());
  } catch (...) {
    report.kind = ErrorReport::kInternal;
    copy_message(report, "unknown C++ exception");
  }
}

void raise_error(const ErrorReport& report) {
  switch (report.kind) {
    case ErrorReport::kInvalidInput:
      ereport(ERROR, (errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
                      errmsg("textsense: %s", report.message),
                      errhint("textsense reads text as UTF-8. In a SQL_ASCII database every "
                              "value must be valid UTF-8; other server encodings are "
                              "converted automatically.")));
      break;
    case ErrorReport::kInvalidTerm:
      ereport(ERROR,
              (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("textsense: %s", report.message),
               errhint("Correct or delete the term in textsense_lexicon_term.")));
      break;
    case ErrorReport::kTooLarge:
      ereport(ERROR,
              (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED), errmsg("textsense: %s", report.message)));
      break;
    case ErrorReport::kCancelled:
      // The core stopped because an interrupt is pending: let PostgreSQL
      // raise the real error (cancel, timeout or terminate).
      CHECK_FOR_INTERRUPTS();
      ereport(ERROR, (errcode(ERRCODE_QUERY_CANCELED), errmsg("textsense: %s", report.message)));
      break;
    case ErrorReport::kOutOfMemory:
      ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("textsense: %s", report.message)));
      break;
    case ErrorReport::kModelMissing:
    case ErrorReport::kModelDamaged:
      ereport(ERROR, (errcode(report.kind == ErrorReport::kModelMissing ? ERRCODE_UNDEFINED_FILE
                                                                        : ERRCODE_DATA_CORRUPTED),
                      errmsg("textsense: %s", report.message),
                      errhint("The model files are installed with the extension (make install "
                              "copies models/ to the \"textsense\" folder of the server's "
                              "share directory); reinstall textsense to restore them.")));
      break;
    case ErrorReport::kNone:
    case ErrorReport::kInternal:
      ereport(ERROR, (errcode(ERRCODE_INTERNAL_ERROR),
                      errmsg("textsense internal error: %s", report.message)));
      break;
  }
  pg_unreachable();
}

}  // namespace textsense::pg
