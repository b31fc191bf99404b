// The profiles compiled into this build, one per lang/<code>/ folder. The
// registry (profiles.cpp) lists them; nothing else names a language.
#pragma once

#include "core/lang/profile.h"

namespace textsense::lang {
// clang-format off
namespace en { extern const Profile kProfile; }
namespace de { extern const Profile kProfile; }
namespace es { extern const Profile kProfile; }
namespace fr { extern const Profile kProfile; }
namespace it { extern const Profile kProfile; }
namespace pt { extern const Profile kProfile; }
namespace nl { extern const Profile kProfile; }
namespace ru { extern const Profile kProfile; }
namespace ar { extern const Profile kProfile; }
namespace zh { extern const Profile kProfile; }
namespace ja { extern const Profile kProfile; }
// clang-format on
extern const Profile kGenericProfile;
}  // namespace textsense::lang
