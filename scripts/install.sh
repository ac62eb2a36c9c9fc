#!/usr/bin/env bash
# Builds untrain (Release), installs the `untrain` binary into $PREFIX/bin (default ~/.local/bin),
# and registers it with every Chromium-family browser found for this user.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

PREFIX="${PREFIX:-$HOME/.local}"

ensure_packages "${BUILD_PACKAGES[@]}"
cmake --preset release >/dev/null
cmake --build --preset release
cmake --install build/release --prefix "$PREFIX" >/dev/null
untrain="$PREFIX/bin/untrain"
echo "installed $untrain"

# A browser is "found" when its program is on PATH or its per-user folder exists.
registered=0
register_if_found() {
  local name=$1 program=$2 folder=$3
  if command -v "$program" >/dev/null 2>&1 || [ -d "$HOME/$folder" ]; then
    "$untrain" install --browser "$name"
    registered=$((registered + 1))
  fi
}
register_if_found chromium chromium .config/chromium
register_if_found chrome google-chrome .config/google-chrome
register_if_found edge microsoft-edge .config/microsoft-edge
register_if_found brave brave-browser .config/BraveSoftware/Brave-Browser
register_if_found vivaldi vivaldi .config/vivaldi
if [ "$registered" -eq 0 ]; then
  echo "no Chromium-family browser found; after installing one, run: $untrain install --browser chromium"
fi

cat <<MSG

Now load the extension:
  1. Open chrome://extensions (edge://extensions, brave://extensions, ...).
  2. Switch on "Developer mode".
  3. Click "Load unpacked" and choose: $(pwd)/extension
The extension's id is cnfjdjaccjmkpgnehhaamchmmodophch; the host only answers that id.
MSG
case ":$PATH:" in
  *":$PREFIX/bin:"*) ;;
  *) echo "Note: $PREFIX/bin is not on your PATH; add it to run 'untrain status' yourself." ;;
esac
