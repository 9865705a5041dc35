#!/usr/bin/env python3
"""Renders the benchmark results (benchmarks/results/*.json) into benchmarks/README.md and an SVG
chart. Standard library only.

    render.py RESULTS_DIR README.md chart.svg   replace the results section of README.md
    render.py --snapshot FILE                   record the machine and its load before a run
    render.py --snapshot-end FILE               add the load after the run

README.md keeps everything outside the markers <!-- results:begin --> and <!-- results:end -->,
so the hand-written analysis survives a new run.
"""

import glob
import json
import math
import os
import platform
import statistics
import subprocess
import sys

import render_ffm
import render_forks
import time

BEGIN = "<!-- results:begin -->"
END = "<!-- results:end -->"

# The targets of docs/performance.md
TARGET_CROSSING_NS = 25.0
TARGET_JNA_OVER_JNI = 3.0
TARGET_ROUND_TRIPS = 200_000.0
TARGET_EVENTS = 1_000_000.0
# Native memory "flat": no backend block left behind, the simulator's heap unchanged, and the
# floor of what malloc holds outside the JVM (the process's total less the JVM's own, by Native
# Memory Tracking; the least of the samples of each half of the run) risen by less than this many
# bytes per cycle between the halves. One leaked block per cycle is at least 32 bytes (glibc's
# smallest chunk). The JVM's own malloc use jumps by MBs between samples (its compilers' arena
# chunks, pooled and released every few seconds).
TARGET_MALLOC_BYTES_PER_CYCLE = 8.0

# Tapi.open/close (OpenCloseRun): the process's RSS may not grow by a KiB per cycle on either
# backend, and a JNA cycle may take at most twice a JNI one.
TARGET_OPEN_CLOSE_RSS_BYTES_PER_CYCLE = 1024.0
TARGET_OPEN_CLOSE_JNA_OVER_JNI = 2.0

# Isolated switches (IsolatedSwitchRun): Simulator.create + Tapi.open + close both, median under
# 5 ms. Native memory flat: from C (tapisim-bench --switches) malloc's bytes in use and the
# mappings exactly as after the warm-up; from Java no copy of the library left behind and the
# floor (least sample of each half) of the mappings grown by under this per switch (a switch
# whose library stayed loaded adds 4 or more). Malloc outside the JVM is shown, not judged: a
# plain Tapi.open/close grows it by about 20 B per cycle too (untracked JDK and thread
# allocations), and JNA's cleaner thread makes single samples swing by MBs.
TARGET_ISOLATED_MEDIAN_MS = 5.0
TARGET_ISOLATED_MAPPINGS_PER_CYCLE = 0.5

VARIANTS = [("JNI", "JNI"), ("JNA", "JNA direct"), ("JNA_INTERFACE", "JNA interface")]
CALLS = [
    ("lineGetCallStatus", "lineGetCallStatus", "lineGetCallStatus"),
    ("lineCompleteCallRejected", "lineCompleteCall_rejected", "lineCompleteCall, rejected at once"),
    ("lineGetMessageEmpty", "lineGetMessage_empty", "lineGetMessage, empty queue"),
]


# ---- machine snapshot ------------------------------------------------------------------------


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "unknown"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def java_version():
    try:
        out = subprocess.run(["java", "-version"], capture_output=True, text=True, check=False)
        lines = (out.stderr or out.stdout).strip().splitlines()
        return " / ".join(line.strip() for line in lines[:2])
    except OSError:
        return "unknown"


def snapshot(path):
    data = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "nproc": os.cpu_count(),
        "cpu": cpu_model(),
        "kernel": platform.system() + " " + platform.release(),
        "java": java_version(),
        "loadStart": loadavg(),
    }
    with open(path, "w") as f:
        json.dump(data, f, indent=2)
        f.write("\n")


def snapshot_end(path):
    with open(path) as f:
        data = json.load(f)
    data["loadEnd"] = loadavg()
    with open(path, "w") as f:
        json.dump(data, f, indent=2)
        f.write("\n")


# ---- results ---------------------------------------------------------------------------------


class Figure:
    """One measured configuration: median and spread, in its unit."""

    def __init__(self, median, low, high, unit, samples, mean=None, error=None, fork_means=None,
                 bytes_per_op=None):
        self.median = median
        self.low = low
        self.high = high
        self.unit = unit
        self.samples = samples
        self.mean = mean
        self.error = error
        self.fork_means = fork_means or []
        self.bytes_per_op = bytes_per_op
        self.jdk = ""  # of a JMH figure: the JDK it was measured on

    def spread(self):
        """(max - min) / median of the samples, in percent."""
        return 100.0 * (self.high - self.low) / self.median if self.median else float("nan")


def load_c(paths):
    """Pools the runs of every session (c-bench-N.json) per benchmark; fork_means holds the
    median of each session."""
    meta = {}
    samples, sessions, units = {}, {}, {}
    for path in paths:
        with open(path) as f:
            data = json.load(f)
        meta = data
        for b in data["benchmarks"]:
            if b["unit"] == "ns/op":
                runs = list(b["nsPerOp"])
            else:
                runs = [1e9 / x for x in b["nsPerOp"]]
            samples.setdefault(b["name"], []).extend(runs)
            sessions.setdefault(b["name"], []).append(statistics.median(runs))
            units[b["name"]] = b["unit"]
    figures = {}
    for name, runs in samples.items():
        figures[name] = Figure(statistics.median(runs), min(runs), max(runs), units[name], runs,
                               fork_means=sessions[name])
    # A session may be split over files (the pinned calls apart from the rest: run.sh).
    meta = dict(meta, sessions=max((len(v) for v in sessions.values()), default=0))
    return meta, figures


