"""Tests of render.py's verdicts (python3 -m unittest discover -s benchmarks): the figures are
made up, only the verdicts are checked."""
import unittest

import render


def open_close_run(slope):
    sample = {"rss": 300 * 2**20, "mappings": 240, "classesLoaded": 2000, "nativeBlocks": 1}
    return {"cycles": 10000, "warmUpCycles": 15000, "medianMicros": 500.0, "p90Micros": 600.0,
            "rssSlopeBytesPerCycle": slope, "samples": [sample, sample]}


def verdict(markdown, target):
    row = next(line for line in markdown.splitlines() if line.startswith("| " + target))
    return row.rstrip(" |").rsplit("|", 1)[1].strip()


class OpenCloseVerdict(unittest.TestCase):

    def test_open_close_verdict_counts_every_backend(self):
        # The verdict required exactly two backends, so a run with FFM beside JNI and JNA was
        # "missed" whatever its slopes.
        oc = {"machine": {}, "runs": {"JNI": open_close_run(18), "JNA": open_close_run(19),
                                      "FFM": open_close_run(15)}}
        self.assertEqual("met", verdict(render.open_close_markdown(oc), "RSS slope under 1 KiB"))

    def test_one_backend_over_the_target_misses(self):
        oc = {"machine": {}, "runs": {"JNI": open_close_run(18), "JNA": open_close_run(19),
                                      "FFM": open_close_run(1247)}}
        self.assertEqual("**missed**", verdict(render.open_close_markdown(oc), "RSS slope under 1 KiB"))

    def test_a_single_backend_is_not_enough(self):
        oc = {"machine": {}, "runs": {"JNI": open_close_run(18)}}
        self.assertEqual("**missed**", verdict(render.open_close_markdown(oc), "RSS slope under 1 KiB"))


def figure(median, jdk="17.0.15"):
    f = render.Figure(median, median, median, "ops/s", [median], fork_means=[median])
    f.jdk = jdk
    return f


class OneAtATimeVerdict(unittest.TestCase):

    def one_at_a_time(self, jni, c_pump):
        c = {"completionRoundTrip_pump": figure(c_pump)}
        j = {("CompletionRoundTripBenchmark.oneThread", "JNI"): figure(jni)}
        return verdict("\n".join(render.render_forks.forks_markdown(c, j, render.CALLS, render.ratio)),
                       "one at a time no worse than before")

    def test_a_slower_host_is_read_by_the_ratio_to_c(self):
        # A host whose wake-ups are twice as slow halves C's pump shape too: a lower rate than
        # the earlier run's, at a better ratio to C, is not worse.
        self.assertEqual("met", self.one_at_a_time(10_377, 9_192))

    def test_a_lower_ratio_to_c_misses_whatever_the_rate(self):
        self.assertEqual("**missed**", self.one_at_a_time(20_000, 25_000))


if __name__ == "__main__":
    unittest.main()
