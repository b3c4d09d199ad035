"""Exports find a Vietnamese-capable font even on a machine without Debian's font packages."""

from __future__ import annotations

from cchc.export import fonts


def test_dejavu_is_found_in_the_python_packages_without_system_fonts(monkeypatch):
    monkeypatch.setattr(fonts, "_SYSTEM_DIRS", ("/nonexistent/fonts",))
    fonts.font_dirs.cache_clear()
    fonts.dejavu_dir.cache_clear()
    try:
        folder = fonts.dejavu_dir()
        assert folder is not None and "matplotlib" in str(folder)
        assert (folder / "DejaVuSans.ttf").stat().st_size > 100_000
    finally:
        fonts.font_dirs.cache_clear()
        fonts.dejavu_dir.cache_clear()
