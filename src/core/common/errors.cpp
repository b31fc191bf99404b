#include "core/common/errors.h"

#include <unicode/utypes.h>

namespace textsense {

InvalidUtf8Error::InvalidUtf8Error(std::size_t byte_offset)
    : Error("invalid UTF-8 byte sequence at byte offset " + std::to_string(byte_offset)),
      byte_offset_(byte_offset) {}

InputTooLargeError::InputTooLargeError(std::size_t bytes)
    : Error("input of " + std::to_string(bytes) + " bytes exceeds the limit of 4294967294 bytes") {}

IcuError::IcuError(const char* what_failed, int icu_status)
    : std::runtime_error(std::string("ICU error in ") + what_failed + ": " +
                         u_errorName(static_cast<UErrorCode>(icu_status))) {}

}  // namespace textsense
