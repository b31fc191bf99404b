#include "core/sentiment/text.h"

#include "core/common/utf8.h"

namespace textsense::sentiment {

namespace {

// Writes the lookup form of `token` to out[0, token.size()) (it is never
// longer) and returns its length. Written through a pointer into storage
// sized up front: this runs for every word of every text, and push_back's
// checks showed in profiles.
std::size_t write_lookup_form(std::string_view token, char* out, Casing& casing) {
  char* w = out;
  std::size_t upper = 0, lower = 0;
  for (std::size_t i = 0; i < token.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(token[i]);
    if (static_cast<unsigned>(c - 'A') < 26u) {
      ++upper;
      *w++ = static_cast<char>(c + ('a' - 'A'));
    } else if (static_cast<unsigned>(c - 'a') < 26u) {
      ++lower;
      *w++ = static_cast<char>(c);
    } else if (c == 0xE2 && i + 2 < token.size() && token[i + 1] == '\x80' &&
               token[i + 2] == '\x99') {
      *w++ = '\'';  // U+2019 RIGHT SINGLE QUOTATION MARK
      i += 2;
    } else {
      *w++ = static_cast<char>(c);
    }
  }
  casing.has_letters = upper + lower > 0;
  casing.all_caps = upper >= 2 && lower == 0;
  return static_cast<std::size_t>(w - out);
}

}  // namespace

Casing lookup_form(std::string_view token, std::string& out) {
  out.resize(token.size());
  Casing casing;
  out.resize(write_lookup_form(token, out.data(), casing));
  return casing;
}

namespace {
bool is_modifier(char32_t c) {
  return (c >= 0x1F3FB && c <= 0x1F3FF) || c == 0xFE0E || c == 0xFE0F;
}
}  // namespace

bool strip_emoji_modifiers(std::string_view emoji, std::string& out) {
  out.clear();
  bool changed = false;
  for (std::size_t i = 0; i < emoji.size();) {
    const std::size_t start = i;
    const char32_t c = utf8::decode(emoji, i);
    if (is_modifier(c)) {
      changed = true;
      continue;
    }
    out.append(emoji.substr(start, i - start));
  }
  return changed;
}

std::string_view primary_form(segment::TokenKind kind, std::string_view token, std::string& buffer,
                              Casing& casing) {
  casing = Casing();
  switch (kind) {
    case segment::TokenKind::kPunctuation:
    case segment::TokenKind::kEmoticon:
      return token;
    case segment::TokenKind::kEmoji:
      return strip_emoji_modifiers(token, buffer) ? std::string_view(buffer) : token;
    case segment::TokenKind::kHashtag:
      token.remove_prefix(1);
      break;
    default:
      break;
  }
  // The buffer only grows, and the form is the view's length of it:
  // resizing it twice a token was 3 % of sentiment()'s instructions.
  if (buffer.size() < token.size()) buffer.resize(token.size());
  return std::string_view(buffer.data(), write_lookup_form(token, buffer.data(), casing));
}

bool first_zwj_component(std::string_view emoji, std::string& out) {
  constexpr std::string_view kZwj = "\xE2\x80\x8D";  // U+200D
  const std::size_t zwj = emoji.find(kZwj);
  if (zwj == std::string_view::npos || zwj == 0) return false;
  strip_emoji_modifiers(emoji.substr(0, zwj), out);
  return true;
}

bool collapse_elongation(std::string_view form, std::size_t keep, std::string& out) {
  // Most words have no run of three: find that out before writing anything.
  bool any = false;
  for (std::size_t i = 2; i < form.size() && !any; ++i)
    any = form[i] == form[i - 1] && form[i] == form[i - 2];
  if (!any) return false;
  out.clear();
  bool elongated = false;
  for (std::size_t i = 0; i < form.size();) {
    const char c = form[i];
    std::size_t run = 1;
    while (i + run < form.size() && form[i + run] == c) ++run;
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter && run >= 3) {
      elongated = true;
      out.append(keep, c);
    } else {
      out.append(run, c);
    }
    i += run;
  }
  return elongated;
}

}  // namespace textsense::sentiment
