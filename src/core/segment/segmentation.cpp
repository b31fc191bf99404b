#include "core/segment/segmentation.h"

namespace textsense::segment {

std::string_view token_kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kPunctuation: return "punct";
    case TokenKind::kSymbol: return "symbol";
    case TokenKind::kEmoji: return "emoji";
    case TokenKind::kUrl: return "url";
    case TokenKind::kEmail: return "email";
    case TokenKind::kMention: return "mention";
    case TokenKind::kHashtag: return "hashtag";
    case TokenKind::kEmoticon: return "emoticon";
  }
  return "unknown";
}

}  // namespace textsense::segment
