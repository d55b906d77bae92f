"""Speed of okrlint measured side by side with raw spaCy in one run.

    python benchmarks/speed.py [--quick] [--jobs 1,0] [--rounds N] [--pairs N] [--only SECTIONS]

1. Throughput: raw ``nlp.pipe`` with the full en_core_web_sm pipeline vs okrlint end to end (reading aside:
   ``Linter.lint_documents`` with every default rule and rewrite suggestions), in one process and with the CLI's
   default workers, on the same statements: the seed labels replicated, and a generated set of unique statements.
   Flagged-heavy (``--only flagged``): 2,500 statements of which 2,000 are flagged key results (each finding
   builds rewrites and re-lints them), in one process, ``--pairs`` raw/okrlint pairs back to back: the median of
   the pairs' ratios, in wall time and in CPU time.
   Parse floor (``--only parse-floor``): on the same file, raw spaCy against okrlint's parse alone of every text
   it parses (the statements and the rewrites it re-lints): the best ratio okrlint could reach there if its
   analysis, rules and rewrite search took no time.
2. Cold start: ``okrlint check`` on a 10-OKR file vs ``python -c "import spacy; spacy.load(model)"``.
3. Peak memory (max RSS of a fresh process) streaming 10k and 100k generated statements.
4. Growth: okrlint time for 1k, 10k and 100k statements (it should be linear).
5. One file of 10k and of 100k key results: ``okrlint check`` (one process, and the default workers) and raw
   spaCy over the same statements, each in a fresh process: time and peak memory.

``--only`` runs some of these (e.g. ``--only flagged,single-file``).

Every ratio compares figures taken in this run, on this machine, under the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
LABELS = REPO.parent / "shared" / "eval" / "seed_labels.jsonl"

_VERBS_UP = ["Increase", "Grow", "Raise", "Lift", "Improve", "Reach", "Get"]
_VERBS_DOWN = ["Reduce", "Cut", "Lower", "Shorten"]
_OUTPUT_VERBS = [
    "Launch",
    "Publish",
    "Write",
    "Create",
    "Update",
    "Redesign",
    "Ship",
    "Send",
    "Organize",
    "Host",
]
_METRICS_UP = [
    "weekly active users",
    "trial to paid conversion rate",
    "organic search traffic",
    "email open rate",
    "onboarding completion rate",
    "net revenue retention",
    "monthly sign-ups",
    "NPS among new customers",
    "feature adoption in the mobile app",
    "average order value",
    "share of self-serve upgrades",
]
_METRICS_DOWN = [
    "average response time",
    "customer churn",
    "support tickets per week",
    "time to first value",
    "p95 API latency",
    "cost per acquisition",
    "failed deployments per month",
]
_ARTEFACTS = [
    "the new website",
    "a weekly newsletter",
    "the partner portal",
    "our onboarding tips",
    "case studies",
    "the pricing page",
    "a customer webinar",
    "the mobile app",
    "blog posts",
    "the sales deck",
]
_OBJECTIVES = [
    "Delight our new customers",
    "Make onboarding effortless",
    "Grow our presence in Germany",
    "Build a product teams love",
    "Speed up our sales cycle",
    "Earn the trust of enterprise buyers",
    "Make our platform fast and reliable",
    "Become the go-to tool for small agencies",
]


def generated_okrs(n_statements: int, seed: int = 7) -> Iterator[tuple[str, list[str]]]:
    """Unique OKRs (an objective and 4 key results each), a realistic mix of good and bad statements."""
    rng = random.Random(seed)
    made = 0
    i = 0
    while made < n_statements:
        i += 1
        objective = f"{rng.choice(_OBJECTIVES)} in region {i}"
        krs = []
        for _ in range(4):
            roll = rng.random()
            a, b = rng.randint(2, 400), rng.randint(401, 900)
            if roll < 0.45:
                krs.append(f"{rng.choice(_VERBS_UP)} {rng.choice(_METRICS_UP)} from {a} to {b}")
            elif roll < 0.65:
                krs.append(f"{rng.choice(_VERBS_DOWN)} {rng.choice(_METRICS_DOWN)} by {a % 90 + 5}%")
            elif roll < 0.80:
                krs.append(f"{rng.choice(_OUTPUT_VERBS)} {rng.choice(_ARTEFACTS)} for segment {a}")
            elif roll < 0.90:
                krs.append(
                    f"{rng.choice(_OUTPUT_VERBS)} {a % 12 + 2} {rng.choice(_ARTEFACTS).split()[-1]}s per month"
                )
            else:
                krs.append(
                    f"{rng.choice(['Improve', 'Increase', 'Grow'])} {rng.choice(_METRICS_UP)} for team {a}"
                )
        made += 1 + len(krs)
        yield objective, krs


_CITIES = [
    "Lisbon",
    "Porto",
    "Madrid",
    "Seville",
    "Lyon",
    "Nantes",
    "Ghent",
    "Utrecht",
    "Leipzig",
    "Dresden",
    "Bologna",
    "Turin",
    "Krakow",
    "Gdansk",
    "Brno",
    "Graz",
    "Malmo",
    "Bergen",
    "Tampere",
    "Aarhus",
    "Cork",
    "Galway",
    "Leeds",
    "Bristol",
    "Glasgow",
    "Cardiff",
    "Quebec",
    "Calgary",
    "Denver",
    "Austin",
]
_AUDIENCES = [
    "small agencies",
    "enterprise buyers",
    "new customers",
    "students",
    "nonprofits",
    "retail partners",
    "first-time users",
    "hospital teams",
    "school districts",
    "freelancers",
]


def flagged_okrs(n_statements: int) -> Iterator[tuple[str, list[str]]]:
    """Unique OKRs whose four key results are all flagged at warning or error (outputs, activity counts,
    changes without a target, help without a measure): where okrlint works hardest, since each finding builds
    and re-lints rewrites. Statements are told apart by words, not numbers (a number would satisfy K201)."""
    made = 0
    i = 0
    while made < n_statements:
        audience = f"{_AUDIENCES[i // len(_CITIES) % len(_AUDIENCES)]} in {_CITIES[i % len(_CITIES)]}"
        if i >= len(_CITIES) * len(_AUDIENCES):
            audience += f" ({_OBJECTIVES[i // (len(_CITIES) * len(_AUDIENCES)) % len(_OBJECTIVES)].lower()})"
        objective = f"{_OBJECTIVES[i % len(_OBJECTIVES)]} for {audience}"
        krs = [
            f"{_OUTPUT_VERBS[i % len(_OUTPUT_VERBS)]} {_ARTEFACTS[i % len(_ARTEFACTS)]} for {audience}",
            f"{_VERBS_UP[i % len(_VERBS_UP)]} {_METRICS_UP[i % len(_METRICS_UP)]} among {audience}",
            f"{_VERBS_DOWN[i % len(_VERBS_DOWN)]} {_METRICS_DOWN[i % len(_METRICS_DOWN)]} for {audience}",
            f"Help {audience} with {_ARTEFACTS[(i + 3) % len(_ARTEFACTS)]}",
        ]
        i += 1
        made += 1 + len(krs)
        yield objective, krs


def seed_okrs(replicas: int) -> list[tuple[str, list[str]]]:
    """The seed labels as OKRs (a key result under its objective when it has one), repeated."""
    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    okrs: list[tuple[str, list[str]]] = []
    for row in rows:
        if row["kind"] == "objective":
            okrs.append((row["text"], []))
        else:
            okrs.append((row["objective"] or "Improve our product", [row["text"]]))
    return okrs * replicas


def statements_of(okrs: list[tuple[str, list[str]]]) -> list[str]:
    return [s for objective, krs in okrs for s in (objective, *krs)]


def throughput(okrs: list[tuple[str, list[str]]], label: str, jobs: list[int], pairs: int = 1) -> None:
    """Raw spaCy, then okrlint once per ``jobs`` value, on the same statements in this process; with ``pairs``
    above 1, that many raw/okrlint pairs back to back, and the median of the pairs' ratios (wall and CPU time),
    so that both sides of a ratio saw the same load on a shared machine."""
    import spacy

    from okrlint.api import BATCH_STATEMENTS, Linter, okr_document
    from okrlint.jobs import worker_count
    from okrlint.nlp import _resolve_model

    texts = statements_of(okrs)
    full = spacy.load(_resolve_model(None))
    list(full.pipe(texts[:200]))  # warm up
    sources = [okr_document(o, krs) for o, krs in okrs]
    for n in dict.fromkeys(jobs if len(set(texts)) > BATCH_STATEMENTS else [1]):
        walls: list[tuple[float, float]] = []
        cpus: list[tuple[float, float]] = []
        for _ in range(pairs):
            (raw_wall, raw_cpu), _ = _timed(_drain, full.pipe(texts))
            linter = Linter()  # a fresh analysis cache for each run
            linter.lint_statement("Launch the new website")  # load and warm up
            (ours_wall, ours_cpu), report = _timed(linter.lint_documents, sources, jobs=n)
            walls.append((raw_wall, ours_wall))
            cpus.append((raw_cpu, ours_cpu))
        workers = worker_count(n) if len(set(texts)) > BATCH_STATEMENTS else 1  # as Linter.findings decides
        name = f"{label}, {'one process' if workers == 1 else f'{workers} workers'}"
        raw, ours = statistics.median(r for r, _ in walls), statistics.median(o for _, o in walls)
        ratio = statistics.median(r / o for r, o in walls)
        line = (
            f"{name:44} {len(texts):>6} statements  raw spaCy {len(texts) / raw:5.0f}/s  "
            f"okrlint {len(texts) / ours:5.0f}/s  ratio {ratio:5.2f}x"
        )
        if pairs > 1:
            line += f" (median of {pairs} pairs"
            if workers == 1:  # a worker's CPU time is not this process's
                line += f"; CPU time {statistics.median(r / o for r, o in cpus):.2f}x"
            line += ")"
        print(
            f"{line}  ({len(report.findings)} findings, "
            f"{sum(len(f.suggestions) for f in report.findings)} suggestions)"
        )
        if pairs > 1:
            for (rw, ow), (rc, oc) in zip(walls, cpus, strict=True):
                print(
                    f"    pair: raw spaCy {rw:6.2f}s wall {rc:6.2f}s CPU, okrlint {ow:6.2f}s wall {oc:6.2f}s CPU"
                )


def parse_floor(okrs: list[tuple[str, list[str]]], pairs: int) -> None:
    """The best ratio okrlint could reach on these statements: raw spaCy over the statements against okrlint's
    parse alone (``parse_statements``, nothing else) of every text okrlint parses when it lints them, that is the
    statements and each distinct rewrite it re-lints before offering it. Everything else okrlint does (analysis,
    rules, rewrite search) can only take its ratio below this one. ``pairs`` pairs back to back, medians."""
    import spacy

    from okrlint.api import ANALYSIS_CACHE_SIZE, Linter, okr_document
    from okrlint.nlp import _resolve_model, parse_statements

    texts = statements_of(okrs)
    full = spacy.load(_resolve_model(None))
    list(full.pipe(texts[:200]))  # warm up
    linter = Linter()
    linter.lint_documents([okr_document(o, krs) for o, krs in okrs])
    # The analysis cache holds one entry per text parsed (statements, rewrites, their objectives), as long as
    # the run stays under its bound.
    parsed = list(linter._cache)
    if len(parsed) >= ANALYSIS_CACHE_SIZE:
        raise SystemExit("parse floor: more texts than the analysis cache holds; use fewer statements")
    walls: list[tuple[float, float]] = []
    cpus: list[tuple[float, float]] = []
    for _ in range(pairs):
        (raw_wall, raw_cpu), _ = _timed(_drain, full.pipe(texts))
        (ours_wall, ours_cpu), _ = _timed(_drain, parse_statements(linter.nlp, parsed))
        walls.append((raw_wall, ours_wall))
        cpus.append((raw_cpu, ours_cpu))
    print(
        f"parse floor: raw spaCy over {len(texts)} statements vs okrlint's parse alone of the {len(parsed)} texts "
        f"it parses (statements and rewrites): best possible ratio "
        f"{statistics.median(r / o for r, o in walls):.2f}x wall, {statistics.median(r / o for r, o in cpus):.2f}x "
        f"CPU (median of {pairs} pairs)"
    )
    for (rw, ow), (rc, oc) in zip(walls, cpus, strict=True):
        print(
            f"    pair: raw spaCy {rw:6.2f}s wall {rc:6.2f}s CPU, okrlint's parse {ow:6.2f}s wall {oc:6.2f}s CPU"
        )


def _drain(docs: Iterator[object]) -> None:
    for _ in docs:
        pass


def _timed(work, *args, **kwargs):
    """Wall and CPU time of ``work(*args, **kwargs)`` (CPU: this process's, every thread; not its workers'),
    and its result. A generator argument is only run inside ``work``, so its time is counted there."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work(*args, **kwargs)
    return (time.perf_counter() - wall, time.process_time() - cpu), result


