#include "core/sentiment/stemmer.h"

#include <libstemmer.h>

#include <string>

#include "core/common/errors.h"

namespace textsense::sentiment {

Stemmer::Stemmer(std::string_view algorithm) {
  if (algorithm.empty()) return;
  const std::string name(algorithm);
  stemmer_ = sb_stemmer_new(name.c_str(), "UTF_8");
  if (stemmer_ == nullptr)
    throw ModelError(ModelError::kDamaged,
                     "the sentiment lexicon asks for the Snowball stemmer \"" + name +
                         "\", which this libstemmer does not have");
}

Stemmer::~Stemmer() {
  if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
}

std::string_view Stemmer::stem(std::string_view word) {
  const sb_symbol* out = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  // NULL only when libstemmer cannot allocate: no stem, so no match.
  if (out == nullptr) return {};
  return std::string_view(reinterpret_cast<const char*>(out),
                          static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
}

bool Stemmer::known(std::string_view algorithm) {
  const std::string name(algorithm);
  sb_stemmer* s = sb_stemmer_new(name.c_str(), "UTF_8");
  if (s == nullptr) return false;
  sb_stemmer_delete(s);
  return true;
}

}  // namespace textsense::sentiment
