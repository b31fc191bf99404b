// English words that Universal Dependencies (EWT) splits: clitics after an
// apostrophe ("do|n't", "ca|n't", "I|'m", "we|'d|'ve", straight or curly)
// and fused forms written without one ("can|not", "gon|na", "wan|na",
// "got|ta"). The English profile's split_word hook.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace textsense::lang::en {

// `may_have_apostrophe`: as lang::Profile::split_word says.
std::size_t split_clitics(std::string_view word, bool may_have_apostrophe, std::uint32_t* cuts);

}  // namespace textsense::lang::en
