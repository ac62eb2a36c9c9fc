#!/usr/bin/env bash
# CPack builds the .deb; it holds /usr/bin/untrain, its completions and man page, the copyright file, the changelogs and
# the lintian overrides, the templates, the extension and one manifest
# per browser system folder (each naming /usr/bin/untrain), nothing outside /usr and /etc, and no
# maintainer scripts that could write into a user's home.
set -euo pipefail
build=$1 source=$2
source "$(dirname "$0")/lib.sh"

(cd "$build" && cpack -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1) || { cat "$scratch/cpack.log" >&2; exit 1; }
deb=$(ls "$scratch"/out/untrain_*.deb)

manifests=(
  etc/chromium/native-messaging-hosts/org.untrain.host.json
  etc/opt/chrome/native-messaging-hosts/org.untrain.host.json
  etc/opt/edge/native-messaging-hosts/org.untrain.host.json
  etc/opt/vivaldi/native-messaging-hosts/org.untrain.host.json
  usr/lib/librewolf/native-messaging-hosts/org.untrain.host.json
  usr/lib/mozilla/native-messaging-hosts/org.untrain.host.json
)
expected=$( { printf '%s\n' "${manifests[@]}"
              echo usr/bin/untrain
              echo usr/share/bash-completion/completions/untrain
              echo usr/share/zsh/vendor-completions/_untrain
              echo usr/share/fish/vendor_completions.d/untrain.fish
              echo usr/share/man/man1/untrain.1.gz
              echo usr/share/doc/untrain/copyright
              echo usr/share/doc/untrain/changelog.gz
              echo usr/share/doc/untrain/changelog.Debian.gz
              echo usr/share/lintian/overrides/untrain
              echo usr/share/untrain/manifests/chromium.json.in
              echo usr/share/untrain/manifests/firefox.json.in
              extension_files | sed 's|^|usr/share/untrain/extension/|'; } | sort)
# dpkg-deb -c: mode owner size date time ./path
actual=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { sub(/^\.\//, "", $6); print $6 }' | sort)
same_lists "files in $(basename "$deb")" "$expected" "$actual"

if dpkg-deb -c "$deb" | awk '{print $2}' | grep -qv '^root/root$'; then
  echo "FAIL: files in the package are not all root/root" >&2; exit 1
fi
mkdir "$scratch/control"
dpkg-deb -e "$deb" "$scratch/control"
for script in preinst postinst prerm postrm; do
  [ ! -e "$scratch/control/$script" ] || { echo "FAIL: the package has a $script script" >&2; exit 1; }
done
grep -q '^Depends: .*libsqlite3' "$scratch/control/control" || { echo "FAIL: Depends does not name libsqlite3" >&2; exit 1; }
# Every file under /etc is a conffile: dpkg keeps an administrator's edits to a manifest on upgrade.
same_lists "conffiles" "$(printf '/%s\n' "${manifests[@]}" | grep '^/etc/' | sort)" "$(sort "$scratch/control/conffiles")"
grep -q "^Version: $(sed -n 's/^project(untrain VERSION \([0-9.]*\).*/\1/p' "$source/CMakeLists.txt")-1\$" "$scratch/control/control" ||
  { echo "FAIL: the package's version is not CMake's project version, Debian revision 1" >&2; exit 1; }

dpkg-deb -x "$deb" "$scratch/root"
for manifest in "${manifests[@]}"; do
  grep -q '"path": "/usr/bin/untrain"' "$scratch/root/$manifest" || { echo "FAIL: $manifest does not name /usr/bin/untrain" >&2; exit 1; }
  case $manifest in
    usr/lib/*) grep -q '"allowed_extensions"' "$scratch/root/$manifest" ;;
    *) grep -q '"allowed_origins": \[\s*$' "$scratch/root/$manifest" && grep -q 'chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch/' "$scratch/root/$manifest" ;;
  esac || { echo "FAIL: $manifest is not its family's manifest" >&2; exit 1; }
done
"$scratch/root/usr/bin/untrain" --version | grep -q '^untrain ' || { echo "FAIL: the packaged untrain does not run" >&2; exit 1; }
# The completions and the man page are the ones the binary generates from its command line's definition.
for shell in bash zsh fish; do
  "$scratch/root/usr/bin/untrain" completion "$shell" >"$scratch/completion.$shell"  # whole, before grep reads it (pipefail)
  grep -q 'status' "$scratch/completion.$shell" || { echo "FAIL: no $shell completion of status" >&2; exit 1; }
done
bash -n "$scratch/root/usr/share/bash-completion/completions/untrain" || { echo "FAIL: the bash completion is not valid bash" >&2; exit 1; }
gzip -dc "$scratch/root/usr/share/man/man1/untrain.1.gz" >"$scratch/untrain.1"; grep -q '^\.TH UNTRAIN 1' "$scratch/untrain.1" || { echo "FAIL: untrain.1.gz is not untrain(1)" >&2; exit 1; }
gzip -dc "$scratch/root/usr/share/doc/untrain/changelog.gz" | cmp - "$source/CHANGELOG.md" || { echo "FAIL: changelog.gz is not CHANGELOG.md" >&2; exit 1; }
cmp "$scratch/root/usr/share/doc/untrain/copyright" "$source/packaging/debian/copyright"
echo "ok: $(basename "$deb"), $(echo "$actual" | wc -l) files"
