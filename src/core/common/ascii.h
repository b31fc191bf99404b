// Locale-independent ASCII character tests (<cctype> depends on the C
// locale, which a PostgreSQL backend sets from the database).
#pragma once

namespace textsense::ascii {

inline bool is_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool is_alnum(unsigned char c) { return is_letter(c) || is_digit(c); }
// Space, tab, LF, VT, FF, CR.
inline bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

}  // namespace textsense::ascii