def load_jmh(paths):
    data = []
    for path in paths:
        with open(path) as f:
            data.extend(json.load(f))
    figures = {}
    for r in data:
        name = ".".join(r["benchmark"].split(".")[-2:])
        params = r.get("params", {})
        variant = params.get("variant") or params.get("backend") or ""
        jdk = r.get("jdkVersion", "")
        major = int(jdk.split(".")[0]) if jdk.split(".")[0].isdigit() else 0
        if major >= 22 and not variant.startswith("FFM"):
            variant = f"{variant}@{major}"  # the JDK 22+ run of a variant the default JDK runs too
        m = r["primaryMetric"]
        forks = m.get("rawData", [])
        samples = [x for fork in forks for x in fork]
        secondary = {k.lstrip("\u00b7:"): v for k, v in r.get("secondaryMetrics", {}).items()}
        gc = secondary.get("gc.alloc.rate.norm")
        figure = Figure(
            statistics.median(samples), min(samples), max(samples), m["scoreUnit"], samples,
            mean=m["score"], error=m.get("scoreError"),
            fork_means=[statistics.mean(f) for f in forks if f],
            bytes_per_op=gc["score"] if gc else None)
        figure.jdk = jdk
        figures[(name, variant)] = figure
    return data, figures


# ---- formatting ------------------------------------------------------------------------------


def num(x, digits=None):
    if isinstance(x, str):
        try:
            x = float(x)
        except ValueError:
            return x
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    if digits is None:
        a = abs(x)
        digits = 0 if a >= 1000 else 1 if a >= 10 else 2
    return f"{x:,.{digits}f}"


def si(x):
    """1234567 -> 1.23 M"""
    if x is None:
        return "n/a"
    for div, suffix in ((1e6, " M"), (1e3, " k")):
        if abs(x) >= div:
            return f"{x / div:.3g}{suffix}"
    return f"{x:.3g}"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "n/a"
    return f"{a / b:.2f}x"


def bytes_op(b):
    if b is None:
        return "n/a"
    return "0" if b < 0.5 else f"{b:.0f}"


# ---- README section --------------------------------------------------------------------------


def pipelined_verdict(f):
    """The round-trip target, judged per JVM (fork): met only if every fork's mean meets it."""
    if not f or not f.fork_means:
        return "not measured"
    ok = sum(1 for m in f.fork_means if m >= TARGET_ROUND_TRIPS)
    if ok == len(f.fork_means):
        return "met (pipelined, every JVM)"
    return (f"**missed** (pipelined: {ok} of {len(f.fork_means)} JVMs above it; fork means "
            + ", ".join(num(m) for m in f.fork_means) + ")")


def load_memory(results):
    """Native memory runs: c-memory.json (tapisim-bench --memory) and native-memory-*.json
    (NativeMemoryRun). Returns None if there are none."""
    runs = []
    cpath = os.path.join(results, "c-memory.json")
    if os.path.exists(cpath):
        with open(cpath) as f:
            runs.append(("C, the simulator alone", json.load(f)))
    for path in sorted(glob.glob(os.path.join(results, "native-memory-*.json"))):
        with open(path) as f:
            data = json.load(f)
        runs.append((data["backend"], data))
    if not runs:
        return None
    rows, parts, flat, cycles = [], [], True, 0
    for label, data in runs:
        s = data["samples"]
        first, last = s[0], s[-1]
        cycles = max(cycles, last["cycles"])
        mallocs = [x["mallocInUse"] for x in s]
        nmt = all(x.get("jvmMalloc", -1) >= 0 for x in s)
        # What is not the JVM's own: the simulator, the bridge, JNA, glibc's overhead per block.
        rest = [x["mallocInUse"] - x["jvmMalloc"] for x in s] if nmt else mallocs
        half = len(s) // 2
        floor1, floor2 = min(rest[:half + 1]), min(rest[half + 1:])
        per_cycle = (floor2 - floor1) / (last["cycles"] / 2)
        if "bridgeBlocks" in first:
            blocks = f"{first['bridgeBlocks']} → {last['bridgeBlocks']}"
            ok = (last["bridgeBlocks"] == first["bridgeBlocks"]
                  and per_cycle < TARGET_MALLOC_BYTES_PER_CYCLE)
            jvm = (f"{min(x['jvmMalloc'] for x in s):,} – {max(x['jvmMalloc'] for x in s):,}"
                   if nmt else "not tracked")
            rss = f"{last['rss'] - first['rss']:+,} B"
            heap = f"{last['heapUsed'] - first['heapUsed']:+,} B"
            secs = f"{last['seconds'] - first['seconds']:.1f}"
            parts.append(f"{label}: bridge blocks {blocks}, malloc outside the JVM "
                         f"{per_cycle:+.2f} B/cycle")
        else:
            blocks, jvm, rss, heap, secs = "", "", "", "", ""
            ok = max(mallocs) == mallocs[0]
            parts.append(f"the simulator alone (C): malloc {mallocs[-1] - mallocs[0]:+,} B")
        flat = flat and ok
        rows.append(f"| {label} | {num(data['warmUpCycles'])} | {blocks} "
                    f"| {min(mallocs):,} – {max(mallocs):,} | {jvm} | {min(rest):,} – {max(rest):,} "
                    f"| {floor1:,} → {floor2:,} | {per_cycle:+.3f} B | {rss} | {heap} | {secs} |")
    return {"rows": rows, "flat": flat, "cycles": cycles, "summary": "; ".join(parts)}


