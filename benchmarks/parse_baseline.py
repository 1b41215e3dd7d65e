"""The floor: ``fr_core_news_md``'s own ``nlp.pipe`` over a corpus folder's texts, in one process.

Every component the model enables by default runs, start-up (imports, model load) included, so that this
subprocess costs what ``chronique run`` would cost if chronique itself were free. ``--matmul`` runs it with
chronique's matrix products (to tell what chronique gains by reading less from what the kernel gains).
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterator
from pathlib import Path

START = time.perf_counter()

import spacy  # noqa: E402  # timed from the very start, imports included


def texts(folder: Path) -> Iterator[str]:
    """The ``.txt`` files of a corpus folder, in name order (as ``chronique run`` reads them)."""
    for path in sorted(folder.glob("*.txt")):
        yield path.read_text(encoding="utf-8")


def main() -> None:
    """Parse every text, keep nothing, print the counts and the times."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument(
        "--batch-size", type=int, default=None, help="nlp.pipe's batch size (spaCy's default)"
    )
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument(
        "--matmul",
        action="store_true",
        help="thinc's matrix products through numpy, as chronique runs them (chronique.nlp.MatmulOps)",
    )
    args = parser.parse_args()
    nlp = spacy.load(args.model)
    if args.matmul:
        from chronique.nlp import matrix_products_through_numpy  # noqa: PLC0415  # only when asked

        matrix_products_through_numpy(nlp)
    loaded = time.perf_counter()
    docs = tokens = 0
    for doc in nlp.pipe(texts(args.folder), batch_size=args.batch_size, n_process=args.n_process):
        docs += 1
        tokens += len(doc)
    end = time.perf_counter()
    report = {
        "docs": docs,
        "tokens": tokens,
        "components": nlp.pipe_names,
        "batch_size": args.batch_size or nlp.batch_size,
        "startup_s": loaded - START,
        "parse_s": end - loaded,
        "total_s": end - START,
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
