#!/usr/bin/env bash
# Builds untrain (Release), installs the `untrain` binary into $PREFIX/bin (default ~/.local/bin),
# and registers it with every browser found for this user.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

# Run through sudo, HOME is root's, which the person's browsers cannot reach: install the program
# where everyone can run it (untrain itself registers it for the person who ran sudo).
if [ -z "${PREFIX:-}" ] && [ "$(id -u)" -eq 0 ] && [ -n "${SUDO_USER:-}" ]; then PREFIX=/usr/local; fi
PREFIX="${PREFIX:-$HOME/.local}"

ensure_packages "${BUILD_PACKAGES[@]}"
# rsvg-convert, for scripts/icons.sh (the committed icons need it only when their SVG sources change).
ensure_packages librsvg2-bin
cmake --preset release >/dev/null
cmake --build --preset release
# With the default prefix, $PREFIX/share/untrain (the extension and manifest templates) is also the folder of the
# member's database (docs/cli.md): create it private before cmake --install does, since untrain itself changes the
# mode only of folders it creates, never of one that exists.
[ "$PREFIX/share" = "${XDG_DATA_HOME:-$HOME/.local/share}" ] && [ ! -e "$PREFIX/share/untrain" ] && mkdir -p -m 0700 "$PREFIX/share/untrain"
cmake --install build/release --prefix "$PREFIX" >/dev/null
untrain="$PREFIX/bin/untrain"
echo "installed $untrain"

# Registers untrain with every browser found for this user (Chromium family, Firefox family, and
# their Flatpak and Snap packages); `untrain install --browser NAME` names one that is not found yet.
if ! "$untrain" install --browser all; then
  echo "after installing a browser, run: $untrain install --browser NAME (chromium, chrome, firefox, ...)"
fi

cat <<MSG

Now load the extension:
  1. Open chrome://extensions (edge://extensions, brave://extensions, ...).
  2. Switch on "Developer mode".
  3. Click "Load unpacked" and choose: $(pwd)/extension
The extension's id is cnfjdjaccjmkpgnehhaamchmmodophch; the host only answers that id.
In Firefox: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…", and choose
  $(pwd)/extension/manifest.json
If the banner says the helper isn't installed, run: $untrain doctor
MSG
case ":$PATH:" in
  *":$PREFIX/bin:"*) ;;
  *) echo "Note: $PREFIX/bin is not on your PATH; add it to run 'untrain status' yourself." ;;
esac