def load_open_close(results):
    """Tapi.open/close runs: open-close-*.json (OpenCloseRun) and open-close-machine.json.
    Returns None if there are none."""
    runs = {}
    for path in sorted(glob.glob(os.path.join(results, "open-close-*.json"))):
        if path.endswith("open-close-machine.json"):
            continue
        with open(path) as f:
            data = json.load(f)
        runs[data["backend"]] = data
    if not runs:
        return None
    machine = {}
    mpath = os.path.join(results, "open-close-machine.json")
    if os.path.exists(mpath):
        with open(mpath) as f:
            machine = json.load(f)
    return {"runs": runs, "machine": machine}


def load_isolated(results):
    """Isolated switch runs: isolated-switch-*.json (IsolatedSwitchRun). None if there are none."""
    runs = {}
    for path in sorted(glob.glob(os.path.join(results, "isolated-switch-*.json"))):
        if path.endswith("isolated-switch-machine.json"):
            continue
        with open(path) as f:
            data = json.load(f)
        runs[data["backend"]] = data
    if not runs:
        return None
    c = None
    cpath = os.path.join(results, "c-switches.json")
    if os.path.exists(cpath):
        with open(cpath) as f:
            c = json.load(f)
    machine = {}
    mpath = os.path.join(results, "isolated-switch-machine.json")
    if os.path.exists(mpath):
        with open(mpath) as f:
            machine = json.load(f)
    return {"runs": runs, "machine": machine, "c": c}


