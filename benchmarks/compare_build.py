"""Build throughput of this checkout against an older commit, measured in alternating runs.

The development VM's speed drifts by ±30 % over minutes, so two builds measured at different
times cannot be compared. This script checks the base commit out into a temporary git worktree
and runs one build of each side in turn (one process each, pinned to one CPU where `taskset`
exists), ``--rounds`` times; it reports the median plans/s of both and the median ratio of the
rounds. With ``--instructions`` it counts the CPU instructions a plan costs instead (valgrind's
callgrind, a few minutes for 100 plans): a count that does not drift with the machine.

    python -m benchmarks.compare_build --base 58af7a4 --n 1000 --rounds 5
    python -m benchmarks.compare_build --base 58af7a4 --n 100 --instructions   # needs valgrind
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Run inside each checkout: generate the same plans, warm up, time one whole build.
_ONE_BUILD = """
import sys, tempfile, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from benchmarks.corpus import generate_plans
from cchc.store.build import build_database
plans = list(generate_plans(int(sys.argv[2]), seed=7))
build_database(db_path=Path(tempfile.mkdtemp()) / "warm.duckdb", sources=plans[:30], progress=False)
started = time.perf_counter()
build_database(db_path=Path(tempfile.mkdtemp()) / "b.duckdb", sources=plans, progress=False)
print(len(plans) / (time.perf_counter() - started))
"""


# The same build under valgrind: plans [:n] and one more; run with n and with 0, the difference is
# what n plans cost. Both runs generate the same plans and pay the same first-plan and start-up
# costs (imports, automata, DuckDB), so all of those cancel out: no warm-up build is needed.
_COUNTED_BUILD = """
import sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from benchmarks.corpus import generate_plans
from cchc.store.build import build_database
n, count = int(sys.argv[2]), int(sys.argv[3])
plans = list(generate_plans(n + 1, seed=7))
build_database(db_path=Path(tempfile.mkdtemp()) / "b.duckdb", sources=plans[:count] + plans[-1:],
               progress=False)
"""


def instructions(checkout: Path, n: int) -> float:
    """Millions of CPU instructions one plan costs in a whole build (valgrind's callgrind):
    unlike seconds, the count is the same from run to run on a noisy machine."""
    counts = []
    for count in (n, 0):
        command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                   sys.executable, "-c", _COUNTED_BUILD, str(checkout), str(n), str(count)]  # fmt: skip
        done = subprocess.run(command, cwd=checkout, capture_output=True, text=True, check=True)
        counts.append(int(re.search(r"refs:\s+([\d,]+)", done.stderr).group(1).replace(",", "")))
    return (counts[0] - counts[1]) / n / 1e6


def one_build(checkout: Path, n: int) -> float:
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    command = [*pin, sys.executable, "-c", _ONE_BUILD, str(checkout), str(n)]
    done = subprocess.run(command, cwd=checkout, capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


@contextmanager
def checked_out(base: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        worktree = Path(tmp) / "base"
        subprocess.run(["git", "worktree", "add", "--detach", str(worktree), base], cwd=ROOT,
                       check=True, capture_output=True)  # fmt: skip
        try:
            yield worktree
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT,
                           check=True, capture_output=True)  # fmt: skip


def compare_instructions(base: str, n: int) -> str:
    with checked_out(base) as worktree:
        old, new = instructions(worktree, n), instructions(ROOT, n)
    return "\n".join([
        f"### Build: {base} vs this checkout, instructions a plan ({n} generated plans, callgrind)",
        "",
        f"- base {base}: {old:.2f} M instructions a plan",
        f"- this checkout: {new:.2f} M instructions a plan",
        f"- ratio {old / new:.2f}",
    ])  # fmt: skip


def compare(base: str, n: int, rounds: int) -> str:
    with checked_out(base) as worktree:
        runs = [(one_build(worktree, n), one_build(ROOT, n)) for _ in range(rounds)]
    old, new = [r[0] for r in runs], [r[1] for r in runs]
    ratios = [b / a for a, b in runs]
    return "\n".join([
        f"### Build: {base} vs this checkout, {n} generated plans, {rounds} alternating rounds",
        "",
        f"- base {base}: runs {[round(x) for x in old]} plans/s, median {statistics.median(old):.0f}",
        f"- this checkout: runs {[round(x) for x in new]} plans/s, "
        f"median {statistics.median(new):.0f}",
        f"- ratio per round {[round(r, 2) for r in ratios]}, median {statistics.median(ratios):.2f}",
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="commit to compare against")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--instructions", action="store_true",
                        help="count CPU instructions with valgrind instead of timing (use --n 100)")  # fmt: skip
    args = parser.parse_args(argv)
    if args.instructions:
        print(compare_instructions(args.base, args.n))
    else:
        print(compare(args.base, args.n, args.rounds))


if __name__ == "__main__":
    main()
