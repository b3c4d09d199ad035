"""Where `export --out` puts the bytes: a file replaced whole, or a stream written straight."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from cchc.export.briefing import ExportError
from cchc.files import replace_file

STDOUT = "-"


def write_out(target: str, data: bytes) -> bool:
    """Write ``data`` to ``target`` ("-" is standard output); True when it went to standard
    output, where the caller's report line must not go. ExportError (both languages) when the
    target cannot be written."""
    try:
        if target == STDOUT or _is_stdout(target):
            sys.stdout.flush()  # anything printed before comes first
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return True
        _write_path(Path(target), data)
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop (Python < 3.13)
        reason = getattr(error, "strerror", None) or str(error)
        raise ExportError(
            f"Không ghi được {target}: {reason}.", f"Cannot write {target}: {reason}."
        ) from error
    return False


def _is_stdout(target: str) -> bool:
    """/dev/stdout, /dev/fd/1, or the file stdout is redirected to: rewriting that path would
    replace the shell's file (or, as root, the /dev/stdout link itself) behind its back."""
    try:
        return os.path.samestat(os.stat(target), os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError):  # no such path, or stdout is not a real file (captured)
        return False


def _write_path(path: Path, data: bytes) -> None:
    try:
        mode = path.stat().st_mode  # of the link's target
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise ExportError(
            f"{path} là một thư mục: --out cần tên tệp.",
            f"{path} is a folder: --out needs a file name.",
        )
    if mode is not None and not stat.S_ISREG(mode):
        # A pipe or a device (a FIFO a reader waits on, /dev/stderr): nothing to replace, and
        # renaming over it would put a plain file where the pipe was.
        with path.open("wb") as stream:
            stream.write(data)
        return
    replace_file(path.resolve(), data)  # onto a symlink's target: the link stays a link
