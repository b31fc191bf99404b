// English words that Universal Dependencies (EWT) splits: clitics after an
// apostrophe ("do|n't", "ca|n't", "I|'m", "we|'d|'ve", straight or curly)
// and fused forms written without one ("can|not", "gon|na", "wan|na",
// "got|ta"). The English profile's split_word hook.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace textsense::lang::en {

std::size_t split_clitics(std::string_view word, std::uint32_t* cuts);

}  // namespace textsense::lang::en
