"""Where the Vietnamese-capable fonts are: Debian's DejaVu, else the copy matplotlib ships.

DejaVu Sans covers every precomposed Vietnamese letter. A Debian machine has it in
fonts-dejavu-core; anywhere else (Windows, macOS, a slim container) the matplotlib package, a
dependency, carries the same TTF files, so exports never depend on what the system installed.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

_SYSTEM_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/noto")


def _matplotlib_fonts() -> Path | None:
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(spec.submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf"


@lru_cache(maxsize=1)
def font_dirs() -> tuple[Path, ...]:
    """Existing folders with fonts to register, system ones first."""
    candidates = [Path(d) for d in _SYSTEM_DIRS] + [_matplotlib_fonts()]
    return tuple(d for d in candidates if d is not None and d.is_dir())


@lru_cache(maxsize=1)
def dejavu_dir() -> Path | None:
    """The first folder holding DejaVuSans.ttf (regular and bold), or None."""
    for folder in font_dirs():
        if (folder / "DejaVuSans.ttf").exists() and (folder / "DejaVuSans-Bold.ttf").exists():
            return folder
    return None
