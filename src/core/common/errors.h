// Exceptions thrown by the core. The PostgreSQL bridge maps each class to an
// SQLSTATE; the CLI maps them to exit codes. Anything else that escapes the
// core (std::bad_alloc, ICU failures) is reported as an internal error.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace textsense {

// Base class: errors caused by the caller's input or a stop request.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The input is not well-formed UTF-8 (a stray continuation byte, an
// overlong form, a surrogate, a truncated sequence or a code point above
// U+10FFFF). The offset is the first bad byte.
class InvalidUtf8Error : public Error {
 public:
  explicit InvalidUtf8Error(std::size_t byte_offset);
  std::size_t byte_offset() const { return byte_offset_; }

 private:
  std::size_t byte_offset_;
};

// The input exceeds what the core can address (offsets are 32-bit).
class InputTooLargeError : public Error {
 public:
  explicit InputTooLargeError(std::size_t bytes);
};

// The caller's StopSignal asked the core to stop; no result was produced.
class CancelledError : public Error {
 public:
  CancelledError() : Error("analysis cancelled") {}
};

// A custom sentiment term (compile_custom_lexicon) that cannot be used: an
// empty term, one without a word, too many tokens, a valence outside
// [-4, 4], two terms that are the same once normalised, ... The message
// names the offending term(s) as the user wrote them (cut to 80 bytes).
// Derived from Error: it is the caller's input, not an internal fault.
class InvalidTermError : public Error {
 public:
  using Error::Error;
};

// A model file is missing, unreadable, damaged, truncated or built for
// another format or feature set. Not the caller's input: the bridge reports
// it with a hint about reinstalling the extension's models.
class ModelError : public std::runtime_error {
 public:
  enum Kind { kMissing, kDamaged };
  ModelError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// ICU reported a failure (missing data, out of memory inside ICU).
class IcuError : public std::runtime_error {
 public:
  IcuError(const char* what_failed, int icu_status);
};

}  // namespace textsense
