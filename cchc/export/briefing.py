"""Briefing pack: the catalogue charts for some filters, as a 16:9 PPTX and a landscape PDF.

One title slide (title, filters, N plans, data date), then one chart per slide with its title
and a finding computed from the data; a heatmap with many provinces takes several slides
("… (1/3)"), each with the caption and a finding for its rows. Charts are rendered once (PNG
at 2x) for both formats.
"""

from __future__ import annotations

import io
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass

from fpdf import FPDF
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Inches, Pt

from cchc.errors import CchcError
from cchc.export.catalog import PACK_IDS, Context, Item, Part, Runner, build_item, context
from cchc.export.fonts import dejavu_dir
from cchc.export.images import render
from cchc.i18n import t
from cchc.i18n_dates import date_text
from cchc.store.db import Filters

NAVY, GREY = RGBColor(0x1F, 0x4E, 0x79), RGBColor(0x44, 0x44, 0x44)
MIME = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}


class ExportError(CchcError):
    code = "export"


@dataclass(frozen=True)
class Slide:
    """One chart slide (or PDF page): its title, finding and image."""

    title: str
    finding: str
    png: bytes


@dataclass(frozen=True)
class Pack:
    ctx: Context
    items: list[Item]
    slides: list[Slide]


def plans_context(run: Runner, filters: Filters, lang: str) -> Context:
    """The export context, refused when no plan matches (an empty chart reads as all zeros)."""
    ctx = context(run, filters, lang)
    if ctx.n_plans == 0:
        raise ExportError(t("empty", "vi"), t("empty", "en"))
    return ctx


def build_pack(run: Runner, filters: Filters, lang: str, ids: Sequence[str] = PACK_IDS) -> Pack:
    """Queries, charts, findings and PNGs for ``ids``, in that order."""
    ctx = plans_context(run, filters, lang)
    items = [build_item(ctx, chart_id) for chart_id in ids]
    return Pack(ctx, items, [slide for item in items for slide in _slides(item)])


def _slides(item: Item) -> list[Slide]:
    """The item's chart, or its parts when it is split (each carries the caption)."""
    parts = item.parts or (Part(item.title, item.chart, item.finding),)
    return [Slide(p.title, p.finding, render(p.chart, "png", item.caption)) for p in parts]


def sentences(text: str) -> list[str]:
    """A finding split into sentences: one bullet each reads faster on a slide."""
    # split after a full stop only: "…" also ends a truncated list of names mid-sentence
    return [s for s in re.split(r"(?<=\.)\s+", text.strip()) if s]


def _png_size(png: bytes) -> tuple[int, int]:
    return struct.unpack(">II", png[16:24])  # IHDR width, height: no image library needed


def _fit(png: bytes, max_w: float, max_h: float) -> tuple[float, float]:
    """Width and height that fit the box and keep the image's aspect ratio."""
    w, h = _png_size(png)
    scale = min(max_w / w, max_h / h)
    return w * scale, h * scale


# --- PowerPoint -------------------------------------------------------------------------------


