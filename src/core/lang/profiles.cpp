#include "core/lang/packs.h"

namespace textsense::lang {

// The generic profile: ICU's root locale (UAX #29 boundaries, dictionaries
// for Chinese, Japanese, Thai, ...) and no word rules, for text in a
// language that has no profile of its own.
const Profile kGenericProfile{"und", "Undetermined", "und"};

namespace {

// Index order: what Profile::index says (checked in profiles()).
const Profile* const kProfiles[] = {&en::kProfile, &de::kProfile, &es::kProfile, &fr::kProfile,
                                    &it::kProfile, &pt::kProfile, &nl::kProfile, &ru::kProfile,
                                    &ar::kProfile, &zh::kProfile, &ja::kProfile, &kGenericProfile};
constexpr std::size_t kCount = sizeof kProfiles / sizeof kProfiles[0];

}  // namespace

ProfileList profiles() { return {kProfiles, kCount}; }

const Profile& profile_for(std::string_view code) {
  for (std::size_t i = 0; i + 1 < kCount; ++i)
    if (kProfiles[i]->code == code) return *kProfiles[i];
  return kGenericProfile;
}

const Profile& english() { return en::kProfile; }

}  // namespace textsense::lang
