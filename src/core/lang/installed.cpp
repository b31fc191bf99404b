#include "core/lang/installed.h"

#include <dirent.h>

#include <algorithm>

namespace textsense::lang {

std::string_view model_kind_prefix(ModelKind kind) {
  return kind == ModelKind::kSentiment ? "sentiment" : "pos";
}

std::string model_file_name(ModelKind kind, std::string_view code) {
  std::string name(model_kind_prefix(kind));
  name += '_';
  name += code;
  name += ".model";
  return name;
}

bool is_language_code(std::string_view code) {
  if (code.size() < 2 || code.size() > Code::kMax) return false;
  return std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool InstalledModels::has(ModelKind kind, Code code) const {
  const std::vector<Code>& list = of(kind);
  return std::any_of(list.begin(), list.end(), [&](const Code& c) { return c == code; });
}

std::vector<Code> InstalledModels::languages() const {
  std::vector<Code> all = sentiment;
  all.insert(all.end(), pos.begin(), pos.end());
  std::sort(all.begin(), all.end(),
            [](const Code& a, const Code& b) { return a.view() < b.view(); });
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

std::string InstalledModels::list(ModelKind kind) const {
  std::string out;
  for (const Code& c : of(kind)) {
    if (!out.empty()) out += ", ";
    out += c.view();
  }
  return out.empty() ? "none" : out;
}

void require_language(InstalledModels& installed, std::string_view code) {
  const auto by_code = [](const Code& a, const Code& b) { return a.view() < b.view(); };
  for (ModelKind kind : {ModelKind::kSentiment, ModelKind::kPos}) {
    if (installed.has(kind, code)) continue;
    std::vector<Code>& list = kind == ModelKind::kSentiment ? installed.sentiment : installed.pos;
    list.emplace_back(code);
    std::sort(list.begin(), list.end(), by_code);
  }
}

InstalledModels scan_installed_models(const std::string& directory) {
  InstalledModels found;
  DIR* dir = ::opendir(directory.c_str());
  if (dir == nullptr) return found;
  constexpr std::string_view kSuffix = ".model";
  while (const dirent* entry = ::readdir(dir)) {
    const std::string_view name(entry->d_name);
    if (name.size() <= kSuffix.size() || name.substr(name.size() - kSuffix.size()) != kSuffix)
      continue;
    const std::string_view stem = name.substr(0, name.size() - kSuffix.size());
    for (ModelKind kind : {ModelKind::kSentiment, ModelKind::kPos}) {
      const std::string_view prefix = model_kind_prefix(kind);
      if (stem.size() <= prefix.size() + 1 || stem.substr(0, prefix.size()) != prefix ||
          stem[prefix.size()] != '_')
        continue;
      const std::string_view code = stem.substr(prefix.size() + 1);
      if (is_language_code(code))
        (kind == ModelKind::kSentiment ? found.sentiment : found.pos).emplace_back(code);
    }
  }
  ::closedir(dir);
  const auto by_code = [](const Code& a, const Code& b) { return a.view() < b.view(); };
  std::sort(found.sentiment.begin(), found.sentiment.end(), by_code);
  std::sort(found.pos.begin(), found.pos.end(), by_code);
  return found;
}

}  // namespace textsense::lang
