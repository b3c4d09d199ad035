"""A file written whole or not at all, for every layer: export files and plans an import saves."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path


def replace_file(path: Path, data: bytes) -> None:
    """Write ``data`` beside ``path`` (a hidden part file), then rename it onto ``path``: a crash,
    Ctrl-C or a full disk never leaves half a file, and a reader sees the old bytes or the new.

    ``path`` is the real file: a caller that writes through a symlink resolves it first, or the
    rename would put a plain file where the link was. A file already there keeps its permissions
    (a shared report keeps the ones it was given); a missing folder is made."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # The process id keeps two writers of the same name from sharing one part file.
    part = path.with_name(f".{path.name}.part-{os.getpid()}")
    try:
        part.write_bytes(data)
        if path.exists():
            with contextlib.suppress(OSError):
                shutil.copymode(path, part)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
