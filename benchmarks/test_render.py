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


if __name__ == "__main__":
    unittest.main()
