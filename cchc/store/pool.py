"""Worker processes for `build --jobs N` that Ctrl-C stops cleanly, leaving none behind."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager


def imap_in_workers(
    func: Callable, items: Iterable, jobs: int, initializer: Callable, initargs: tuple
) -> Iterator:
    """``func`` over ``items`` in ``jobs`` forked processes, results in order. The pool ends with
    the generator (close it); Ctrl-C stops the parent, which then ends the pool."""
    import multiprocessing

    stop = threading.Event()

    def fed() -> Iterator:  # iterated by the pool's task thread: stops feeding once told to
        for item in items:
            if stop.is_set():
                return
            yield item

    with ExitStack() as stack:
        with _ctrl_c_held() as held:
            context = multiprocessing.get_context("fork")
            pool = stack.enter_context(context.Pool(jobs, _start_worker, (initializer, initargs)))
        if held:  # pressed while the workers were forked: stop now, the pool is ours to end
            signal.raise_signal(signal.SIGINT)
        try:
            yield from pool.imap(func, fed(), chunksize=8)
        except BaseException:  # Ctrl-C, an error, or the caller closed the generator
            _wind_down(pool, stop)
            raise
        if _wind_down(pool, stop):  # Ctrl-C while the last workers were ending
            signal.raise_signal(signal.SIGINT)


def _wind_down(pool, stop: threading.Event) -> bool:
    """Let the workers finish the plans they hold and exit on their own (a fraction of a second);
    True if Ctrl-C was pressed meanwhile. Pool.terminate() kills them instead, and a worker killed
    while it holds a queue lock hangs the pool's shutdown for good."""
    stop.set()
    with _ctrl_c_held() as held:
        pool.close()
        pool.join()
    return bool(held)


def _start_worker(initializer: Callable, initargs: tuple) -> None:
    # Ctrl-C reaches every process of the terminal's group: a worker stopped mid-task may hold a
    # queue lock forever. Only the parent stops, and it winds the workers down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    initializer(*initargs)


@contextmanager
def _ctrl_c_held() -> Iterator[list[int]]:
    """Ctrl-C noted, not raised, meanwhile. Raised while the pool forks its workers it is swallowed
    by the fork hooks (the build went on), or it leaves a half-made pool whose threads fork new
    workers once the program has ended. Blocking the signal is not enough: another thread
    (DuckDB's) takes it and Python still raises it in the main thread. Handlers run on the main
    thread only: elsewhere there is nothing to hold."""
    held: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield held
        return
    previous = signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
    try:
        yield held
    finally:
        signal.signal(signal.SIGINT, previous)
