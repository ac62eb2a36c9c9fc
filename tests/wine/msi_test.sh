#!/usr/bin/env bash
# The Windows installer (scripts/windows-msi.sh) under Wine: `msiexec /i … /qn` puts untrain.exe into
# %LOCALAPPDATA%\Programs\untrain and registers it with every browser (the manifests name that program, doctor finds
# nothing wrong), and `msiexec /x … /qn` takes all of it away again: no program, no key, no manifest.
set -euo pipefail
source_dir=$1
export WINEDEBUG=-all
fail() { echo "FAIL: $*" >&2; exit 1; }
default_value() { wine reg query "$1" /ve 2>/dev/null | tr -d '\r' | awk -F'REG_SZ' '/REG_SZ/ { sub(/^[ \t]+/, "", $2); print $2 }'; }
unix_path() { wine winepath -u "$1" 2>/dev/null | tr -d '\r'; }

msi=$("$source_dir/scripts/windows-msi.sh" | tail -n1)
[ -f "$msi" ] || fail "scripts/windows-msi.sh made no MSI"
local_app=$(wine cmd /c echo %LOCALAPPDATA% 2>/dev/null | tr -d '\r')
program="$local_app\\Programs\\untrain\\untrain.exe"
chrome='HKCU\Software\Google\Chrome\NativeMessagingHosts\org.untrain.host'
firefox='HKCU\Software\Mozilla\NativeMessagingHosts\org.untrain.host'

wine msiexec /i "$(wine winepath -w "$msi" 2>/dev/null | tr -d '\r')" /qn ||
  fail "msiexec /i exited $?"
[ -f "$(unix_path "$program")" ] || fail "no $program after the install"
for key in "$chrome" "$firefox"; do
  value=$(default_value "$key")
  [ -n "$value" ] || fail "the install left no $key"
  manifest=$(unix_path "$value")
  grep -qF "\"path\": \"${program//\\/\\\\}\"" "$manifest" || fail "$value does not name $program: $(cat "$manifest")"
done
report=$(wine "$(unix_path "$program")" doctor) || fail "doctor exited $? after the MSI: $report"
grep -q "No problems found" <<<"$report" || fail "doctor after the MSI: $report"

wine msiexec /x "$(wine winepath -w "$msi" 2>/dev/null | tr -d '\r')" /qn || fail "msiexec /x exited $?"
[ ! -e "$(unix_path "$program")" ] || fail "$program is still there after the removal"
for key in "$chrome" "$firefox" 'HKCU\Software\untrain'; do
  wine reg query "$key" >/dev/null 2>&1 && fail "the removal left $key"
done
folder=$(unix_path "$local_app\\untrain\\NativeMessagingHosts")
[ ! -e "$folder" ] || fail "the removal left $folder: $(find "$folder")"
echo "MSI install and removal: ok"