def _text(slide, box: tuple[float, float, float, float], lines: list[tuple[str, int, bool]]):
    """A text box of (text, size pt, bold) paragraphs, word-wrapped."""
    frame = slide.shapes.add_textbox(*(Inches(v) for v in box)).text_frame
    frame.word_wrap = True
    for i, (text, size, bold) in enumerate(lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        para.text = text
        para.font.size, para.font.bold = Pt(size), bold
        para.font.color.rgb = NAVY if bold else GREY
        para.space_after = Pt(8)
    return frame


def _meta(ctx: Context) -> str:
    """'N kế hoạch · dữ liệu ngày 22/11/2026 · Bộ Nội vụ' under the title of the pack."""
    return t("brief_meta", ctx.lang, n=ctx.n_plans, date=date_text(ctx.date, ctx.lang))


def _title_slide(prs: Presentation, ctx: Context) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _text(slide, (0.8, 2.0, 11.7, 1.6), [(t("brief_title", ctx.lang), 36, True)])
    _text(slide, (0.8, 3.8, 11.7, 2.0), [
        (t("brief_filters", ctx.lang, filters=ctx.scope), 22, False),
        (_meta(ctx), 20, False),
    ])  # fmt: skip


def _chart_slide(prs: Presentation, part: Slide, lang: str, page: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _text(slide, (0.5, 0.25, 12.3, 0.9), [(part.title, 28, True)])
    w, h = _fit(part.png, 8.9, 5.9)
    slide.shapes.add_picture(io.BytesIO(part.png), Inches(0.5), Inches(1.25), Inches(w), Inches(h))
    finding = part.finding
    size = 16 if len(finding) < 320 else 13
    lines = [(t("brief_finding", lang), 20, True)]
    lines += [(f"• {s}", size, False) for s in sentences(finding)]
    _text(slide, (9.6, 1.25, 3.4, 5.9), lines)
    _text(slide, (11.8, 7.0, 1.3, 0.4), [(page, 11, False)])


def to_pptx(pack: Pack) -> bytes:
    """The pack as a 16:9 PowerPoint file."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    _title_slide(prs, pack.ctx)
    total = len(pack.slides) + 1
    for i, part in enumerate(pack.slides, start=2):
        _chart_slide(prs, part, pack.ctx.lang, f"{i} / {total}")
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


# --- PDF --------------------------------------------------------------------------------------


def _pdf() -> FPDF:
    font_dir = dejavu_dir()
    if font_dir is None:
        raise ExportError(
            "Thiếu phông DejaVu: cài gói fonts-dejavu-core hoặc matplotlib.",
            "DejaVu fonts missing: install fonts-dejavu-core or matplotlib.",
        )
    pdf = FPDF(orientation="landscape", format="A4")
    # DejaVu: a core PDF font (Helvetica) has no Vietnamese letters at all.
    pdf.add_font("DejaVu", "", str(font_dir / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(font_dir / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(False)
    pdf.set_margins(12, 12, 12)
    return pdf


def _pdf_title_page(pdf: FPDF, ctx: Context) -> None:
    pdf.add_page()
    pdf.set_xy(20, 60)
    pdf.set_font("DejaVu", "B", 26)
    pdf.set_text_color(0x1F, 0x4E, 0x79)
    pdf.multi_cell(250, 13, t("brief_title", ctx.lang), align="L")
    pdf.ln(6)
    pdf.set_font("DejaVu", "", 15)
    pdf.set_text_color(0x44, 0x44, 0x44)
    pdf.set_x(20)
    pdf.multi_cell(250, 9, t("brief_filters", ctx.lang, filters=ctx.scope), align="L")
    pdf.set_x(20)
    pdf.multi_cell(250, 9, _meta(ctx), align="L")


def _pdf_chart_page(pdf: FPDF, part: Slide, lang: str, page: str) -> None:
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 17)
    pdf.set_text_color(0x1F, 0x4E, 0x79)
    pdf.set_xy(12, 10)
    pdf.multi_cell(273, 8, part.title, align="L")
    w, h = _fit(part.png, 190, 165)
    pdf.image(io.BytesIO(part.png), x=12, y=30, w=w, h=h)
    pdf.set_xy(210, 30)
    pdf.set_font("DejaVu", "B", 13)
    pdf.cell(75, 8, t("brief_finding", lang), new_x="LEFT", new_y="NEXT")
    finding = part.finding
    pdf.set_font("DejaVu", "", 11 if len(finding) < 400 else 9)
    pdf.set_text_color(0x22, 0x22, 0x22)
    for sentence in sentences(finding):
        pdf.set_x(210)
        pdf.multi_cell(75, 5.5, f"• {sentence}", align="L", new_x="LEFT", new_y="NEXT")
        pdf.ln(2)
    pdf.set_font("DejaVu", "", 9)
    pdf.set_xy(250, 200)
    pdf.cell(35, 5, page, align="R")


def to_pdf(pack: Pack) -> bytes:
    """The pack as a landscape A4 PDF: a title page, then one page per chart (or part)."""
    pdf = _pdf()
    _pdf_title_page(pdf, pack.ctx)
    total = len(pack.slides) + 1
    for i, part in enumerate(pack.slides, start=2):
        _pdf_chart_page(pdf, part, pack.ctx.lang, f"{i} / {total}")
    return bytes(pdf.output())
