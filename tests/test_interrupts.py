"""Ctrl-C during build, add or export: one bilingual line, exit 130, and nothing changed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType

import duckdb
import pytest

from benchmarks.corpus import generate_plans
from cchc.cli import main
from cchc.store.build import DEFAULT_PLANS, build_database

STOPPED_DB = "Đã dừng: cơ sở dữ liệu cũ được giữ nguyên / Stopped: the old database is unchanged"
STOPPED_EXPORT = "Đã dừng: không ghi tệp nào / Stopped: no file was written"


@pytest.fixture()
def old_db(tmp_path: Path) -> Path:
    """A database of the five seed plans, in its own folder with its own plans folder."""
    plans = tmp_path / "plans"
    plans.mkdir()
    for seed in DEFAULT_PLANS.glob("*.txt"):
        (plans / seed.name).write_bytes(seed.read_bytes())
    db = tmp_path / "cchc.duckdb"
    build_database(plans, db, progress=False)
    return db


@pytest.fixture(scope="module")
def many_plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """400 synthetic plans: a build or an add of them lasts a few seconds, long enough to stop."""
    folder = tmp_path_factory.mktemp("many")
    for name, data in generate_plans(400):
        (folder / name).write_bytes(data)
    return folder


def _start(*args: str) -> subprocess.Popen:
    # A session of its own: Ctrl-C signals the whole group (--jobs workers too), as a terminal does.
    return subprocess.Popen(
        [sys.executable, "-m", "cchc", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip


def _stop(run: subprocess.Popen) -> tuple[str, str]:
    """Ctrl-C to the command's process group; its output once it has ended, checking that no
    process of it (a --jobs worker) is left running."""
    os.killpg(run.pid, signal.SIGINT)
    try:
        return run.communicate(timeout=120)
    finally:
        assert not _left_running(run), "a process of the stopped command was still running"


def _left_running(run: subprocess.Popen) -> bool:
    """Whether a process of the command's group outlived it (killed, so none is leaked)."""
    time.sleep(0.2)
    try:
        os.killpg(run.pid, signal.SIGKILL)
    except ProcessLookupError:
        return False
    return True


def _temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name or ".part" in p.name)


def _ctrl_c_once_writing(run: subprocess.Popen, folder: Path) -> tuple[str, str]:
    """Ctrl-C as soon as the database copy being written appears (the build or add is then
    mid-way), then the process's output."""
    deadline = time.monotonic() + 120
    while not _temp_files(folder):
        assert run.poll() is None, run.communicate()
        assert time.monotonic() < deadline, "the temporary database never appeared"
        time.sleep(0.005)
    time.sleep(0.2)
    return _stop(run)


