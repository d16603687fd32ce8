#!/usr/bin/env python3
"""Regression guard for the key benchmarks: compares ratios, never absolute times.

Every benchmark's median is divided by the median of its class's in-run reference (DuckDB's SQL for the operating-log
scan, the memory read floor for the kernel) in the same job and parameters, so a machine that runs slower as a whole
changes nothing; a benchmark that got slower against its reference does.

  record  RESULTS_DIR BASELINE_JSON   write the ratios of a deliberate run (BenchmarkDotNet's results folder,
                                      exported with --exporters json) into the baseline, replacing the ratios of
                                      the classes the run holds and keeping the others
  compare RESULTS_DIR BASELINE_JSON [--margin M]
                                      exit 1 when a ratio grew beyond (1 + M) times the recorded one (M defaults to
                                      the baseline's margin); benchmarks absent from the run are listed, not failed

See benchmarks/README.md ("Regression guard") and docs/performance.md.
"""
import glob
import json
import os
import sys

# The in-run reference of each guarded class.
REFERENCES = {
    "OperatingLogScanBenchmarks": "DuckDbSql",
    "OperatingLogKernelBenchmarks": "ReadFloor",
    "AssessmentBenchmarks": "DuckDbViews",
}
DEFAULT_MARGIN = 0.35


def job_of(benchmark):
    # DisplayInfo: "Type.Method: JobId(settings) [Params]"
    info = benchmark["DisplayInfo"].split(": ", 1)[1]
    return info.split("(", 1)[0].split(" [", 1)[0].strip()


def ratios(results_dir):
    medians = {}
    for path in glob.glob(os.path.join(results_dir, "*-report-full-compressed.json")) + glob.glob(os.path.join(results_dir, "*-report-full.json")):
        with open(path, encoding="utf-8") as f:
            for b in json.load(f)["Benchmarks"]:
                if b["Type"] in REFERENCES and b.get("Statistics"):
                    medians[(b["Type"], job_of(b), b["Parameters"], b["Method"])] = b["Statistics"]["Median"]
    out = {}
    for (type_, job, params, method), median in medians.items():
        reference = medians.get((type_, job, params, REFERENCES[type_]))
        if reference and method != REFERENCES[type_]:
            out[f"{type_}.{method} [{job}] {params}"] = median / reference
    return out


def main(argv):
    if len(argv) < 3 or argv[0] not in ("record", "compare"):
        print(__doc__)
        return 2
    command, results_dir, baseline_path = argv[0], argv[1], argv[2]
    found = ratios(results_dir)
    if not found:
        print(f"No guarded benchmark results (JSON export) in {results_dir}.")
        return 2
    if command == "record":
        kept = {}
        if os.path.exists(baseline_path):
            with open(baseline_path, encoding="utf-8") as f:
                recorded_types = {key.split(".", 1)[0] for key in found}
                kept = {k: v for k, v in json.load(f)["ratios"].items() if k.split(".", 1)[0] not in recorded_types}
        with open(baseline_path, "w", encoding="utf-8") as f:
            json.dump({"margin": DEFAULT_MARGIN, "references": REFERENCES, "ratios": dict(sorted({**kept, **found}.items()))}, f, indent=2)
            f.write("\n")
        print(f"Recorded {len(found)} ratios in {baseline_path}.")
        return 0
    with open(baseline_path, encoding="utf-8") as f:
        baseline = json.load(f)
    margin = float(argv[argv.index("--margin") + 1]) if "--margin" in argv else baseline.get("margin", DEFAULT_MARGIN)
    failed = 0
    print(f"{'benchmark':<90} {'recorded':>9} {'now':>9}  verdict (margin {margin:.0%})")
    for key, recorded in sorted(baseline["ratios"].items()):
        now = found.get(key)
        if now is None:
            print(f"{key:<90} {recorded:>9.3f} {'-':>9}  not run")
            continue
        slower = now > recorded * (1 + margin)
        failed += slower
        print(f"{key:<90} {recorded:>9.3f} {now:>9.3f}  {'SLOWER' if slower else 'ok'}")
    print(f"{failed} regression(s).")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
