// A walk along one of ICU's UCharsTrie tries (ICU's dictionary of Chinese
// and Japanese words is one), read directly from its serialized form, so
// that the step the word search takes at every character is inlined
// rather than three calls into libicuuc (UCharsTrie::next, nextImpl,
// branchNext: a quarter of segmenting a Japanese tweet). The format is
// ICU's stable serialized form, documented with its node encodings in
// unicode/ucharstrie.h; the results are UCharsTrie::next()'s for the same
// units, which CjkDictionary checks at load for the first step from every
// character and, through ICU's own word iterator, for whole runs.
#pragma once

#include <unicode/ustringtrie.h>

#include <cstdint>

namespace textsense::segment {

class UCharsTrieWalk {
 public:
  UCharsTrieWalk() = default;
  // At the root of the trie whose first unit is `root`.
  explicit UCharsTrieWalk(const char16_t* root) : pos_(root) {}
  // At a place saved by offset() and remaining() from a walk of `root`.
  UCharsTrieWalk(const char16_t* root, std::uint32_t offset, std::int32_t remaining)
      : pos_(root + offset), remaining_(remaining) {}

  // Reads one more unit (as UCharsTrie::next(uchar): a value above 0xFFFF
  // matches nothing). After USTRINGTRIE_NO_MATCH the walk is over.
  UStringTrieResult next(std::int32_t unit) {
    if (pos_ == nullptr) return USTRINGTRIE_NO_MATCH;
    if (remaining_ >= 0) return match_linear(unit);
    std::int32_t node = *pos_++;
    for (;;) {
      if (node < kMinLinearMatch) return next_in_branch(node, unit);
      if (node < kMinValueLead) {
        remaining_ = node - kMinLinearMatch;  // the node's length minus 1
        return match_linear(unit);
      }
      if (node & kValueIsFinal) break;     // a final value: nothing follows
      pos_ = skip_node_value(pos_, node);  // an intermediate value before the node
      node &= kNodeTypeMask;
    }
    pos_ = nullptr;
    return USTRINGTRIE_NO_MATCH;
  }

  // The value of the word read so far; only after a result that has one.
  std::int32_t value() const {
    const std::int32_t lead = *pos_;
    return (lead & kValueIsFinal) ? read_value(pos_ + 1, lead & 0x7FFF)
                                  : read_node_value(pos_ + 1, lead);
  }

  std::uint32_t offset(const char16_t* root) const {
    return static_cast<std::uint32_t>(pos_ - root);
  }
  std::int32_t remaining() const { return remaining_; }

 private:
  // The node encodings of unicode/ucharstrie.h.
  static constexpr std::int32_t kMaxBranchLinearSubNodeLength = 5;
  static constexpr std::int32_t kMinLinearMatch = 0x30;
  static constexpr std::int32_t kMinValueLead = 0x40;
  static constexpr std::int32_t kNodeTypeMask = kMinValueLead - 1;
  static constexpr std::int32_t kValueIsFinal = 0x8000;
  static constexpr std::int32_t kMinTwoUnitValueLead = 0x4000;
  static constexpr std::int32_t kThreeUnitValueLead = 0x7FFF;
  static constexpr std::int32_t kMinTwoUnitNodeValueLead = 0x4040;
  static constexpr std::int32_t kThreeUnitNodeValueLead = 0x7FC0;
  static constexpr std::int32_t kMinTwoUnitDeltaLead = 0xFC00;
  static constexpr std::int32_t kThreeUnitDeltaLead = 0xFFFF;

