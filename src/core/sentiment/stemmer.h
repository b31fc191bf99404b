// Snowball stemming (libstemmer, the stemmers PostgreSQL's text search
// uses) for matching inflected forms the lexicon does not list: "buenísimas"
// and "buenos" both reach the stem of "bueno". A lexicon names its
// algorithm in its header (LexiconHeader::stemmer); the compiler stores the
// stems of its valence words under stem_key(), and the engine looks a word
// up by its stem only when the word itself is not a term.
#pragma once

#include <string_view>

struct sb_stemmer;

namespace textsense::sentiment {

class Stemmer {
 public:
  // An empty name is "no stemming"; an unknown one throws ModelError.
  explicit Stemmer(std::string_view algorithm);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  bool active() const { return stemmer_ != nullptr; }
  // The stem of a lower-cased UTF-8 word; the view lives until the next
  // call. Not thread-safe (libstemmer keeps state): one per analyzer.
  std::string_view stem(std::string_view word);

  // Whether libstemmer has the algorithm (UTF-8).
  static bool known(std::string_view algorithm);

 private:
  sb_stemmer* stemmer_ = nullptr;
};

}  // namespace textsense::sentiment
