#!/usr/bin/env bash
# The Wine tests' own Windows: `prefix.sh create DIR` makes a fresh WINEPREFIX in DIR (a temporary folder of the
# build tree), `prefix.sh remove DIR` stops its wineserver and removes it. ctest runs them as the `wine` fixture.
set -euo pipefail
action=$1
export WINEPREFIX=$2 WINEDEBUG=-all
case $action in
  create)
    rm -rf "$WINEPREFIX"
    mkdir -p "$WINEPREFIX"
    # No Mono or Gecko installer dialogs: untrain needs neither.
    WINEDLLOVERRIDES="mscoree,mshtml=" wineboot --init >/dev/null 2>&1
    wineserver --wait
    test -f "$WINEPREFIX/system.reg"
    ;;
  remove)
    wineserver --kill 2>/dev/null || true
    rm -rf "$WINEPREFIX"
    ;;
esac
