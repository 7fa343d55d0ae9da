"""Where the per-document work of `tei-edition build` runs.

An executor takes a picklable task function and a list of picklable batches,
and yields each batch's result as soon as it is done (in any order). Every
worker runs `initializer(config)` before its first task, so the validator's
schemas and the renderer's stylesheets are compiled once per worker, never
once per document. Results are small (paths, hashes, diagnostics), never trees.

- `InlineExecutor`: in this process, one batch after another (`--jobs 1`).
- `LocalExecutor`: a `concurrent.futures.ProcessPoolExecutor` (the default).
- `DaskExecutor`: a Dask distributed cluster, local (`LocalCluster` of
  processes) or at an address (`--dask tcp://scheduler:8786`); the optional
  `dask` extra. Workers write their outputs directly, so on a real cluster the
  input and output folders must be on a file system all workers share.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from converter.errors import ConverterError, UsageError


class WorkerDied(ConverterError):
    """A worker process ended in the middle of its work (killed, out of memory, crashed)."""


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class InlineExecutor:
    """No pool: the tasks run here, in order. For --jobs 1, debugging and tiny builds."""

    name = "inline"

    def __init__(self, initializer: Callable[[Any], None], config: Any):
        initializer(config)

    def run(self, fn: Callable[[Any], Any], batches: Iterable[Any]) -> Iterator[Any]:
        for batch in batches:
            yield fn(batch)

    def close(self, cancel: bool = False) -> None:
        pass


class LocalExecutor:
    """A process pool on this machine; each worker runs the initializer once."""

    name = "processes"

    def __init__(self, initializer: Callable[[Any], None], config: Any, jobs: int, max_pending: int | None = None):
        self.jobs = jobs
        self.max_pending = max_pending or 4 * jobs
        # Fork is fast and shares the imported modules, but a process that has
        # already started Saxon (a native image with its own threads) must not
        # be forked: then workers start from a fresh interpreter.
        method = "fork" if sys.platform == "linux" and "saxonche" not in sys.modules else "spawn"
        self._pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method),
                                         initializer=initializer, initargs=(config,))

    def run(self, fn: Callable[[Any], Any], batches: Iterable[Any]) -> Iterator[Any]:
        """Results as they complete; at most max_pending batches in flight (memory stays flat)."""
        pending: set[Future] = set()
        it = iter(batches)
        try:
            while True:
                while len(pending) < self.max_pending:
                    batch = next(it, None)
                    if batch is None:
                        break
                    pending.add(self._pool.submit(fn, batch))
                if not pending:
                    return
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    yield f.result()
        except BrokenProcessPool as exc:
            raise WorkerDied("a worker process died in the middle of the build (killed, or out of memory); "
                             "what was finished is recorded: run the build again to finish it") from exc

    def close(self, cancel: bool = False) -> None:
        self._pool.shutdown(wait=not cancel, cancel_futures=cancel)


class DaskExecutor:
    """The same tasks on a Dask distributed cluster (`pip install "tei-edition[dask]"`)."""

    name = "dask"

    def __init__(self, initializer: Callable[[Any], None], config: Any, jobs: int, address: str | None = None):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise UsageError('--dask needs Dask: pip install "dask[distributed]" '
                             '(or the extra: pip install "tei-edition[dask]")') from exc
        self._cluster = None
        if address in (None, "", "local"):
            # Processes, one thread each: the renderer is not thread-safe and
            # the work is CPU-bound Python.
            self._cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                         dashboard_address=None)
            self._client = Client(self._cluster)
        else:
            self._client = Client(address)
        self._initializer = initializer
        self._config = config
        self.max_pending = 4 * max(1, len(self._client.scheduler_info().get("workers", {})) or jobs)

    def run(self, fn: Callable[[Any], Any], batches: Iterable[Any]) -> Iterator[Any]:
        from dask.distributed import as_completed

        it = iter(batches)
        first = []
        for batch in it:
            first.append(batch)
            if len(first) >= self.max_pending:
                break
        futures = [self._client.submit(_dask_task, self._initializer, self._config, fn, b, pure=False)
                   for b in first]
        if not futures:
            return
        ac = as_completed(futures)
        for f in ac:
            batch = next(it, None)
            if batch is not None:
                ac.add(self._client.submit(_dask_task, self._initializer, self._config, fn, batch, pure=False))
            yield f.result()
            f.release()

    def close(self, cancel: bool = False) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def _dask_task(initializer: Callable[[Any], None], config: Any, fn: Callable[[Any], Any], batch: Any) -> Any:
    """On a Dask worker: initialise once per process (the initializer caches), then work."""
    initializer(config)
    return fn(batch)


def make_executor(initializer: Callable[[Any], None], config: Any, *, jobs: int | None = None,
                  dask: str | None = None, work: int | None = None):
    """The executor for a build: Dask when asked, else a local pool, else (one job or little work) inline."""
    jobs = jobs or default_jobs()
    if dask is not None:
        return DaskExecutor(initializer, config, jobs, dask)
    if jobs <= 1 or (work is not None and work <= 1):
        return InlineExecutor(initializer, config)
    return LocalExecutor(initializer, config, jobs if work is None else max(1, min(jobs, work)))
