"""Where ``chronique run`` spends its time: one statistical profile of the command in-process, by stage.

A CPU-time timer (``SIGPROF``, every 5 ms of CPU) samples the Python stack, as pyinstrument does, with the
standard library only. Each sample is weighted by the CPU time since the previous one (a long call into
compiled code is one late sample, which then carries all of its time) and charged to the innermost
chronique function on the stack: time inside spaCy's ``nlp.pipe`` driven by ``chronique.nlp`` is the parse,
spaCy token look-ups made by ``chronique.events`` are events, polars under ``chronique.timeline`` is the
timeline. Time inside dateparser is its own stage. Imports happen before the profile; loading the model is
inside it, on its own row.

Why not cProfile: its cost per Python call inflates chronique's pure-Python stages two- to three-fold
against spaCy's compiled code, and its caller graph (one level) cannot say which stage a library call
served. ``--pstats FILE`` still writes a cProfile dump of a second run, for snakeviz or ``pstats``.

Usage: ``profile_stages.py INPUT OUTPUT_DIR [--json FILE] [--pstats FILE]``.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import json
import shutil
import signal
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import FrameType, TracebackType
from typing import TypedDict

OUTSIDE = "(outside chronique)"
MODEL_LOAD = "chronique.nlp:load_model"
INTERVAL_S = 0.005

# Module → stage of the report; a module not listed here is shown under its own name.
STAGES: Mapping[str, str] = {
    MODEL_LOAD: "start-up: spaCy model load",
    "chronique.vocabulary": "start-up: vocabulary and grammar",
    "chronique.grammar": "start-up: vocabulary and grammar",
    "chronique.cli": "command line",
    "chronique.ingest": "read and validate (ingest)",
    "chronique.clean": "clean",
    "chronique.nlp": "parse (spaCy nlp.pipe)",
    "chronique.extract": "time expressions: extraction (rules)",
    "chronique.tense": "time expressions: tense",
    "chronique.resolve": "time expressions: resolve (without dateparser)",
    "chronique.calendar": "time expressions: resolve (without dateparser)",
    "dateparser": "time expressions: dateparser",
    "chronique.timexes": "time expressions: other",
    "chronique.events": "events",
    "chronique.phrases": "events",
    "chronique.anchors": "events",
    "chronique.timeline": "timeline (polars)",
    "chronique.markdown": "writing: markdown",
    "chronique.files": "writing: files (parquet, atomic)",
    "chronique.state": "writing: run state",
    "chronique.pipeline": "pipeline glue",
}


class Profile(TypedDict):
    """What one profiled run found (seconds are CPU seconds, except ``wall_s``)."""

    input: str
    wall_s: float
    cpu_s: float
    samples: int
    exit_code: int
    stages: dict[str, float]
    modules: dict[str, float]
    top_functions: list[tuple[str, float]]


def owner(filename: str, function: str = "") -> str | None:
    """The chronique module (or dateparser) a code object belongs to; None for any other code."""
    path = filename.replace("\\", "/")
    if "/chronique/" in path and path.endswith(".py"):
        module = "chronique." + path.rsplit("/chronique/", 1)[1].removesuffix(".py").replace("/", ".")
        return MODEL_LOAD if module == "chronique.nlp" and function == "load_model" else module
    if "/dateparser/" in path:
        return "dateparser"
    return None


def charge_of(frame: FrameType | None) -> tuple[str, str]:
    """(module, function) to charge a sample to: the innermost chronique function, or dateparser inside it."""
    innermost = ""
    in_dateparser = False
    while frame is not None:
        code = frame.f_code
        module = owner(code.co_filename, code.co_name)
        name = getattr(code, "co_qualname", code.co_name)
        innermost = innermost or f"{code.co_filename.rsplit('/', 1)[-1]}:{name}"
        if module == "dateparser":
            in_dateparser = True
        elif module is not None:
            function = f"{module}.{name}" if module != MODEL_LOAD else MODEL_LOAD
            return ("dateparser", f"dateparser (from {function})") if in_dateparser else (module, function)
        frame = frame.f_back
    return OUTSIDE, f"{OUTSIDE} {innermost}"


class Sampler:
    """A SIGPROF sampler: CPU seconds by (module, function) charged as ``charge_of`` says."""

    def __init__(self, interval: float = INTERVAL_S) -> None:
        self.interval = interval
        self.seconds: dict[tuple[str, str], float] = defaultdict(float)
        self.samples = 0
        self._last = 0.0

    def _sample(self, signum: int, frame: FrameType | None) -> None:
        now = time.process_time()
        self.seconds[charge_of(frame)] += now - self._last
        self._last = now
        self.samples += 1

    def __enter__(self) -> Sampler:
        self._previous = signal.signal(signal.SIGPROF, self._sample)
        self._last = time.process_time()
        signal.setitimer(signal.ITIMER_PROF, self.interval, self.interval)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, self._previous)


def run_command(input_path: Path, output_dir: Path, options: Sequence[str] = ()) -> int:
    """``chronique run INPUT OUTPUT [OPTIONS]`` in this process, into a fresh folder; its exit code."""
    import typer  # noqa: PLC0415  # imported here: spaCy loads only when profiling

    from chronique.cli import app  # noqa: PLC0415

    shutil.rmtree(output_dir, ignore_errors=True)
    command = typer.main.get_command(app)
    try:
        result = command.main(["run", str(input_path), str(output_dir), *options], standalone_mode=False)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return int(result) if isinstance(result, int) else 0


def _grouped(seconds: Mapping[tuple[str, str], float], names: Mapping[str, str]) -> dict[str, float]:
    groups: dict[str, float] = defaultdict(float)
    for (module, _), value in seconds.items():
        groups[names.get(module, module)] += value
    return dict(sorted(groups.items(), key=lambda item: -item[1]))


def profile(input_path: Path, output_dir: Path, top: int = 20, options: Sequence[str] = ()) -> Profile:
    """Run ``chronique run`` under the sampler; CPU seconds by stage, by module and by function.

    With ``--n-process`` the sampler sees the main process only (timers do not survive a fork).
    """
    for module in ("chronique.cli", "chronique.pipeline", "spacy"):  # imports stay outside the profile
        importlib.import_module(module)

    start, cpu_start = time.perf_counter(), time.process_time()
    with Sampler() as sampler:
        code = run_command(input_path, output_dir, options)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    functions: dict[str, float] = defaultdict(float)
    for (_, function), value in sampler.seconds.items():
        functions[function] += value
    ranked = sorted(functions.items(), key=lambda item: -item[1])
    return Profile(
        input=str(input_path),
        wall_s=wall,
        cpu_s=cpu,
        samples=sampler.samples,
        exit_code=code,
        stages=_grouped(sampler.seconds, STAGES),
        modules=_grouped(sampler.seconds, {}),
        top_functions=ranked[:top],
    )


def main() -> None:
    """Print the stage table; ``--json`` also writes the whole result for ``bench.py``."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("input", type=Path, help="a folder of articles (or a .jsonl file)")
    parser.add_argument("output", type=Path, help="a scratch output folder (emptied first)")
    parser.add_argument("--json", type=Path, help="also write the result here")
    parser.add_argument("--top", type=int, default=20, help="how many functions to list")
    parser.add_argument("--pstats", type=Path, help="then run again under cProfile and dump its stats here")
    parser.add_argument("--n-process", type=int, default=1, help="passed on to chronique run")
    args = parser.parse_args()
    options = ["--n-process", str(args.n_process)] if args.n_process > 1 else []
    result = profile(args.input, args.output, args.top, options)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    cpu = result["cpu_s"]
    print(f"{args.input}: {result['wall_s']:.1f} s wall, {cpu:.1f} s CPU, {result['samples']} samples")
    for name, seconds in result["stages"].items():
        print(f"{seconds:8.2f} s {100 * seconds / cpu:5.1f} %  {name}")
    print("functions (innermost chronique function on the stack):")
    for name, seconds in result["top_functions"]:
        print(f"{seconds:8.2f} s {100 * seconds / cpu:5.1f} %  {name}")
    if args.pstats:
        profiler = cProfile.Profile()
        profiler.runcall(run_command, args.input, args.output, options)
        profiler.dump_stats(args.pstats)
        print(f"cProfile stats of a second run: {args.pstats}")


if __name__ == "__main__":
    main()
