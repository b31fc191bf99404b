// Sample English texts shared by the benchmarks: a tweet-sized text and a
// hotel-review paragraph (both written for this project).
#pragma once

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

}  // namespace textsense::bench
