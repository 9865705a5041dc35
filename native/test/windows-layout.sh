#!/usr/bin/env bash
# Cross-compiles test_layout.c for Win64 against the real <tapi.h> (mingw-w64) and runs it under
# wine, which checks the layouts and values expected by the tests against Microsoft's header.
#
# Exit status: that of the test (0 = all checks passed), 77 if the cross compiler or wine is
# missing (the usual "skipped" code). Writes only to a temporary directory, removed at exit.
set -euo pipefail

cd "$(dirname "$0")/../.."

CC=${MINGW_CC:-x86_64-w64-mingw32-gcc}

find_tool() {
    local name
    for name in "$@"; do
        if command -v "$name" >/dev/null 2>&1; then
            command -v "$name"
            return 0
        fi
        if [[ -x /usr/lib/wine/$name ]]; then
            echo "/usr/lib/wine/$name"
            return 0
        fi
    done
    return 1
}

if ! command -v "$CC" >/dev/null 2>&1; then
    echo "windows-layout: $CC not found, skipped" >&2
    exit 77
fi
if ! WINE=$(find_tool wine64 wine); then
    echo "windows-layout: wine not found, skipped" >&2
    exit 77
fi
WINESERVER=$(find_tool wineserver64 wineserver || true)

work=$(mktemp -d "${TMPDIR:-/tmp}/tapi-layout.XXXXXX")
mkdir "$work/tmp"
export TMPDIR="$work/tmp" # wineserver's socket directory
export WINEPREFIX="$work/prefix"
export WINEARCH=win64
export WINEDEBUG=-all
# No Mono/Gecko install prompts, no desktop menu entries.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
unset DISPLAY WAYLAND_DISPLAY

cleanup() {
    if [[ -n $WINESERVER ]]; then
        "$WINESERVER" -k >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

"$CC" -std=c11 -Wall -Wextra -Werror -I native/include \
    native/test/test_layout.c -o "$work/test_layout.exe"

# The first run creates the prefix; its chatter goes to stderr.
status=0
timeout 600 "$WINE" "$work/test_layout.exe" </dev/null 2>"$work/wine.log" | tr -d '\r' || status=$?
if [[ $status -ne 0 && $status -ne 1 ]]; then
    echo "windows-layout: test_layout.exe did not run to completion (status $status)" >&2
    tail -n 20 "$work/wine.log" >&2 || true
fi
exit "$status"
