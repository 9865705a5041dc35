#!/usr/bin/env bash
# Fuzzes the simulator for a bounded time:
#   native/fuzz/run.sh [SECONDS]      (default 120)
# Configures a clang build in native/target/cmake-fuzz, builds tapisim-fuzz, and runs it over a
# copy of the seed corpus and the regression inputs in native/target/fuzz-corpus (the committed
# corpus is never written). A finding is saved in native/target/fuzz-findings/.
# Prints one summary line. Exit status: 0 no finding, 1 a finding (or the build failed),
# 77 clang or its libFuzzer runtime is missing.
set -euo pipefail

seconds=${1:-120}
case "$seconds" in
    ''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
native=$(dirname "$here")
build="$native/target/cmake-fuzz"
corpus="$native/target/fuzz-corpus"
findings="$native/target/fuzz-findings"
cc=${TAPISIM_FUZZ_CC:-clang}

if ! command -v "$cc" >/dev/null 2>&1; then
    echo "tapisim-fuzz: skipped, $cc is not installed"
    exit 77
fi
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
    'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }' > "$probe/p.c"
if ! "$cc" -fsanitize=fuzzer,address,undefined "$probe/p.c" -o "$probe/p" >"$probe/log" 2>&1; then
    echo "tapisim-fuzz: skipped, $cc cannot link libFuzzer with ASan+UBSan (Debian: libclang-rt-<version>-dev)"
    exit 77
fi

log="$native/target/fuzz.log"
mkdir -p "$native/target"
if ! { CC="$cc" cmake -S "$native" -B "$build" -DTAPIBRIDGE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        && cmake --build "$build" --target tapisim-fuzz --parallel; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "tapisim-fuzz: build failed"
    exit 1
fi

rm -rf "$corpus" "$findings"
mkdir -p "$corpus" "$findings"
cp "$here"/corpus/* "$corpus"/
for f in "$here"/regressions/*; do
    [ -f "$f" ] && case "$f" in */README*) ;; *) cp "$f" "$corpus/regression-$(basename "$f")" ;; esac
done

# libFuzzer stops at the first finding; its own exit status is not needed: the artifacts say it.
status=0
start=$SECONDS
(cd "$findings" && "$build/tapisim-fuzz" -max_total_time="$seconds" -timeout=20 -print_final_stats=1 \
    -artifact_prefix="$findings/" "$corpus") >>"$log" 2>&1 || status=$?

elapsed=$((SECONDS - start))
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
inputs=$(find "$corpus" -type f | wc -l)
found=$(find "$findings" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
if [ "$found" -eq 0 ] && [ "$status" -ne 0 ]; then
    found=1 # the fuzzer failed without saving an input
fi
echo "tapisim-fuzz: ${execs:-0} executions in ${elapsed} s, corpus ${inputs} inputs, ${found} findings"
if [ "$found" -ne 0 ]; then
    grep -E 'tapisim-fuzz: finding|ERROR: (Address|Undefined|Leak)Sanitizer|runtime error|SUMMARY' "$log" | head -n 5 >&2 || true
    for f in "$findings"/*; do
        [ -f "$f" ] && echo "  replay: $build/tapisim-fuzz $f" >&2
    done
    echo "  log: $log" >&2
    exit 1
fi
