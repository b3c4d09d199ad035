"""Ctrl-C during build, add or export: one bilingual line, exit 130, and nothing changed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from benchmarks.corpus import generate_plans
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