  static std::int32_t read_value(const char16_t* p, std::int32_t lead) {
    if (lead < kMinTwoUnitValueLead) return lead;
    if (lead < kThreeUnitValueLead) return ((lead - kMinTwoUnitValueLead) << 16) | p[0];
    return (std::int32_t{p[0]} << 16) | p[1];
  }
  static std::int32_t read_node_value(const char16_t* p, std::int32_t lead) {
    if (lead < kMinTwoUnitNodeValueLead) return (lead >> 6) - 1;
    if (lead < kThreeUnitNodeValueLead)
      return (((lead & 0x7FC0) - kMinTwoUnitNodeValueLead) << 10) | p[0];
    return (std::int32_t{p[0]} << 16) | p[1];
  }
  // Past the extra units of a value whose lead unit (without the final
  // bit) is `lead`.
  static const char16_t* skip_value(const char16_t* p, std::int32_t lead) {
    return lead < kMinTwoUnitValueLead ? p : p + (lead < kThreeUnitValueLead ? 1 : 2);
  }
  static const char16_t* skip_node_value(const char16_t* p, std::int32_t lead) {
    return lead < kMinTwoUnitNodeValueLead ? p : p + (lead < kThreeUnitNodeValueLead ? 1 : 2);
  }
  // A branch's jump: a delta of 1-3 units, relative to the unit after it.
  static const char16_t* jump(const char16_t* p) {
    std::int32_t delta = *p++;
    if (delta >= kMinTwoUnitDeltaLead) {
      if (delta == kThreeUnitDeltaLead) {
        delta = (std::int32_t{p[0]} << 16) | p[1];
        p += 2;
      } else {
        delta = ((delta - kMinTwoUnitDeltaLead) << 16) | *p++;
      }
    }
    return p + delta;
  }
  static const char16_t* skip_jump(const char16_t* p) {
    const std::int32_t delta = *p++;
    return delta < kMinTwoUnitDeltaLead ? p : p + (delta == kThreeUnitDeltaLead ? 2 : 1);
  }
  // What the walk's position holds: a value (final or not) or none.
  UStringTrieResult result_here() const {
    const std::int32_t node = *pos_;
    if (node < kMinValueLead) return USTRINGTRIE_NO_VALUE;
    return (node & kValueIsFinal) ? USTRINGTRIE_FINAL_VALUE : USTRINGTRIE_INTERMEDIATE_VALUE;
  }

  // The next unit of a linear-match node (remaining_ >= 0 units after it).
  UStringTrieResult match_linear(std::int32_t unit) {
    if (*pos_ != unit) {
      pos_ = nullptr;
      return USTRINGTRIE_NO_MATCH;
    }
    ++pos_;
    return --remaining_ < 0 ? result_here() : USTRINGTRIE_NO_VALUE;
  }

  // A branch node of `length` (0: the length is in the next unit) + 1
  // entries, sorted by unit: a binary search down to at most five
  // entries, then a linear one. An entry's unit is followed by a final
  // value, or by a delta to the node that continues the word.
  UStringTrieResult next_in_branch(std::int32_t length, std::int32_t unit) {
    const char16_t* p = pos_;
    if (length == 0) length = *p++;
    ++length;
    while (length > kMaxBranchLinearSubNodeLength) {
      if (unit < *p++) {
        length >>= 1;
        p = jump(p);
      } else {
        length -= length >> 1;
        p = skip_jump(p);
      }
    }
    for (; length > 1; --length) {
      if (unit == *p++) {
        const std::int32_t node = *p;
        if (node & kValueIsFinal) {
          pos_ = p;  // value() reads it
          return USTRINGTRIE_FINAL_VALUE;
        }
        pos_ = p + 1;
        pos_ = skip_value(pos_, node) + read_value(pos_, node);
        return result_here();
      }
      const std::int32_t lead = *p++;
      p = skip_value(p, lead & 0x7FFF);
    }
    if (unit == *p++) {  // the last entry has no value: the node follows
      pos_ = p;
      return result_here();
    }
    pos_ = nullptr;
    return USTRINGTRIE_NO_MATCH;
  }

  const char16_t* pos_ = nullptr;
  std::int32_t remaining_ = -1;  // units left in a linear-match node, minus 1
};

}  // namespace textsense::segment
