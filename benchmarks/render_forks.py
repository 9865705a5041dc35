"""The fork-by-fork ratios of benchmarks/README.md, for render.py: every JMH fork (JVM) of the
crossings, the pipelined round trips and event delivery, as a ratio to the C baseline of the same
run, against the ratio targets of docs/performance.md. A median can meet a target that one slow
JVM misses; these targets hold on every fork."""

# Ratio targets (docs/performance.md): the crossing at most this many times the C call, on every
# fork; pipelined round trips and event delivery at least this share of C's same shape.
CROSSING_OVER_C = {"JNI": 1.15, "FFM": 1.05, "FFM_PLAIN": 1.15}
PIPELINED_OVER_C = {"JNI": 0.85, "FFM": 0.85, "JNA": 0.6}
EVENTS_OVER_C_PUMP = {"JNI": 0.6, "FFM": 0.6}

# One round trip at a time, before the performance work (the run of 2026-11-24 01:55 UTC, JDK 17):
# round trips per second, and C's pump shape in that run. The verdict compares each backend's
# ratio to C's pump shape of the same run with its ratio then: a rate is mostly the latency of
# waking threads, which differs between hosts by 2x and more (C's own pump shape measured 18,493
# per second then, 9,192 on another host on 2026-12-02), while the ratio to C is read on one
# machine. It is the stricter reading on a host where the simulator's wake-ups, faster since,
# raise C's figure as well. The rates are shown beside it.
ONE_AT_A_TIME_BEFORE = {"JNI": (18_023, 18_493), "JNA": (16_078, 18_493)}

LABELS = {"JNI": "JNI", "JNA": "JNA", "FFM": "FFM, critical", "FFM_PLAIN": "FFM, plain"}


def _variants(j, base):
    """(variant key, label with its JDK) of every run of a backend: JNI on each JDK."""
    seen = {}
    for (_, variant), f in sorted(j.items()):
        if variant.split("@")[0] == base:
            seen.setdefault(variant, f.jdk or "?")
    return [(v, f"{LABELS.get(base, base)}, JDK {jdk.split('.')[0]}") for v, jdk in seen.items()]


def _verdict(oks):
    oks = [ok for ok in oks if ok is not None]
    if not oks:
        return "not measured"
    return "met" if all(oks) else "**missed**" if not any(oks) else f"met on {sum(oks)} of {len(oks)} forks"


def forks_markdown(c, j, calls, ratio):
    """The section, as lines (empty without JMH figures)."""
    out = []
    w = out.append
    if not j:
        return out
    w("### Ratios to C, fork by fork")
    w("")
    w("Each JMH fork's mean over the C baseline's median (all five sessions); a target holds when "
      "it holds on every fork. The crossing: lower is better; the rest: higher is better.")
    w("")
    w("| Target | Backend | Measured: median, then each fork | |")
    w("|---|---|---|---|")
    for base, target in CROSSING_OVER_C.items():
        for variant, label in _variants(j, base):
            parts, oks = [], []
            for jname, cname, clabel in calls:
                f, cf = j.get(("CrossingBenchmark." + jname, variant)), c.get(cname)
                if not f or not cf:
                    continue
                forks = [m / cf.median for m in f.fork_means]
                oks.extend(r <= target for r in forks)
                parts.append(f"{clabel} {ratio(f.median, cf.median)} ("
                             + ", ".join(f"{r:.2f}x" for r in forks) + ")")
            if parts:
                w(f"| crossing within {target:.2f}x of C | {label} | {'; '.join(parts)} | {_verdict(oks)} |")
    shares = (("CompletionRoundTripBenchmark.pipelined", "completionRoundTrip_pipelined",
               PIPELINED_OVER_C, "pipelined round trips at least {:.2f}x of C"),
              ("EventDeliveryBenchmark.deliver", "eventDelivery_pump",
               EVENTS_OVER_C_PUMP, "event delivery at least {:.2f}x of the C pump"))
    for jname, cname, targets, text in shares:
        cf = c.get(cname)
        for base, target in targets.items():
            for variant, label in _variants(j, base):
                f = j.get((jname, variant))
                if not f or not cf:
                    continue
                forks = [m / cf.median for m in f.fork_means]
                w(f"| {text.format(target)} | {label} | {ratio(f.median, cf.median)} ("
                  + ", ".join(f"{r:.2f}x" for r in forks) + f") | {_verdict([r >= target for r in forks])} |")
    cpump = c.get("completionRoundTrip_pump")
    for base, (before, c_before) in ONE_AT_A_TIME_BEFORE.items():
        for variant, label in _variants(j, base):
            f = j.get(("CompletionRoundTripBenchmark.oneThread", variant))
            if not f or not cpump:
                continue
            w(f"| one at a time no worse than before, as a ratio to C's pump shape (2026-11-24: {before:,.0f} per second, "
              f"{before / c_before:.2f}x of C's pump shape) | {label} | {f.median:,.0f} per second, "
              f"{f.median / cpump.median:.2f}x of C ({cpump.median:,.0f}) | "
              f"{_verdict([f.median / cpump.median >= before / c_before])} |")
    w("")
    return out
