# Writes a C++ source that holds the bytes of extension files, so the host embeds the very files
# the extension ships rather than a second copy. Run at build time with
#   cmake -DOUTPUT=embedded.cc -DMANIFEST=manifest.json -DRULES="a.json;b.json" -P embed.cmake
# plus -DCHROMIUM_TEMPLATE=manifests/chromium.json.in -DFIREFOX_TEMPLATE=manifests/firefox.json.in.
function(to_array path out_var)
  file(READ "${path}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  set(${out_var} "${bytes}" PARENT_SCOPE)
endfunction()

set(body "// Generated from extension/ by host/src/core/embed.cmake. Do not edit.\n#include \"core/embedded.h\"\n\nnamespace untrain::embedded {\nnamespace {\n")
to_array("${MANIFEST}" manifest_bytes)
string(APPEND body "const char manifest[] = {${manifest_bytes}};\n")
set(index 0)
set(list_items "")
foreach(rules_file IN LISTS RULES)
  to_array("${rules_file}" rules_bytes)
  string(APPEND body "const char rules_${index}[] = {${rules_bytes}};\n")
  string(APPEND list_items "std::string_view(rules_${index}, sizeof rules_${index}), ")
  math(EXPR index "${index} + 1")
endforeach()
# The host manifest templates (manifests/*.json.in), one per browser family.
to_array("${CHROMIUM_TEMPLATE}" chromium_template_bytes)
string(APPEND body "const char chromium_template[] = {${chromium_template_bytes}};\n")
to_array("${FIREFOX_TEMPLATE}" firefox_template_bytes)
string(APPEND body "const char firefox_template[] = {${firefox_template_bytes}};\n")
string(APPEND body "}  // namespace\n\n")
string(APPEND body "std::string_view extension_manifest() { return {manifest, sizeof manifest}; }\n\n")
string(APPEND body "std::string_view chromium_manifest_template() { return {chromium_template, sizeof chromium_template}; }\n")
string(APPEND body "std::string_view firefox_manifest_template() { return {firefox_template, sizeof firefox_template}; }\n\n")
string(APPEND body "const std::vector<std::string_view>& rules_files() {\n  static const std::vector<std::string_view> files{${list_items}};\n  return files;\n}\n\n}  // namespace untrain::embedded\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
