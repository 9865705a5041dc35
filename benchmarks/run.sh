#!/usr/bin/env bash
# Runs the C baseline (native/bench, tapisim-bench) and the JMH benchmarks in one go, writes their
# JSON to benchmarks/results/, and renders benchmarks/README.md (tables) and
# benchmarks/chart.svg from it. A full run takes about 25 minutes on 2 cores with a JDK 22+ (12 without).
#
#   benchmarks/run.sh                 build if needed, run everything, render
#   benchmarks/run.sh --render-only   render README.md and chart.svg from the saved JSON
#   benchmarks/run.sh --open-close    only the Tapi.open/close runs (OpenCloseRun), then render
#   benchmarks/run.sh --isolated      only the isolated switch runs (IsolatedSwitchRun), then render
#   benchmarks/run.sh --quick         short settings (1 fork, short iterations): a check, not figures
#   benchmarks/run.sh -- ARGS...      extra arguments for JMH (e.g. -- CrossingBenchmark)
#
# The JVM benchmarks run on the default java (JDK 17: JNI and JNA) and again, when a JDK 22+ is
# found (TAPIBRIDGE_JDK22_HOME, else the newest under /usr/lib/jvm), on that JDK with all four
# backends (JNI, JNA, FFM, FFM without critical calls); each result file names its JDK
# (jmh-NAME-jdkN.json) and README.md says which figure came from which JDK.
#
# The single-threaded parts (the C calls, CrossingBenchmark, JniBreakdownBenchmark) run on one CPU,
# TAPIBRIDGE_BENCH_CPU (default 0), with taskset (see c_baseline).
#
# Close other work first: the machine's load average is recorded with the results.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

results=benchmarks/results
jar=benchmarks/target/benchmarks.jar
cbench=native/target/cmake/tapisim-bench
quick=false
render_only=false
open_close_only=false
isolated_only=false
jmh_extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=true ;;
        --render-only) render_only=true ;;
        --open-close) open_close_only=true ;;
        --isolated) isolated_only=true ;;
        --) shift; jmh_extra=("$@"); break ;;
        -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

render() {
    python3 benchmarks/render.py "$results" benchmarks/README.md benchmarks/chart.svg
}

