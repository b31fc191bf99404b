#include "pg/arguments.h"

namespace textsense::pg {

text* cstring_text(std::string_view s) {
  return cstring_to_text_with_len(s.data(), static_cast<int>(s.size()));
}

}  // namespace textsense::pg
