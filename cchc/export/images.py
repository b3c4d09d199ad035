"""Chart → PNG / SVG / PDF bytes with vl-convert (offline: no browser, no network).

A chart leaving the dashboard must stand alone on a slide or a printed page: ``standalone``
checks that it carries its title and, in the subtitle, what it counts, the filters, the source
("Nguồn: N kế hoạch") and the data date, and adds what is missing. It also fixes the width (the
dashboard's "container" width means nothing outside a browser) and the fonts.
"""

from __future__ import annotations

import copy
import json
import textwrap
from functools import lru_cache

import altair as alt
import vl_convert as vlc

from cchc.export.fonts import font_dirs

# DejaVu Sans first: it has every Vietnamese precomposed letter and ships with Debian
# (fonts-dejavu-core) and with matplotlib (see cchc/export/fonts.py). Debian's old "Liberation Sans" 1.x lacks U+1EA0–U+1EF9 (ể, ằ, ố…) and
# vl-convert then draws those labels in a serif fallback, so it only comes after DejaVu. The
# rest of the list is for SVGs opened on Windows/macOS, where DejaVu is usually absent.
FONT = "'DejaVu Sans', 'Noto Sans', Arial, 'Liberation Sans', sans-serif"
WIDTH = 900  # px at scale 1: a 16:9 slide's chart area; PNGs are rendered at 2x
SCALE = 2
WRAP = 90  # subtitle characters per line at WIDTH (14 px DejaVu ≈ 8.5 px per character)
MIME = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
}


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Registers the font folders once per process (vl-convert also scans the system fonts)."""
    for folder in font_dirs():
        vlc.register_font_directory(str(folder))


def spec_title(spec: dict) -> dict:
    title = spec.get("title") or {}
    return dict(title) if isinstance(title, dict) else {"text": title}


def _lines(value: object) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _fix_width(node: object, width: int) -> None:
    """Replaces every "container" width (top level and layers) by a fixed pixel width."""
    if isinstance(node, dict):
        if node.get("width") == "container":
            node["width"] = width
        for key in ("layer", "hconcat", "vconcat", "concat"):
            for child in node.get(key, []):
                _fix_width(child, width)


def _pad_autosize(spec: dict) -> None:
    """Autosize "fit" squeezes a chart into its width and crops what Vega did not measure (a
    column label past the right edge, a legend below a short heatmap): a file grows instead."""
    auto = spec.get("autosize") or "pad"
    if str(auto.get("type", "pad") if isinstance(auto, dict) else auto).startswith("fit"):
        spec["autosize"] = {"type": "pad", "contains": "padding"}


def standalone(
    chart: alt.TopLevelMixin | dict, caption: str = "", title: str = "", width: int = WIDTH
) -> dict:
    """The chart's Vega-Lite spec, made to stand alone (title, caption, width, fonts)."""
    spec = copy.deepcopy(chart) if isinstance(chart, dict) else chart.to_dict()
    head = spec_title(spec)
    if not head.get("text"):
        head["text"] = title or caption.split(" · ")[0]
    subtitle = _lines(head.get("subtitle"))
    # The dashboard charts already carry the caption as subtitle; add it only when missing.
    if caption and _flat(caption) not in _flat(" ".join(subtitle)):
        subtitle += textwrap.wrap(caption, WRAP)
    if subtitle:
        head["subtitle"] = subtitle
    head.setdefault("anchor", "start")
    spec["title"] = head
    # A chart may need more than ``width`` to stay legible (a heatmap's twelve columns).
    _fix_width(spec, max(width, int((spec.get("usermeta") or {}).get("min_width", 0))))
    _pad_autosize(spec)
    if not any(k in spec for k in ("hconcat", "vconcat", "concat", "facet")):
        spec.setdefault(
            "width", width
        )  # a chart without a width would render 200 px wide; panels keep theirs
    config = spec.setdefault("config", {})
    config["font"] = FONT
    config["background"] = "white"  # a transparent PNG turns black in some slide themes
    return spec


def without_caption(spec: dict, caption: str) -> dict:
    """The spec for the screen: the page prints ``caption`` under the chart, so the subtitle
    lines that spell it (the first ones, however wrapped) are dropped; later note lines stay.
    Downloads keep the full spec: a file leaves the page and must carry its caption."""
    head = spec_title(spec)
    lines = _lines(head.get("subtitle"))
    bare = "".join(caption.split())  # whitespace-free: a wrap may split "e-government" anywhere
    for i in range(1, len(lines) + 1):
        if "".join("".join(lines[:i]).split()) == bare:
            rest = lines[i:]
            head = {k: v for k, v in head.items() if k != "subtitle"}
            return {**spec, "title": {**head, "subtitle": rest} if rest else head}
    return spec


def spec_json(chart: alt.TopLevelMixin | dict, caption: str = "", title: str = "") -> str:
    """The standalone spec as JSON: a stable cache key for the rendered bytes."""
    return json.dumps(standalone(chart, caption, title), ensure_ascii=False, sort_keys=True)


def render_spec(spec: str | dict, fmt: str, scale: int = SCALE) -> bytes:
    """Renders a standalone spec (dict or JSON) to ``fmt``: png (at ``scale``), svg or pdf."""
    register_fonts()
    spec = json.loads(spec) if isinstance(spec, str) else spec
    if fmt == "png":
        return vlc.vegalite_to_png(spec, scale=scale)
    if fmt == "svg":
        return vlc.vegalite_to_svg(spec).encode("utf-8")
    if fmt == "pdf":
        return vlc.vegalite_to_pdf(spec)
    raise ValueError(f"unknown image format {fmt!r}")


def render(chart: alt.TopLevelMixin | dict, fmt: str, caption: str = "", title: str = "") -> bytes:
    """Chart → standalone image bytes in ``fmt`` (png, svg or pdf)."""
    return render_spec(standalone(chart, caption, title), fmt)