# The JDK 22+ for the FFM runs, or nothing: TAPIBRIDGE_JDK22_HOME, else the newest under /usr/lib/jvm.
find_jdk22() {
    local release home found=""
    for release in "${TAPIBRIDGE_JDK22_HOME:-/nonexistent}/release" /usr/lib/jvm/*/release; do
        [ -f "$release" ] || continue
        home=${release%/release}
        if grep -Eq '^JAVA_VERSION="(2[2-9]|[3-9][0-9])' "$release" && [ -x "$home/bin/java" ]; then
            found=$home
            if [ "$home" = "${TAPIBRIDGE_JDK22_HOME:-}" ]; then
                break
            fi
        fi
    done
    printf '%s' "$found"
}
jdk22=$(find_jdk22)
# The default java's major version (17 on the project's machines).
java_major() { # JAVA
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}
jdk_default=$(java_major java)
# Native access for the FFM backend and, from JDK 24 on, for loading the JNI bridge without a warning.
native_access=(--enable-native-access=ALL-UNNAMED)

if $render_only; then
    render
    exit 0
fi

# ---- build if needed: an output missing, or a source newer than one of them ---------------------
c_sources=(native/include native/sim native/bench native/CMakeLists.txt)
java_sources=("${c_sources[@]}" native/jni java/src/main java/pom.xml benchmarks/src
              benchmarks/pom.xml pom.xml)
newer_than() { # OUTPUT SOURCE...: true if OUTPUT is missing or a source is newer
    local out=$1
    shift
    [ ! -e "$out" ] || [ -n "$(find "$@" -newer "$out" -print -quit)" ]
}
stale() {
    newer_than "$cbench" "${c_sources[@]}" || newer_than "$jar" "${java_sources[@]}"
}
if stale; then
    echo "== build (mvn -DskipTests package)"
    mvn -B -q -DskipTests package -pl benchmarks -am
fi

# Tapi.open/close through each backend (OpenCloseRun), one JVM per backend, with its own record of
# the machine's load (it also runs alone, --open-close). The warm-up is longer than the run: an FFM
# JVM still compiles (and its resident set still grows) for about 13,000 cycles.
open_close() {
    local cycles=10000
    if $quick; then
        cycles=1000
    fi
    rm -f "$results"/open-close-*.json
    python3 benchmarks/render.py --snapshot "$results/open-close-machine.json"
    for backend in JNI JNA; do
        echo "== Tapi.open/close, $cycles cycles: $backend (OpenCloseRun)"
        java -Xms256m -Xmx256m -XX:+AlwaysPreTouch -cp "$jar" \
            io.github.tapibridge.benchmarks.OpenCloseRun \
            --backend "$backend" --cycles "$cycles" --warm-up $((cycles * 3 / 2)) \
            --json "$results/open-close-$backend.json"
    done
    if [ -n "$jdk22" ]; then
        echo "== Tapi.open/close, $cycles cycles: FFM on $jdk22 (OpenCloseRun)"
        "$jdk22/bin/java" "${native_access[@]}" -Xms256m -Xmx256m -XX:+AlwaysPreTouch -cp "$jar" \
            io.github.tapibridge.benchmarks.OpenCloseRun \
            --backend FFM --cycles "$cycles" --warm-up $((cycles * 3 / 2)) \
            --json "$results/open-close-FFM.json"
    fi
    python3 benchmarks/render.py --snapshot-end "$results/open-close-machine.json"
}

# Isolated switches (IsolatedSwitchRun): 1,000 in a row per backend, with NMT so that malloc
# outside the JVM can be told from the JVM's own.
isolated() {
    local cycles=1000
    if $quick; then
        cycles=200
    fi
    rm -f "$results"/isolated-switch-*.json "$results"/c-switches.json
    python3 benchmarks/render.py --snapshot "$results/isolated-switch-machine.json"
    echo "== isolated switches, $cycles in a row: the simulator and the loader alone ($cbench --switches)"
    "$cbench" --switches "$cycles" --json "$results/c-switches.json" \
        || echo "== the heap or the mappings grew: see $results/c-switches.json"
    for backend in JNI JNA; do
        echo "== isolated switches, $cycles in a row: $backend (IsolatedSwitchRun)"
        java -Xms256m -Xmx256m -XX:+AlwaysPreTouch -XX:NativeMemoryTracking=summary -cp "$jar" \
            io.github.tapibridge.benchmarks.IsolatedSwitchRun \
            --backend "$backend" --cycles "$cycles" --warm-up $((cycles / 5)) \
            --json "$results/isolated-switch-$backend.json"
    done
    if [ -n "$jdk22" ]; then
        echo "== isolated switches, $cycles in a row: FFM on $jdk22 (IsolatedSwitchRun)"
        "$jdk22/bin/java" "${native_access[@]}" -Xms256m -Xmx256m -XX:+AlwaysPreTouch \
            -XX:NativeMemoryTracking=summary -cp "$jar" io.github.tapibridge.benchmarks.IsolatedSwitchRun \
            --backend FFM --cycles "$cycles" --warm-up $((cycles / 5)) \
            --json "$results/isolated-switch-FFM.json"
    fi
    python3 benchmarks/render.py --snapshot-end "$results/isolated-switch-machine.json"
}

mkdir -p "$results"
if $isolated_only; then
    isolated
    render
    echo "== wrote benchmarks/README.md and $results/isolated-switch-*.json"
    exit 0
fi
if $open_close_only; then
    open_close
    render
    echo "== wrote benchmarks/README.md and $results/open-close-*.json"
    exit 0
fi
rm -f "$results"/c-bench*.json "$results"/jmh*.json "$results"/jmh.txt "$results"/c-memory.json \
      "$results"/native-memory-*.json
python3 benchmarks/render.py --snapshot "$results/machine.json"

# The C baseline runs in sessions between the JMH classes (before, between, after), so that a
# passing disturbance of the machine hits a few of its runs, not all of them; render.py pools the
# runs and reports each session's median.
session=0
# The synchronous calls run on one CPU, from C and from the JVM alike (TAPIBRIDGE_BENCH_CPU, default
# 0; not with a single CPU or without taskset): on the project's 2-vCPU virtual machine one vCPU
# ran them up to 1.8x slower than the other, for seconds to minutes at a time and whichever
# process it was (C as well as Java), so a process's figure depended on where the scheduler put
# its thread. The round trips and event delivery need both CPUs and are not pinned.
calls=(lineGetCallStatus lineCompleteCall_rejected lineGetMessage_empty)
shapes=(completionRoundTrip_oneThread completionRoundTrip_pump completionRoundTrip_pipelined
        completionRoundTrip_pipelined_spin
        eventDelivery_oneThread eventDelivery_pump)
pin=()
if command -v taskset > /dev/null && [ "$(nproc)" -gt 1 ]; then
    pin=(taskset -c "${TAPIBRIDGE_BENCH_CPU:-0}")
fi
c_baseline() {
    session=$((session + 1))
    echo "== C baseline, session $session ($cbench${pin[*]:+, the calls on: ${pin[*]}})"
    local settings=(--runs 3 --time-ms 200)
    if $quick; then
        settings=(--runs 1 --time-ms 50)
    fi
    "${pin[@]}" "$cbench" "${settings[@]}" --json "$results/c-bench-$session-calls.json" "${calls[@]}"
    "$cbench" "${settings[@]}" --json "$results/c-bench-$session.json" "${shapes[@]}"
}

# JMH: the settings are the classes' annotations.
jmh_args=(-rf json -prof gc -foe true)
if $quick; then
    jmh_args+=(-f 1 -wi 1 -w 500ms -i 2 -r 500ms)
fi
# The default JDK runs JNI and JNA only (the FFM variants need a JDK 22+); a JDK 22+ runs them all.
params_default=(-p variant=JNI,JNA,JNA_INTERFACE -p backend=JNI,JNA)
jmh() { # NAME ARGS...
    local name=$1
    shift
    # The single-threaded classes run on the CPU of the C calls (see c_baseline); JMH's forks
    # inherit the affinity.
    local on=()
    case "$name" in
        CrossingBenchmark|JniBreakdownBenchmark) on=("${pin[@]}") ;;
    esac
    echo "== JMH $name on JDK $jdk_default: JNI and JNA ($jar${on[*]:+, on: ${on[*]}})"
    "${on[@]}" java -jar "$jar" "${jmh_args[@]}" "${params_default[@]}" \
        -rff "$results/jmh-$name-jdk$jdk_default.json" "$@" | tee -a "$results/jmh.txt"
    if [ -n "$jdk22" ]; then
        local major
        major=$(java_major "$jdk22/bin/java")
        echo "== JMH $name on JDK $major ($jdk22): JNI, JNA and FFM ($jar${on[*]:+, on: ${on[*]}})"
        "${on[@]}" "$jdk22/bin/java" -jar "$jar" "${jmh_args[@]}" -jvmArgsAppend "${native_access[*]}" \
            -rff "$results/jmh-$name-jdk$major.json" "$@" | tee -a "$results/jmh.txt"
    fi
}
if [ -n "$jdk22" ]; then
    echo "== JDK 22+ for the FFM backend: $jdk22"
else
    echo "== no JDK 22+ found (set TAPIBRIDGE_JDK22_HOME): JNI and JNA only, no FFM figures"
fi

c_baseline
if [ ${#jmh_extra[@]} -gt 0 ]; then
    jmh selection "${jmh_extra[@]}"
    c_baseline
else
    for class in CrossingBenchmark JniBreakdownBenchmark CompletionRoundTripBenchmark \
                 EventDeliveryBenchmark; do
        jmh "$class" "^io\.github\.tapibridge\.benchmarks\.$class\."
        c_baseline
    done
fi

# Native memory over completion cycles (a target of docs/performance.md): the simulator alone from
# C, then the whole process through each backend (NativeMemoryRun); memory, not time, so these run
# once.
if [ ${#jmh_extra[@]} -eq 0 ]; then
    cycles=1000000
    if $quick; then
        cycles=100000
    fi
    echo "== native memory, $cycles cycles: the simulator alone ($cbench --memory)"
    "$cbench" --memory "$cycles" --json "$results/c-memory.json" \
        || echo "== the simulator's heap grew: see $results/c-memory.json"
    for backend in JNI JNA; do
        echo "== native memory, $cycles cycles: $backend (NativeMemoryRun)"
        java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -XX:NativeMemoryTracking=summary -cp "$jar" \
            io.github.tapibridge.benchmarks.NativeMemoryRun \
            --backend "$backend" --cycles "$cycles" --warm-up $((cycles / 5)) \
            --json "$results/native-memory-$backend.json"
    done
    if [ -n "$jdk22" ]; then
        echo "== native memory, $cycles cycles: FFM on $jdk22 (NativeMemoryRun)"
        "$jdk22/bin/java" "${native_access[@]}" -Xms1g -Xmx1g -XX:+AlwaysPreTouch \
            -XX:NativeMemoryTracking=summary -cp "$jar" io.github.tapibridge.benchmarks.NativeMemoryRun \
            --backend FFM --cycles "$cycles" --warm-up $((cycles / 5)) \
            --json "$results/native-memory-FFM.json"
    fi
fi

if [ ${#jmh_extra[@]} -eq 0 ]; then
    open_close
    isolated
fi

python3 benchmarks/render.py --snapshot-end "$results/machine.json"
render
echo "== wrote benchmarks/README.md, benchmarks/chart.svg and $results/"
