"""Build throughput of this checkout against an older commit, measured in alternating runs.

The development VM's speed drifts by ±30 % over minutes, so two builds measured at different
times cannot be compared. This script checks the base commit out into a temporary git worktree
and runs one build of each side in turn (one process each, pinned to one CPU where `taskset`
exists), ``--rounds`` times; it reports the median plans/s of both and the median ratio of the
rounds.

    python -m benchmarks.compare_build --base 58af7a4 --n 1000 --rounds 5
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
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


def one_build(checkout: Path, n: int) -> float:
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    command = [*pin, sys.executable, "-c", _ONE_BUILD, str(checkout), str(n)]
    done = subprocess.run(command, cwd=checkout, capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def compare(base: str, n: int, rounds: int) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        worktree = Path(tmp) / "base"
        subprocess.run(["git", "worktree", "add", "--detach", str(worktree), base], cwd=ROOT,
                       check=True, capture_output=True)  # fmt: skip
        try:
            runs = [(one_build(worktree, n), one_build(ROOT, n)) for _ in range(rounds)]
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT,
                           check=True, capture_output=True)  # fmt: skip
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
    args = parser.parse_args(argv)
    print(compare(args.base, args.n, args.rounds))


if __name__ == "__main__":
    main()
