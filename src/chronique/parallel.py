"""Both cores: whole batches of articles analysed in worker processes, results in input order.

spaCy's own ``n_process`` only parallelises the parse, leaving time expressions and events to one process;
here each worker runs the whole analysis on its batch, loading the model once per worker process.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def ordered_map(
    work: Callable[[list[Item]], list[Result]],
    items: Iterable[Item],
    *,
    processes: int,
    batch_size: int,
) -> Iterator[Result]:
    """``work`` over consecutive batches in ``processes`` worker processes, streaming results in order.

    At most two batches per process are in flight, so memory stays bounded whatever the input's length.
    """
    # spawn, not fork: the parent may run threads (Prefect's), which fork would copy half-way
    context = multiprocessing.get_context("spawn")
    source = iter(items)
    with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
        pending: deque[Future[list[Result]]] = deque()
        while True:
            while len(pending) < 2 * processes and (batch := list(islice(source, batch_size))):
                pending.append(pool.submit(work, batch))
            if not pending:
                return
            yield from pending.popleft().result()
