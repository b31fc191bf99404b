// Sample English texts shared by the benchmarks: a tweet-sized text and a
// hotel-review paragraph (both written for this project).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace textsense::bench {

inline const char* const kTweet =
    "Just got my new phone and the battery life is amazing!! Can't believe it's only $299 "
    "@shop #happy";
inline const char* const kParagraph =
    "We stayed three nights at the hotel in October. The room was spacious and clean, and the "
    "bed was very comfortable, but the air conditioning didn't work well and the street noise "
    "kept us awake. Breakfast was excellent: fresh fruit, good coffee and friendly staff. The "
    "location is perfect for exploring the old town, about 5 minutes from the station. Would "
    "we stay again? Probably yes, if they fix the A/C. Overall a good experience for the price.";

// `unit` repeated, a space after each, until at least `bytes` long: the
// benchmarks' 1 MB documents.
inline std::string repeat_to(std::string_view unit, std::size_t bytes) {
  std::string out;
  while (out.size() < bytes) out.append(unit).push_back(' ');
  return out;
}

}  // namespace textsense::bench
