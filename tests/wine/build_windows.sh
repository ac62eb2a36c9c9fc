#!/usr/bin/env bash
# Builds untrain.exe and its unit tests (the `windows` preset) for the Wine tests; quick when scripts/test.sh has
# built them already. ctest runs it as the `wine-build` fixture, so the Wine tests also run from a plain ctest.
set -euo pipefail
cd "$1"
cmake --preset windows >/dev/null
nice -n 15 cmake --build --preset windows >/dev/null
