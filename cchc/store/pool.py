"""Worker processes for `build --jobs N` that Ctrl-C stops cleanly, leaving none behind."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager

WIND_DOWN_SECONDS = 5.0  # how long the workers may take to finish what they hold, once stopped


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
    """Let the workers finish the plans they hold and exit on their own (usually a fraction of a
    second); True if Ctrl-C was pressed meanwhile. Pool.terminate() kills them instead, and a
    worker killed while it holds a queue lock hangs the pool's shutdown for good. But a worker on
    a huge PDF may take minutes: a Ctrl-C meanwhile, or WIND_DOWN_SECONDS, kills them anyway
    (``_kill``), which frees those locks first."""
    stop.set()
    with _ctrl_c_held() as held:
        pool.close()
        # Joined on a thread: waiting here in short steps lets a Ctrl-C cut the wait short.
        joiner = threading.Thread(target=pool.join, daemon=True)
        joiner.start()
        deadline = time.monotonic() + WIND_DOWN_SECONDS
        while joiner.is_alive() and not held and time.monotonic() < deadline:
            joiner.join(0.05)
        if joiner.is_alive():
            _kill(pool)
    return bool(held)


def _kill(pool) -> None:
    """End the workers now and the pool with them, without the hang Pool.terminate() risks.
    Reaches into multiprocessing.pool's internals (CPython 3.8+): its public API has no way."""
    from multiprocessing.pool import TERMINATE

    # First the thread that replaces dead workers, or it forks new ones for those killed.
    pool._worker_handler._state = TERMINATE
    pool._change_notifier.put(None)  # wakes it to see the state
    pool._worker_handler.join()
    for worker in pool._pool:
        worker.kill()
    for worker in pool._pool:
        worker.join()
    # A worker waiting for a task holds the task queue's read lock, one sending a result the
    # result queue's write lock: killed, it never gives them back, and terminate() waits on both.
    for lock in (pool._inqueue._rlock, pool._outqueue._wlock):
        lock.acquire(block=False)  # taken now if it was free; either way ours to release
        lock.release()
    ender = threading.Thread(target=pool.terminate, daemon=True)
    ender.start()
    ender.join(WIND_DOWN_SECONDS)  # a last guard: a hung end must not hang the program


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
