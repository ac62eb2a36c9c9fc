#include "install/host_manifest.h"

#include "core/embedded.h"
#include "core/error.h"
#include "core/extension_identity.h"

namespace untrain {
namespace {

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// Placeholders are filled inside the parsed JSON's strings, so that a path with a quote or a
// backslash cannot break the file.
template <typename Json>
void fill(Json& value, const std::filesystem::path& program) {
  if (value.is_string()) {
    auto text = value.template get<std::string>();
    replace_all(text, "@HOST_NAME@", kHostName);
    if (text.find("@EXTENSION_ID@") != std::string::npos) replace_all(text, "@EXTENSION_ID@", extension_id());
    if (text.find("@ADDON_ID@") != std::string::npos) replace_all(text, "@ADDON_ID@", firefox_addon_id());
    replace_all(text, "@PATH@", program.string());  // last: a path is never searched for placeholders
    value = text;
  } else if (value.is_structured()) {
    for (auto& item : value) fill(item, program);
  }
}

// Kept in the template's order of keys, which is the order people read them in.
nlohmann::ordered_json filled_template(Family family, const std::filesystem::path& program) {
  auto source =
      family == Family::chromium ? embedded::chromium_manifest_template() : embedded::firefox_manifest_template();
  auto manifest = nlohmann::ordered_json::parse(source, nullptr, false);
  if (!manifest.is_object()) throw Error(Code::internal, "a host manifest template in manifests/ is not a JSON object");
  fill(manifest, program);
  return manifest;
}

}  // namespace

nlohmann::json host_manifest(Family family, const std::filesystem::path& program) {
  return nlohmann::json::parse(filled_template(family, program).dump());
}

std::string host_manifest_text(Family family, const std::filesystem::path& program) {
  return filled_template(family, program).dump(2) + '\n';
}

bool is_untrain_manifest(const std::string& text) {
  auto manifest = nlohmann::json::parse(text, nullptr, false);
  return manifest.is_object() && manifest.value("name", nlohmann::json()) == kHostName;
}

}  // namespace untrain