def _run(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=False, capture_output=True)
    return time.perf_counter() - start


def cold_start(repeats: int) -> None:
    from okrlint.nlp import _resolve_model

    model = _resolve_model(None)
    python = sys.executable
    okrlint = str(Path(python).with_name("okrlint"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "team-q3.md"
        lines = ["# Team OKRs Q3 2024", ""]
        for objective, krs in generated_okrs(50, seed=3):
            lines += [f"## {objective}", "", *(f"- {kr}" for kr in krs), ""]
        path.write_text("\n".join(lines), encoding="utf-8")
        objectives = sum(1 for line in lines if line.startswith("## "))
        # Alternated, so that both see the same machine: run in two blocks, a drift in the machine's speed
        # between the blocks showed up as a swing of 0.2 in the ratio.
        load, check = [], []
        for _ in range(repeats):
            load.append(_run([python, "-c", f"import spacy; spacy.load({model!r})"]))
            check.append(_run([okrlint, "check", "--isolated", str(path)]))
    m_load, m_check = statistics.median(load), statistics.median(check)
    print(
        f"cold start: okrlint check ({objectives} OKRs) {m_check:.2f}s vs spacy.load {m_load:.2f}s "
        f"(median of {repeats})  ratio {m_check / m_load:.2f}x"
    )


_MEMORY_CHILD = """
import sys, time
sys.path.insert(0, {here!r})
from speed import generated_okrs, peak_rss_kib
from okrlint.api import Linter, okr_document
linter = Linter()
linter.lint_statement("warm up")
start = time.perf_counter()
findings = 0
for _, found in linter.iter_findings(okr_document(o, k) for o, k in generated_okrs({n})):
    findings += len(found)
elapsed = time.perf_counter() - start
print(peak_rss_kib(), elapsed, findings)
"""


def peak_rss_kib() -> int:
    """This process's peak resident memory, in KiB.

    Linux's ``ru_maxrss`` survives ``exec``: a child started from a large benchmark process reports the parent's
    size at fork time. ``VmHWM`` belongs to the process's own memory map, so it starts afresh at ``exec``.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def memory_and_growth(sizes: list[int]) -> None:
    results = {}
    for n in sizes:
        out = subprocess.run(
            [sys.executable, "-c", _MEMORY_CHILD.format(here=str(HERE), n=n)],
            capture_output=True,
            text=True,
            check=True,
        )
        rss_kb, elapsed, findings = out.stdout.split()
        results[n] = (int(rss_kb) / 1024, float(elapsed), int(findings))
    base_n = sizes[0]
    for n, (rss, elapsed, findings) in results.items():
        per = elapsed / n * 1000
        print(
            f"streaming {n:>7} statements: peak RSS {rss:7.0f} MiB, {elapsed:7.1f}s ({per:.3f} ms/statement), "
            f"{findings} findings"
        )
    if 10_000 in results and 100_000 in results:
        print(f"peak memory 100k / 10k: {results[100_000][0] / results[10_000][0]:.2f}x")
    last = sizes[-1]
    print(
        f"time per statement {last} / {base_n}: {(results[last][1] / last) / (results[base_n][1] / base_n):.2f}x "
        "(1.0 = linear)"
    )


_SINGLE_FILE_CHILD = """
import resource, sys, time
sys.path.insert(0, {here!r})
from speed import peak_rss_kib
what, path = {what!r}, {path!r}
start = time.perf_counter()
if what == "okrlint":
    from okrlint.cli import main
    try:
        main(["check", "--isolated", "--jobs", {jobs!r}, "--output-file", path + ".report", path])
    except SystemExit as exc:
        if exc.code not in (0, 1):  # a figure from a run that failed would be meaningless
            raise
else:  # raw spaCy: the full pipeline over the same statements, read from the file's list lines and headings
    import spacy
    from okrlint.nlp import _resolve_model
    nlp = spacy.load(_resolve_model(None))
    texts = [line.lstrip("#- ").strip() for line in open(path, encoding="utf-8") if line.startswith(("## ", "- "))]
    for _ in nlp.pipe(texts):
        pass
# The largest worker's peak too (KiB; 0 without workers): the parent's own peak leaves out the workers' memory.
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(peak_rss_kib(), workers, time.perf_counter() - start)
"""


_SHORT_METRICS = ["NPS", "churn", "signups", "revenue", "activation", "retention", "MAU", "tickets", "CSAT"]


def short_okrs(key_results: int, seed: int = 5) -> Iterator[tuple[str, list[str]]]:
    """Unique OKRs with short statements (about 25 characters), so that 100,000 key results stay under the
    5 MiB file limit; a mix of good key results, outputs and vague changes, as in ``generated_okrs``."""
    rng = random.Random(seed)
    made = i = 0
    while made < key_results:
        i += 1
        krs = []
        for _ in range(min(4, key_results - made)):
            roll, a = rng.random(), rng.randint(2, 400)
            if roll < 0.6:
                krs.append(
                    f"{rng.choice(_VERBS_UP)} {rng.choice(_SHORT_METRICS)} from {a} to {a + rng.randint(5, 500)}"
                )
            elif roll < 0.8:
                krs.append(f"{rng.choice(_OUTPUT_VERBS)} {rng.choice(_ARTEFACTS).split()[-1]} {a}")
            else:
                krs.append(f"Improve {rng.choice(_SHORT_METRICS)} in area {a}")
        made += len(krs)
        yield f"{rng.choice(_OBJECTIVES)} in region {i}", krs


def okr_file(path: Path, key_results: int) -> int:
    """One Markdown file of ``key_results`` short generated key results; returns its statement count."""
    lines = ["# Team OKRs Q3 2024", ""]
    statements = 0
    for objective, krs in short_okrs(key_results):
        lines += [f"## {objective}", "", *(f"- {kr}" for kr in krs), ""]
        statements += 1 + len(krs)
    path.write_text("\n".join(lines), encoding="utf-8")
    return statements


def single_file_growth(sizes: list[int], jobs: list[int], raw: bool = True) -> None:
    """``okrlint check`` on one file of N key results (cold start included) and raw spaCy over the same
    statements, each in a fresh process: wall time and peak memory (VmHWM), and with workers the largest
    worker's peak."""
    results: dict[tuple[int, str], tuple[float, float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"okrs-{n}.md"
            statements = okr_file(path, n)
            runs = [("raw spaCy", "spacy", "1")] if raw else []
            runs += [(f"okrlint --jobs {j}", "okrlint", str(j)) for j in jobs]
            for label, what, j in runs:
                child = _SINGLE_FILE_CHILD.format(here=str(HERE), what=what, path=str(path), jobs=j)
                out = subprocess.run(
                    [sys.executable, "-c", child], capture_output=True, text=True, check=True
                )
                rss_kib, worker_kib, elapsed = out.stdout.split()[-3:]
                results[(n, label)] = (int(rss_kib) / 1024, float(elapsed), int(worker_kib) / 1024)
                workers = f"  (largest worker {int(worker_kib) / 1024:.0f} MiB)" if int(worker_kib) else ""
                print(
                    f"one file, {n:>6} key results ({statements} statements): {label:18} "
                    f"{float(elapsed):7.1f}s  peak {int(rss_kib) / 1024:6.0f} MiB{workers}"
                )
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        for label in [*(["raw spaCy"] if raw else []), *(f"okrlint --jobs {j}" for j in jobs)]:
            (m0, t0, w0), (m1, t1, w1) = results[(small, label)], results[(large, label)]
            workers = f", largest worker {w1 / w0:.2f}x" if w0 and w1 else ""
            print(
                f"{label:18} {large} / {small} key results: peak memory {m1 / m0:.2f}x{workers}, "
                f"time per key result {(t1 / large) / (t0 / small):.2f}x (1.0 = linear)"
            )


SECTIONS = ("throughput", "flagged", "parse-floor", "cold-start", "streaming", "single-file")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sets (1k/10k) for a fast look")
    parser.add_argument(
        "--jobs",
        type=lambda v: [int(x) for x in v.split(",")],
        default=[1, 0],
        help="okrlint worker counts to measure, comma-separated; 0 = one per CPU, the CLI's default (default 1,0)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="throughput measured this many times (the machine's noise shows)",
    )
    parser.add_argument(
        "--pairs",
        type=int,
        default=5,
        help="flagged section: raw spaCy / okrlint pairs run back to back, median ratio reported (default 5)",
    )
    parser.add_argument(
        "--sizes",
        type=lambda v: [int(x) for x in v.split(",")],
        default=None,
        help="key results per file for the single-file section (default 10000,100000)",
    )
    parser.add_argument("--no-raw", action="store_true", help="single-file section: okrlint runs only")
    parser.add_argument("--only", default="", help=f"comma-separated sections: {', '.join(SECTIONS)}")
    args = parser.parse_args(argv)
    from okrlint.api import Linter

    info = Linter().tool_info()
    print(f"okrlint {info.version}, model {info.model}, {len(os.sched_getaffinity(0))} CPUs")
    only = set(args.only.split(",")) if args.only else set(SECTIONS)
    for _ in range(args.rounds):
        if "throughput" in only and LABELS.is_file():
            throughput(seed_okrs(10 if args.quick else 30), "seed labels replicated", args.jobs)
        if "throughput" in only:
            throughput(
                list(generated_okrs(2_000 if args.quick else 10_000)),
                "generated, unique statements",
                args.jobs,
            )
        if "flagged" in only:
            # 2,500 statements, 2,000 of them flagged key results: rewrites are built and re-linted for each.
            throughput(list(flagged_okrs(2_500)), "flagged key results", [1], args.pairs)
        if "parse-floor" in only:
            parse_floor(list(flagged_okrs(2_500)), args.pairs)
    if "cold-start" in only:
        cold_start(3 if args.quick else 5)
    if "streaming" in only:
        memory_and_growth([1_000, 10_000] if args.quick else [1_000, 10_000, 100_000])
    if "single-file" in only:
        sizes = args.sizes or ([1_000, 10_000] if args.quick else [10_000, 100_000])
        single_file_growth(sizes, [1, 0], raw=not args.no_raw)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main())