def isolated_markdown(iso):
    out = []
    w = out.append
    runs, m, c = iso["runs"], iso["machine"], iso["c"]
    cycles = max(r["cycles"] for r in runs.values())
    w(f"### Isolated switches, {cycles:,} in a row")
    w("")
    w(f"Measured {m.get('date', '?')}, load average (1, 5, 15 min) before: {m.get('loadStart', '?')}; "
      f"after: {m.get('loadEnd', '?')}. One cycle: `Simulator.create()` (a private copy of the "
      "simulator library, loaded), `Tapi.open` on it through the backend, `close()` of both (the copy "
      "unloaded and deleted); one JVM per backend, `-Xms256m -Xmx256m -XX:+AlwaysPreTouch "
      "-XX:NativeMemoryTracking=summary`. Sampled as the open/close runs are. *malloc outside the "
      "JVM*: glibc's bytes in use less the JVM's own (NMT). *Copies left*: files of switch libraries "
      "in the folder after the run. *C*: `tapisim-bench --switches`, the same cycle below Java (copy, "
      "`dlopen`, reset, an application with a line, shutdown, reset, `dlclose`, delete), malloc's "
      "bytes in use exact (`mallinfo2`).")
    w("")
    if c:
        cs = c["samples"]
        w(f"C, the simulator and the loader alone: median {c['medianMicros']:.0f} µs per switch; after a "
          f"warm-up of {c['warmUpCycles']:,}, malloc in use {cs[0]['mallocInUse']:,} → {cs[-1]['mallocInUse']:,} B, "
          f"memory mappings {cs[0]['mappings']} → {cs[-1]['mappings']} over {cs[-1]['cycles']:,} switches.")
        w("")
    w("| Backend | warm-up | median per cycle | 90th percentile | malloc outside the JVM, after "
      "warm-up → last | memory mappings | classes loaded | RSS, after warm-up → last | copies left |")
    w("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for name in sorted(runs):
        r = runs[name]
        first, last = r["samples"][0], r["samples"][-1]
        w(f"| {name} | {r['warmUpCycles']:,} | {r['medianMicros'] / 1e3:.2f} ms "
          f"| {r['p90Micros'] / 1e3:.2f} ms "
          f"| {first['mallocOutsideJvm'] / 2**20:,.2f} → {last['mallocOutsideJvm'] / 2**20:,.2f} MiB "
          f"| {first['mappings']:,} → {last['mappings']:,} "
          f"| {first['classesLoaded']:,} → {last['classesLoaded']:,} "
          f"| {first['rss'] / 2**20:,.1f} → {last['rss'] / 2**20:,.1f} MiB | {r['copiesLeft']} |")
    w("")
    w("| Target | Measured | |")
    w("|---|---|---|")
    medians = {n: r["medianMicros"] / 1e3 for n, r in runs.items()}
    ok = all(v < TARGET_ISOLATED_MEDIAN_MS for v in medians.values())
    w(f"| create a switch, open a Tapi on it, close both: median under {TARGET_ISOLATED_MEDIAN_MS:.0f} ms | "
      + "; ".join(f"{n} {v:.2f} ms" for n, v in sorted(medians.items()))
      + f" | {'met' if ok else '**missed**'} |")
    flat = []
    for n, r in sorted(runs.items()):
        s = r["samples"]
        half = len(s) // 2
        span = s[-1]["cycles"] - s[half]["cycles"] or 1
        def floor_growth(key):
            return (min(x[key] for x in s[half:]) - min(x[key] for x in s[:half])) / span
        growth, maps = floor_growth("mallocOutsideJvm"), floor_growth("mappings")
        good = r["copiesLeft"] == 0 and maps < TARGET_ISOLATED_MAPPINGS_PER_CYCLE
        flat.append((n, growth, maps, r["copiesLeft"], good))
    c_flat = c is not None and (c["samples"][-1]["mallocInUse"] <= c["samples"][0]["mallocInUse"]
                                and c["samples"][-1]["mappings"] <= c["samples"][0]["mappings"])
    c_text = ("C: " + (f"{c['samples'][-1]['mallocInUse'] - c['samples'][0]['mallocInUse']:+,} B, "
                       f"{c['samples'][-1]['mappings'] - c['samples'][0]['mappings']:+d} mappings; ")
              if c else "C: not run; ")
    w(f"| {cycles:,} switches in a row leave native memory flat: from C, malloc in use and the memory "
      "mappings exactly as after the warm-up; from Java, the floor of the memory mappings (least "
      "sample of each half) grows by under "
      f"{TARGET_ISOLATED_MAPPINGS_PER_CYCLE} per switch and no copy is left | " + c_text
      + "; ".join(f"{n} {mp:+.3f} mappings/switch, copies {cp} (malloc outside the JVM, floors: "
                  f"{g:+,.1f} B/switch)" for n, g, mp, cp, _ in flat)
      + f" | {'met' if c_flat and all(x[4] for x in flat) else '**missed**'} |")
    return "\n".join(out)


def open_close_markdown(oc):
    out = []
    w = out.append
    runs, m = oc["runs"], oc["machine"]
    cycles = max(r["cycles"] for r in runs.values())
    w(f"### Tapi.open and close, {cycles:,} cycles")
    w("")
    w(f"Measured {m.get('date', '?')}, load average (1, 5, 15 min) before: {m.get('loadStart', '?')}; "
      f"after: {m.get('loadEnd', '?')} (the machine is shared: other work ran beside it). "
      "One cycle: `Tapi.open` on the simulator, `close()`; one JVM per backend, "
      "`-Xms256m -Xmx256m -XX:+AlwaysPreTouch`. Every cycle after the warm-up is timed; the process "
      "is sampled after the warm-up and after every tenth of the cycles, after a full GC. *RSS slope*: "
      "the least-squares line through the RSS samples. *Native blocks*: `Tapi.nativeAllocations()` "
      "of the last application before its close (the pump's message buffer).")
    w("")
    w("| Backend | warm-up cycles | median per cycle | 90th percentile | RSS, after warm-up → last "
      "| RSS slope | memory mappings | classes loaded | native blocks |")
    w("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for name in sorted(runs):
        r = runs[name]
        s = r["samples"]
        first, last = s[0], s[-1]
        w(f"| {name} | {num(r['warmUpCycles'])} | {r['medianMicros']:.0f} µs | {r['p90Micros']:.0f} µs "
          f"| {first['rss'] / 2**20:,.1f} → {last['rss'] / 2**20:,.1f} MiB "
          f"| {r['rssSlopeBytesPerCycle']:+,.0f} B/cycle | {first['mappings']:,} → {last['mappings']:,} "
          f"| {first['classesLoaded']:,} → {last['classesLoaded']:,} "
          f"| {first['nativeBlocks']} → {last['nativeBlocks']} |")
    w("")
    w("| Target | Measured | |")
    w("|---|---|---|")
    slopes = {n: r["rssSlopeBytesPerCycle"] for n, r in runs.items()}
    # Every backend that ran (JNI and JNA at least; FFM on a JDK 22+).
    ok = all(v < TARGET_OPEN_CLOSE_RSS_BYTES_PER_CYCLE for v in slopes.values()) and len(slopes) >= 2
    w("| RSS slope under 1 KiB per open/close cycle, every backend | "
      + "; ".join(f"{n} {v:+,.0f} B/cycle" for n, v in sorted(slopes.items()))
      + f" | {'met' if ok else '**missed**'} |")
    if "JNI" in runs and "JNA" in runs:
        ratio = runs["JNA"]["medianMicros"] / runs["JNI"]["medianMicros"]
        w(f"| JNA open/close within 2x of JNI | median JNA / JNI: {ratio:.2f}x "
          f"({runs['JNA']['medianMicros']:.0f} µs / {runs['JNI']['medianMicros']:.0f} µs) "
          f"| {'met' if ratio <= TARGET_OPEN_CLOSE_JNA_OVER_JNI else '**missed**'} |")
    return "\n".join(out)


def results_markdown(machine, cmeta, c, j, memory=None, open_close=None, isolated=None):
    out = []
    w = out.append

    def jf(name, variant):
        return j.get((name, variant))

    def cf(name):
        return c.get(name)

    def med(f):
        return f.median if f else None

    w(f"Measured {machine.get('date', '?')} on {machine.get('nproc', '?')} CPUs "
      f"({machine.get('cpu', '?')}), {machine.get('kernel', '?')}, {machine.get('java', '?')}. "
      f"Load average (1, 5, 15 min) before the run: {machine.get('loadStart', '?')}; "
      f"after: {machine.get('loadEnd', '?')}.")
    w("")
    w("All figures are medians of the measured iterations (JMH: every iteration of every fork; C: "
      "every run). The spread columns of the last table say how noisy each one was. "
      + ("The C baseline ran multi-threaded, as a JVM does." if cmeta.get("multiThreaded")
         else "The C baseline ran single-threaded (--single-threaded): its mutexes are cheaper "
              "than in a JVM."))
    w("")

    default_jdks = sorted({f.jdk for (_, v), f in j.items() if f.jdk and "@" not in v and not v.startswith("FFM")})
    w("JNI and JNA figures in the tables below, up to the FFM section: JDK "
      + (", ".join(default_jdks) or "?") + "; the FFM section's figures: the JDK 22+ it names.")
    w("")

    # -- crossing
    w("### Synchronous calls: the crossing (ns per call, lower is better)")
    w("")
    w("| Call | C | JNI | JNA direct | JNA interface | JNI − C | JNI / C | JNA direct / JNI "
      "| JNA interface / JNI | B/op JNI, JNA, JNA interface |")
    w("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for jname, cname, label in CALLS:
        cfig = cf(cname)
        figs = [jf("CrossingBenchmark." + jname, v) for v, _ in VARIANTS]
        jni, jna, jnai = (med(f) for f in figs)
        delta = jni - cfig.median if jni is not None and cfig else None
        w(f"| {label} | {num(med(cfig))} | {num(jni)} | {num(jna)} | {num(jnai)} | {num(delta)} "
          f"| {ratio(jni, med(cfig))} | {ratio(jna, jni)} | {ratio(jnai, jni)} "
          f"| {', '.join(bytes_op(f.bytes_per_op) if f else 'n/a' for f in figs)} |")
    w("")
    w("The crossing alone, the time above the C call, (JNA − C) / (JNI − C): "
      + "; ".join(
          f"{label} {ratio(med(jf('CrossingBenchmark.' + jn, 'JNA')) - med(cf(cn)), med(jf('CrossingBenchmark.' + jn, 'JNI')) - med(cf(cn)))}"
          for jn, cn, label in CALLS
          if jf("CrossingBenchmark." + jn, "JNA") and jf("CrossingBenchmark." + jn, "JNI") and cf(cn))
      + ".")
    w("")

    # -- round trips
    w("### Completion round trips (per second, higher is better)")
    w("")
    w("One round trip: `completeCall(CAMPON)` and its `LINE_REPLY`, then `cancel()` and its "
      "`LINE_REPLY`.")
    w("")
    w("*Pipelined*: 32 round trips in flight from one thread, each `cancel()` issued from the "
      "completion future's callback on the event pump (C: the pump issues `lineUncompleteCall` "
      "when it takes the reply). *One at a time*: the caller waits for each reply before the next "
      "request, so the figure is mostly the latency of waking threads.")
    w("")
    w("| | pipelined | vs. C pipelined | one at a time, 1 thread | 2 threads | µs per round trip "
      "(one at a time) | vs. C one at a time |")
    w("|---|--:|--:|--:|--:|--:|--:|")
    c1 = cf("completionRoundTrip_oneThread")
    cp = cf("completionRoundTrip_pump")
    cpl = cf("completionRoundTrip_pipelined")
    w(f"| C, the caller takes its own replies | | | {num(med(c1))} | | "
      f"{num(1e6 / c1.median if c1 else None)} | |")
    w(f"| C, a pump thread takes the replies | {num(med(cpl))} | 1.00x | {num(med(cp))} | | "
      f"{num(1e6 / cp.median if cp else None)} | 1.00x |")
    cps = cf("completionRoundTrip_pipelined_spin")
    if cps:
        w(f"| C, the pump spinning as the Java pump does | {num(med(cps))} | {ratio(med(cps), med(cpl))} "
          "| | | | |")
    for v in ("JNI", "JNA"):
        one = jf("CompletionRoundTripBenchmark.oneThread", v)
        two = jf("CompletionRoundTripBenchmark.twoThreads", v)
        pl = jf("CompletionRoundTripBenchmark.pipelined", v)
        w(f"| {v} | {num(med(pl))} | {ratio(med(pl), med(cpl))} | {num(med(one))} | {num(med(two))} "
          f"| {num(1e6 / one.median if one else None)} | {ratio(med(one), med(cp))} |")
    jni1 = med(jf("CompletionRoundTripBenchmark.oneThread", "JNI"))
    jna1 = med(jf("CompletionRoundTripBenchmark.oneThread", "JNA"))
    jnip = med(jf("CompletionRoundTripBenchmark.pipelined", "JNI"))
    jnap = med(jf("CompletionRoundTripBenchmark.pipelined", "JNA"))
    w("")
    w(f"JNA / JNI: {ratio(jnap, jnip)} of the throughput pipelined, {ratio(jna1, jni1)} one at a "
      "time (1 thread).")
    w("")

    # -- events
    w("### Event delivery (messages per second, higher is better)")
    w("")
    w("| C, same thread | C, pump thread | JNI | JNA | JNI / C pump | JNA / JNI |")
    w("|--:|--:|--:|--:|--:|--:|")
    e1 = med(cf("eventDelivery_oneThread"))
    ep = med(cf("eventDelivery_pump"))
    ejni = med(jf("EventDeliveryBenchmark.deliver", "JNI"))
    ejna = med(jf("EventDeliveryBenchmark.deliver", "JNA"))
    w(f"| {num(e1)} | {num(ep)} | {num(ejni)} | {num(ejna)} | {ratio(ejni, ep)} | {ratio(ejna, ejni)} |")
    ev = jf("EventDeliveryBenchmark.deliver", "JNI")
    w("")
    w(f"Allocation per message: JNI {bytes_op(ev.bytes_per_op) if ev else 'n/a'} B, JNA "
      f"{bytes_op(jf('EventDeliveryBenchmark.deliver', 'JNA').bytes_per_op) if jf('EventDeliveryBenchmark.deliver', 'JNA') else 'n/a'} B.")
    w("")

    out.extend(render_ffm.ffm_markdown(c, j, CALLS, num, ratio, bytes_op))
    out.extend(render_forks.forks_markdown(c, j, CALLS, ratio))

    # -- JNI breakdown
    parts = {n: jf("JniBreakdownBenchmark." + n, "") for n in
             ("emptyNative", "guard", "unguardedNative", "backend")}
    c_empty = cf("lineGetMessage_empty")
    if all(parts.values()) and c_empty:
        w("### Where the JNI nanoseconds go (lineGetMessage, empty queue)")
        w("")
        w("| C call | empty JNI call | JNI call without the guard | guard (enter + exit) "
          "| JNI backend | without guard − C | backend − C |")
        w("|--:|--:|--:|--:|--:|--:|--:|")
        w(f"| {num(c_empty.median)} | {num(parts['emptyNative'].median)} "
          f"| {num(parts['unguardedNative'].median)} | {num(parts['guard'].median)} "
          f"| {num(parts['backend'].median)} | {num(parts['unguardedNative'].median - c_empty.median)} "
          f"| {num(parts['backend'].median - c_empty.median)} |")
        w("")

    # -- native memory
    if memory:
        w(f"### Native memory over {num(memory['cycles'])} completion cycles")
        w("")
        w("One cycle: make a call to a busy station, read its status, `completeCall(CAMPON)`, read "
          "its info, `cancel()`, close it; 32 at a time. Sampled after a warm-up and after every "
          "tenth of the cycles, after a full GC. *Bridge blocks*: `Tapi.nativeAllocations()`. "
          "*malloc*: glibc's bytes in use (`mallinfo2`), process-wide; *the JVM's*: its own malloc "
          "use by Native Memory Tracking (kilobyte resolution); *the rest*: the difference, that is "
          "the simulator, the bridge, JNA and glibc's overhead per block. Its *floor* is the least "
          "sample of each half of the run, and the floor growth is divided by half the cycles. The "
          "JVM runs with `-XX:+AlwaysPreTouch`, so RSS does not grow as the heap is first touched.")
        w("")
        w("| | warm-up cycles | bridge blocks, after warm-up → last | malloc, whole process, min – max "
          "| of which the JVM's (NMT), min – max | the rest, min – max | the rest's floor, first half "
          "→ second half | floor growth per cycle | RSS growth | Java heap growth | seconds |")
        w("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
        for row in memory["rows"]:
            w(row)
        w("")

    # -- targets
    if open_close:
        w(open_close_markdown(open_close))
        w("")
    if isolated:
        w(isolated_markdown(isolated))
        w("")
    w("### Targets")
    w("")
    w("The targets are written down in [docs/performance.md](../docs/performance.md).")
    w("")
    w("| Target | Measured | |")
    w("|---|---|---|")
    deltas = []
    for jname, cname, label in CALLS:
        jni_f, c_f = jf("CrossingBenchmark." + jname, "JNI"), cf(cname)
        if jni_f and c_f:
            deltas.append((label, jni_f.median - c_f.median, jni_f.bytes_per_op))
    if deltas:
        verdicts = [d <= TARGET_CROSSING_NS and (b or 0) < 0.5 for _, d, b in deltas]
        verdict = ("met" if all(verdicts) else "**missed**" if not any(verdicts)
                   else f"met for {sum(verdicts)} of {len(verdicts)} calls")
        w("| JNI crossing within 25 ns of the same call from C, 0 B/op | JNI − C: "
          + "; ".join(f"{label} {num(d)} ns, {bytes_op(b)} B/op" for label, d, b in deltas)
          + f" | {verdict} |")
    totals, crossings = [], []
    for jname, cname, label in CALLS:
        jni_f, jna_f, c_f = (jf("CrossingBenchmark." + jname, "JNI"),
                             jf("CrossingBenchmark." + jname, "JNA"), cf(cname))
        if jni_f and jna_f and c_f:
            totals.append((label, jna_f.median / jni_f.median))
            crossings.append((label, (jna_f.median - c_f.median) / (jni_f.median - c_f.median)))
    if totals:
        ok_cross = all(r >= TARGET_JNA_OVER_JNI for _, r in crossings)
        ok_total = all(r >= TARGET_JNA_OVER_JNI for _, r in totals)
        below = sum(1 for _, r in totals if r < TARGET_JNA_OVER_JNI)
        verdict = ("met" if ok_total and ok_cross else
                   f"met on the crossing; the whole call is below 3x for {below} of {len(totals)}"
                   if ok_cross else "**missed**")
        w("| JNI at least 3x faster than JNA direct, same call | whole call (JNA / JNI): "
          + ", ".join(f"{label} {r:.2f}x" for label, r in totals)
          + "; the crossing alone ((JNA − C) / (JNI − C)): "
          + ", ".join(f"{label} {r:.2f}x" for label, r in crossings) + f" | {verdict} |")
    best_seq = max((med(jf("CompletionRoundTripBenchmark." + m, "JNI")) or 0)
                   for m in ("oneThread", "twoThreads"))
    w(f"| At least 200,000 round trips per second on 2 cores | pipelined: {num(jnip)} per second "
      f"(JNI), {num(jnap)} (JNA); C with the same shape {num(med(cpl))}. One at a time: "
      f"{num(best_seq)} (JNI, best of 1 and 2 threads) | "
      f"{pipelined_verdict(jf('CompletionRoundTripBenchmark.pipelined', 'JNI'))} |")
    if ejni is not None:
        w(f"| At least 1,000,000 messages per second to a Java listener | {num(ejni)} per second "
          f"(JNI), {num(ejna)} (JNA) | {'met' if ejni >= TARGET_EVENTS else '**missed**'} |")
    if memory:
        w(f"| Native memory flat after 1,000,000 completion cycles | {memory['summary']} "
          f"| {'met' if memory['flat'] else '**missed**'} |")
    else:
        w("| Native memory flat after 1,000,000 completion cycles | not measured by this run | |")
    w("")

    # -- all figures, with their noise
    w("### Every figure and its noise")
    w("")
    w("JMH: median of the iterations, JMH's mean ± its 99.9% error, the range of the iterations, "
      "and the mean of each fork (JVM). C: median of the runs of every session "
      f"({cmeta.get('sessions', '?')} sessions of {cmeta.get('runs', '?')} runs, before, between and "
      "after the JMH classes), their range, and each session's median (in the fork column). "
      "Spread = (max − min) / median.")
    w("")
    w("| Benchmark | Variant | JDK | Unit | Median | Mean ± error | Min – max | Spread "
      "| Fork means (JMH), session medians (C) |")
    w("|---|---|---|---|--:|--:|--:|--:|--:|")
    for (name, variant), f in sorted(j.items()):
        w(f"| {name} | {variant.split('@')[0]} | {f.jdk or '?'} | {f.unit} | {num(f.median)} "
          f"| {num(f.mean)} ± {num(f.error)} "
          f"| {num(f.low)} – {num(f.high)} | {f.spread():.0f}% | {', '.join(num(x) for x in f.fork_means)} |")
    for name, f in c.items():
        w(f"| tapisim-bench {name} | C | | {f.unit} | {num(f.median)} | | {num(f.low)} – {num(f.high)} "
          f"| {f.spread():.0f}% | {', '.join(num(x) for x in f.fork_means)} |")
    w("")
    w("![Benchmark chart](chart.svg)")
    return "\n".join(out)


# ---- chart -----------------------------------------------------------------------------------

COLORS = {"C": "#555555", "JNI": "#1f77b4", "JNA": "#ff7f0e", "JNA interface": "#d62728",
          "FFM": "#2ca02c", "FFM plain": "#9467bd"}


def svg_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def ratio_text(r):
    if r >= 100:
        return f"{r:.0f}"
    if r >= 10:
        return f"{r:.1f}"
    return f"{r:.2f}"


def panel(title, rows, target=None, target_label=None, fmt=num):
    """A dot plot on a log axis, where equal ratios are equal distances: each row's median is a
    dot, its range a line, and a column gives its ratio to its group's baseline (and, for JNA, to
    JNI). rows: (label, color key, Figure or None, role); a None label starts a new group; role
    "base NAME" marks the baseline of the rows after it (NAME in their ratio), "jni" the JNI row
    that the JNA rows after it are also compared with. Returns (svg lines, height)."""
    rows = [r for r in rows if r[0] is None or r[2] is not None]
    left, width, bar, gap = 250, 420, 16, 6
    value_x, ratio_x = left + width + 14, left + width + 80
    top = 48
    figures = [f for _, _, f, _ in rows if f is not None]
    lo_v = min([f.low for f in figures] + ([target] if target else []))
    hi_v = max([f.high for f in figures] + ([target] if target else []))
    lo = 10 ** math.floor(math.log10(max(lo_v, 1e-9)))
    hi = 10 ** math.ceil(math.log10(hi_v))

    def x(v):
        return left + width * (math.log10(max(v, lo)) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))

    s = [f'<text x="10" y="18" font-weight="bold">{svg_escape(title)}</text>']
    s.append(f'<text x="{value_x}" y="{top - 10}" fill="#666">median</text>')
    s.append(f'<text x="{ratio_x}" y="{top - 10}" fill="#666">ratio of medians</text>')
    bottom = top + sum(8 if r[0] is None else bar + gap for r in rows)
    p = lo
    while p <= hi * 1.0001:
        for k in (1, 2, 5):
            v = p * k
            if v > hi * 1.0001:
                break
            gx = x(v)
            major = k == 1
            s.append(f'<line x1="{gx:.1f}" x2="{gx:.1f}" y1="{top - 4}" y2="{bottom}" '
                     f'stroke="{"#cccccc" if major else "#eeeeee"}"/>')
            if major or width / (math.log10(hi) - math.log10(lo)) > 120:
                s.append(f'<text x="{gx:.1f}" y="{bottom + 12}" text-anchor="middle" fill="#666">'
                         f'{svg_escape(si(v))}</text>')
        p *= 10
    y = top
    base = jni = None
    for label, key, f, role in rows:
        if label is None:
            y += 8
            continue
        if role and role.startswith("base"):
            base = (role[5:], f)
            jni = None
        if role == "jni":
            jni = f
        cy = y + bar / 2
        s.append(f'<text x="{left - 8}" y="{y + bar - 4}" text-anchor="end">{svg_escape(label)}</text>')
        s.append(f'<line x1="{left}" x2="{left + width}" y1="{cy}" y2="{cy}" stroke="#f3f3f3"/>')
        s.append(f'<line x1="{x(f.low):.1f}" x2="{x(f.high):.1f}" y1="{cy}" y2="{cy}" '
                 f'stroke="{COLORS[key]}" stroke-width="2"/>')
        s.append(f'<circle cx="{x(f.median):.1f}" cy="{cy}" r="5" fill="{COLORS[key]}"/>')
        s.append(f'<text x="{value_x}" y="{y + bar - 4}">{svg_escape(fmt(f.median))}</text>')
        if role and role.startswith("base"):
            text = "baseline"
        elif base is not None:
            text = f"{ratio_text(f.median / base[1].median)}× {base[0]}"
            if jni is not None and key in ("JNA", "JNA interface"):
                text += f", {ratio_text(f.median / jni.median)}× JNI"
        else:
            text = ""
        s.append(f'<text x="{ratio_x}" y="{y + bar - 4}">{svg_escape(text)}</text>')
        y += bar + gap
    if target:
        tx = x(target)
        s.append(f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{top - 6}" y2="{y}" stroke="#2ca02c" '
                 f'stroke-dasharray="4 3"/>')
        s.append(f'<text x="{tx + 4:.1f}" y="{top - 10}" fill="#2ca02c">{svg_escape(target_label)}</text>')
    s.append(f'<text x="{left}" y="{y + 30}" fill="#666">log scale: equal ratios are equal distances; '
             f'dot = median, line = range of the iterations or runs</text>')
    return s, y + 40


def chart(c, j, machine):
    def jf(name, variant):
        return j.get((name, variant))

    panels = []
    rows = []
    for jname, cname, label in CALLS:
        if rows:
            rows.append((None, None, None, None))
        rows.append((f"{label}: C", "C", c.get(cname), "base C"))
        for v, vlabel in VARIANTS:
            rows.append((f"{vlabel}", "JNA interface" if v == "JNA_INTERFACE" else v,
                         jf("CrossingBenchmark." + jname, v), "jni" if v == "JNI" else None))
        rows.extend(render_ffm.ffm_rows(j, jname))
    panels.append(panel("Synchronous call, ns per call (lower is better)", rows))
    rows = [("C, pipelined, pump", "C", c.get("completionRoundTrip_pipelined"), "base C"),
            ("JNI, pipelined", "JNI", jf("CompletionRoundTripBenchmark.pipelined", "JNI"), "jni"),
            ("JNA, pipelined", "JNA", jf("CompletionRoundTripBenchmark.pipelined", "JNA"), None)]
    rows += render_ffm.ffm_row(j, "CompletionRoundTripBenchmark.pipelined", "FFM, pipelined")
    rows += [(None, None, None, None),
            ("C, one at a time, pump", "C", c.get("completionRoundTrip_pump"), "base C pump"),
            ("C, one at a time, own replies", "C", c.get("completionRoundTrip_oneThread"), None)]
    for v in ("JNI", "JNA"):
        rows.append((f"{v}, one at a time, 1 thread", v, jf("CompletionRoundTripBenchmark.oneThread", v),
                     "jni" if v == "JNI" else None))
        rows.append((f"{v}, one at a time, 2 threads", v, jf("CompletionRoundTripBenchmark.twoThreads", v), None))
    panels.append(panel("Completion round trips per second (higher is better)", rows,
                        TARGET_ROUND_TRIPS, "target 200 k/s", si))
    rows = [("C, pump thread", "C", c.get("eventDelivery_pump"), "base C pump"),
            ("C, same thread", "C", c.get("eventDelivery_oneThread"), None),
            (None, None, None, None),
            ("JNI", "JNI", jf("EventDeliveryBenchmark.deliver", "JNI"), "jni"),
            ("JNA", "JNA", jf("EventDeliveryBenchmark.deliver", "JNA"), None)]
    rows += render_ffm.ffm_row(j, "EventDeliveryBenchmark.deliver", "FFM")
    panels.append(panel("Event delivery, messages per second (higher is better)", rows,
                        TARGET_EVENTS, "target 1 M/s", si))

    java = machine.get("java", "?").split(" / ")[0].replace("openjdk version", "OpenJDK").replace('"', "")
    about = (f"{machine.get('cpu', '?')}, {machine.get('nproc', '?')} CPUs, {machine.get('kernel', '?')}, "
             f"{java}; run {machine.get('date', '?')}, load {machine.get('loadStart', '?')} at the start")
    body = [f'<text x="10" y="20" font-weight="bold" font-size="14">tapibridge benchmarks</text>',
            f'<text x="10" y="38" fill="#444">{svg_escape(about)}</text>']
    y = 52
    for lines, h in panels:
        body.append(f'<g transform="translate(0,{y})">')
        body.extend(lines)
        body.append("</g>")
        y += h + 10
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="960" height="{y}" '
            f'font-family="sans-serif" font-size="12">')
    return "\n".join([head, f'<rect width="960" height="{y}" fill="white"/>'] + body + ["</svg>"]) + "\n"


# ---- main ------------------------------------------------------------------------------------


def render(results, readme, svg):
    with open(os.path.join(results, "machine.json")) as f:
        machine = json.load(f)
    cmeta, c = load_c(sorted(glob.glob(os.path.join(results, "c-bench*.json"))))
    _, j = load_jmh(sorted(glob.glob(os.path.join(results, "jmh*.json"))))
    section = results_markdown(machine, cmeta, c, j, load_memory(results), load_open_close(results),
                               load_isolated(results))
    text = ""
    if os.path.exists(readme):
        with open(readme) as f:
            text = f.read()
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
    else:
        head, tail = "# tapibridge benchmarks\n\n", "\n"
    with open(readme, "w") as f:
        f.write(head + BEGIN + "\n" + section + "\n" + END + tail)
    with open(svg, "w") as f:
        f.write(chart(c, j, machine))


def main(argv):
    if len(argv) == 3 and argv[1] == "--snapshot":
        snapshot(argv[2])
    elif len(argv) == 3 and argv[1] == "--snapshot-end":
        snapshot_end(argv[2])
    elif len(argv) == 4:
        render(argv[1], argv[2], argv[3])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