def _plan_count(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT count(*) FROM plans").fetchone()[0]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_during_a_build_keeps_the_old_database_and_no_temp_file(old_db, many_plans, jobs):
    before = old_db.read_bytes()
    run = _start("build", "--plans", str(many_plans), "--db", str(old_db), "--jobs", jobs)
    out, err = _ctrl_c_once_writing(run, old_db.parent)
    assert run.returncode == 130, (out, err)
    assert STOPPED_DB in err and "Traceback" not in err
    assert old_db.read_bytes() == before and _plan_count(old_db) == 5
    assert _temp_files(old_db.parent) == []


def test_ctrl_c_while_build_workers_are_forked_stops_it_and_leaves_no_worker(old_db, many_plans):
    """Ctrl-C landing inside the fork of a worker (sent from a fork hook, so it lands there every
    time) was swallowed, or left a half-made pool forking workers after the program ended."""
    before = old_db.read_bytes()
    script = (
        "import os, signal, sys\n"
        "sent = []\n"
        "def ctrl_c():\n"
        "    if not sent:\n"
        "        sent.append(True)\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "os.register_at_fork(after_in_parent=ctrl_c)\n"
        "from cchc.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    run = subprocess.Popen(
        [sys.executable, "-c", script, "build", "--plans", str(many_plans), "--db", str(old_db),
         "--jobs", "2", "--quiet"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    out, err = run.communicate(timeout=120)
    assert not _left_running(run), "a worker outlived the stopped build"
    assert run.returncode == 130, (out, err)
    assert STOPPED_DB in err and "Traceback" not in err
    assert old_db.read_bytes() == before and _temp_files(old_db.parent) == []


def test_ctrl_c_during_an_add_keeps_the_database_and_its_plans_folder(old_db, many_plans):
    plans = old_db.parent / "plans"
    before, files = old_db.read_bytes(), sorted(p.name for p in plans.iterdir())
    run = _start("add", *map(str, sorted(many_plans.iterdir())), "--db", str(old_db))
    out, err = _ctrl_c_once_writing(run, old_db.parent)
    assert run.returncode == 130, (out, err)
    assert STOPPED_DB in err and "Traceback" not in err
    assert old_db.read_bytes() == before and _plan_count(old_db) == 5
    # The files copied before the stop are taken back: a later build must not add them.
    assert sorted(p.name for p in plans.iterdir()) == files
    assert _temp_files(old_db.parent) == [] and _temp_files(plans) == []


def test_ctrl_c_during_an_export_writes_no_file(old_db, tmp_path):
    out_file = tmp_path / "out" / "pack.pdf"
    out_file.parent.mkdir()
    out_file.write_bytes(b"last week's pack")
    run = _start("export", "--what", "pack", "--format", "pdf", "--out", str(out_file),
                 "--db", str(old_db))  # fmt: skip
    time.sleep(4)  # past start-up (about 2 s), inside the pack's charts (about 8 s more)
    assert run.poll() is None, "the export ended before it could be stopped"
    out, err = _stop(run)
    assert run.returncode == 130, (out, err)
    assert STOPPED_EXPORT in err and "Traceback" not in err
    assert out_file.read_bytes() == b"last week's pack"
    assert sorted(p.name for p in out_file.parent.iterdir()) == ["pack.pdf"]


@pytest.fixture(scope="module")
def slow_plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two huge plans first (about 5 s each to code), then small ones: with --jobs 2 the first
    worker holds both huge ones in its chunk when the build is stopped."""
    folder = tmp_path_factory.mktemp("slow")
    seed = sorted(DEFAULT_PLANS.glob("*.txt"))[0].read_text(encoding="utf-8")
    body = "\n\n" + seed.partition("\n\n")[2]
    copies = int(18e6 // len(body.encode()))  # under the 20 MB a plan may weigh
    for i in range(2):
        text = f"{seed}\n\nBản số {i}\n{body * copies}"
        (folder / f"000_huge_{i}.txt").write_text(text, encoding="utf-8")
    for name, data in generate_plans(40):
        (folder / name).write_bytes(data)
    return folder


def _build_stopped(old_db: Path, plans: Path, second_press_after: float | None) -> float:
    """Ctrl-C a --jobs 2 build of ``plans`` while its first worker codes a huge plan, again
    ``second_press_after`` seconds later if given; the seconds from the first press to the end.
    Checks the build said it stopped, left the database as it was and nothing behind."""
    before = old_db.read_bytes()
    run = _start("build", "--plans", str(plans), "--db", str(old_db), "--jobs", "2", "--quiet")
    deadline = time.monotonic() + 120
    while not _temp_files(old_db.parent):
        assert run.poll() is None and time.monotonic() < deadline, run.communicate()
        time.sleep(0.005)
    time.sleep(0.5)  # the workers are coding: the first one is inside the huge plan
    os.killpg(run.pid, signal.SIGINT)
    pressed = time.monotonic()
    if second_press_after is not None:
        time.sleep(second_press_after)
        os.killpg(run.pid, signal.SIGINT)
    out, err = _stop_waited(run)
    seconds = time.monotonic() - pressed
    assert run.returncode == 130, (out, err)
    assert STOPPED_DB in err and "Traceback" not in err
    assert old_db.read_bytes() == before and _temp_files(old_db.parent) == []
    return seconds


def _stop_waited(run: subprocess.Popen) -> tuple[str, str]:
    try:
        return run.communicate(timeout=120)
    finally:
        assert not _left_running(run), "a worker outlived the stopped build"


def test_a_second_ctrl_c_stops_a_build_whose_worker_is_stuck_on_a_huge_plan(old_db, slow_plans):
    """The first Ctrl-C lets the workers finish the plans they hold; a second one must not wait
    for a worker on a huge plan (here two, about 10 s; it was swallowed and the build went on)."""
    seconds = _build_stopped(old_db, slow_plans, second_press_after=0.5)
    assert seconds < 3.5, f"ended {seconds:.1f} s after the first Ctrl-C"


def test_a_stopped_build_waits_at_most_five_seconds_for_its_workers(old_db, slow_plans):
    seconds = _build_stopped(old_db, slow_plans, second_press_after=None)
    assert seconds < 9, f"ended {seconds:.1f} s after Ctrl-C"


def test_ctrl_c_during_an_add_into_a_new_location_says_nothing_was_added(tmp_path, many_plans):
    db = tmp_path / "new" / "cchc.duckdb"
    db.parent.mkdir()
    run = _start("add", *map(str, sorted(many_plans.iterdir())), "--db", str(db))
    out, err = _ctrl_c_once_writing(run, db.parent)
    assert run.returncode == 130, (out, err)
    assert "Đã dừng: chưa thêm gì / Stopped: nothing was added" in err
    assert "old database" not in err and "Traceback" not in err
    assert not db.exists() or _plan_count(db) == 0
    plans = db.parent / "plans"
    assert not plans.exists() or list(plans.iterdir()) == []
    assert _temp_files(db.parent) == []


@contextmanager
def _ctrl_c_swallowed_on_entering(function: str, module: str) -> Iterator[None]:
    """A real Ctrl-C, pressed as ``module.function`` starts and caught there, as DuckDB catches
    one pressed while it reads (it raises its own error instead, which the caller turns into
    another message)."""

    def press(frame: FrameType, event: str, arg: object) -> None:
        code = frame.f_code
        if event == "call" and code.co_name == function and frame.f_globals["__name__"] == module:
            sys.setprofile(None)
            with suppress(KeyboardInterrupt):
                signal.raise_signal(signal.SIGINT)

    sys.setprofile(press)
    try:
        yield
    finally:
        sys.setprofile(None)


def test_ctrl_c_during_the_schema_check_is_reported_as_a_stop_and_forgotten_after(tmp_path, capsys):
    """Ctrl-C while the database's schema is read said "no database: run build" (exit 2), and
    once pressed, every later call of main() in the process said "Stopped" (exit 130)."""
    args = ["query", "data_info", "--db", str(tmp_path / "none.duckdb")]
    with _ctrl_c_swallowed_on_entering("needs_build", "cchc.store.db"):
        assert main(args) == 130
    assert "Stopped" in capsys.readouterr().err
    assert main(args) == 2
    assert "run `python -m cchc build`" in capsys.readouterr().err
