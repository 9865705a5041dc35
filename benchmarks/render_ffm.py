"""The FFM part of benchmarks/README.md and chart.svg, for render.py: the figures measured on a
JDK 22+ (all four backends: JNI, JNA, FFM with its critical calls, FFM with plain downcalls only)
next to the C baseline, and the FFM targets. render.py keys a figure measured on a JDK 22+ by its
variant plus "@<JDK>" (JNI@25), except the FFM variants, which run on no other JDK."""

# Targets of the FFM backend (docs/performance.md).
TARGET_FFM_CRITICAL_OVER_C = 1.05
TARGET_FFM_PLAIN_OVER_C = 1.15
TARGET_FFM_PIPELINED_OVER_C = 0.85
TARGET_FFM_EVENTS_OVER_C_PUMP = 0.6

FFM_VARIANTS = [("FFM", "FFM, critical"), ("FFM_PLAIN", "FFM, plain")]


def ffm_jdk(j):
    """The JDK of the FFM figures ("25.0.3"), or None if there are none."""
    for (_, variant), f in sorted(j.items()):
        if variant.startswith("FFM"):
            return f.jdk
    return None


def ffm_markdown(c, j, calls, num, ratio, bytes_op):
    """The section on the JDK 22+ figures, as lines."""
    out = []
    w = out.append
    jdk = ffm_jdk(j)
    w("### On a JDK 22+: FFM next to JNI and JNA")
    w("")
    if jdk is None:
        w("No FFM figures in this run: `run.sh` found no JDK 22+ (set `TAPIBRIDGE_JDK22_HOME`).")
        w("")
        return out
    major = jdk.split(".")[0]
    on = "@" + major

    def jf(name, variant):
        return j.get((name, variant))

    def med(f):
        return f.median if f else None

    w(f"Every figure of this section was measured on JDK {jdk} (the tables above: the default "
      "JDK). *FFM, critical* is `Backend.FFM` on the simulator, whose hot calls are critical "
      "downcalls (`Linker.Option.critical(false)`) into libtapibridge's wrappers, inside its C "
      "guard; *FFM, plain* the same backend on the same library opened by path, where every call "
      "is a plain downcall inside the Java guard.")
    w("")
    w(f"| Call | C | JNI | JNA direct | FFM, critical | FFM, plain | FFM / C | FFM plain / C "
      f"| FFM / JNI | B/op FFM, FFM plain |")
    w("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    crossing = []
    for jname, cname, label in calls:
        cfig = c.get(cname)
        jni = jf("CrossingBenchmark." + jname, "JNI" + on)
        jna = jf("CrossingBenchmark." + jname, "JNA" + on)
        crit = jf("CrossingBenchmark." + jname, "FFM")
        plain = jf("CrossingBenchmark." + jname, "FFM_PLAIN")
        crossing.append((label, cfig, crit, plain))
        w(f"| {label} | {num(med(cfig))} | {num(med(jni))} | {num(med(jna))} | {num(med(crit))} "
          f"| {num(med(plain))} | {ratio(med(crit), med(cfig))} | {ratio(med(plain), med(cfig))} "
          f"| {ratio(med(crit), med(jni))} "
          f"| {', '.join(bytes_op(f.bytes_per_op) if f else 'n/a' for f in (crit, plain))} |")
    w("")
    w("| | round trips pipelined | vs. C pipelined | one at a time, 1 thread | 2 threads "
      "| events per second | vs. C pump |")
    w("|---|--:|--:|--:|--:|--:|--:|")
    cpl = c.get("completionRoundTrip_pipelined")
    cpump = c.get("eventDelivery_pump")
    for v, label in (("JNI" + on, "JNI"), ("JNA" + on, "JNA"), ("FFM", "FFM")):
        pl = jf("CompletionRoundTripBenchmark.pipelined", v)
        one = jf("CompletionRoundTripBenchmark.oneThread", v)
        two = jf("CompletionRoundTripBenchmark.twoThreads", v)
        ev = jf("EventDeliveryBenchmark.deliver", v)
        w(f"| {label} | {num(med(pl))} | {ratio(med(pl), med(cpl))} | {num(med(one))} | {num(med(two))} "
          f"| {num(med(ev))} | {ratio(med(ev), med(cpump))} |")
    w("")
    w("| FFM target | Measured | |")
    w("|---|---|---|")

    def verdict(oks):
        oks = [ok for ok in oks if ok is not None]
        if not oks:
            return "not measured"
        return "met" if all(oks) else "**missed**" if not any(oks) else f"met for {sum(oks)} of {len(oks)}"

    for key, idx, target, text in (("FFM", 2, TARGET_FFM_CRITICAL_OVER_C, "FFM critical within 1.05x of C"),
                                   ("FFM_PLAIN", 3, TARGET_FFM_PLAIN_OVER_C, "FFM plain within 1.15x of C")):
        rs = [(row[0], row[idx].median / row[1].median) for row in crossing if row[idx] and row[1]]
        w(f"| {text} | " + "; ".join(f"{label} {r:.2f}x" for label, r in rs)
          + f" | {verdict([r <= target for _, r in rs])} |")
    bs = [(row[0], row[2].bytes_per_op) for row in crossing if row[2] and row[2].bytes_per_op is not None]
    w("| FFM 0 B/op on the synchronous calls | " + "; ".join(f"{label} {bytes_op(b)} B/op" for label, b in bs)
      + f" | {verdict([b < 0.5 for _, b in bs])} |")
    pl = jf("CompletionRoundTripBenchmark.pipelined", "FFM")
    r = pl.median / cpl.median if pl and cpl else None
    w(f"| FFM pipelined round trips at least 0.85x of C | {ratio(med(pl), med(cpl))} "
      f"| {verdict([r >= TARGET_FFM_PIPELINED_OVER_C] if r else [])} |")
    ev = jf("EventDeliveryBenchmark.deliver", "FFM")
    r = ev.median / cpump.median if ev and cpump else None
    w(f"| FFM event delivery at least 0.6x of the C pump | {ratio(med(ev), med(cpump))} "
      f"| {verdict([r >= TARGET_FFM_EVENTS_OVER_C_PUMP] if r else [])} |")
    w("")
    return out


def ffm_rows(j, jname):
    """Chart rows of the FFM variants of one synchronous call (none without FFM figures)."""
    rows = []
    for v, label in FFM_VARIANTS:
        f = j.get(("CrossingBenchmark." + jname, v))
        if f:
            rows.append((f"{label} (JDK {f.jdk.split('.')[0]})", v.replace("FFM_PLAIN", "FFM plain"), f, None))
    return rows


def ffm_row(j, name, label):
    """One chart row of the FFM variant of a benchmark, as a list (empty without it)."""
    f = j.get((name, "FFM"))
    return [(f"{label} (JDK {f.jdk.split('.')[0]})", "FFM", f, None)] if f else []
