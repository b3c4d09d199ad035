"""One export as bytes, from plain arguments: what the CLI (and scheduled reports) call."""

from __future__ import annotations

from collections.abc import Sequence

from cchc.export import briefing, images, tables
from cchc.export.briefing import ExportError
from cchc.export.catalog import CHART_IDS, PACK_IDS, Runner, build_item, table_columns
from cchc.store.db import Filters

FORMATS = {"pack": ("pptx", "pdf"), "chart": ("png", "svg", "pdf"), "table": ("csv", "xlsx")}


def filters_from(params: dict[str, object]) -> Filters:
    """Filters from CLI parameters (lists become tuples), already checked against
    ``FILTER_NAMES`` by ``parse_params``."""
    return Filters(**{k: tuple(v) if isinstance(v, list) else v for k, v in params.items()})


def _check(what: str, fmt: str, chart_ids: Sequence[str]) -> None:
    if fmt not in FORMATS[what]:
        raise ExportError(
            f"'{what}' xuất được dạng: {', '.join(FORMATS[what])}",
            f"'{what}' exports as: {', '.join(FORMATS[what])}",
        )
    unknown = [c for c in chart_ids if c not in CHART_IDS]
    if unknown or (what != "pack" and len(chart_ids) != 1):
        raise ExportError(
            f"Cần đúng một --chart trong: {', '.join(CHART_IDS)}",
            f"Give exactly one --chart among: {', '.join(CHART_IDS)}",
        )


def export_bytes(
    run: Runner, filters: Filters, lang: str, what: str, fmt: str, chart_ids: Sequence[str] = ()
) -> bytes:
    """A pack (pptx/pdf), one chart (png/svg/pdf) or one chart's table (csv/xlsx)."""
    ids = list(chart_ids) or (list(PACK_IDS) if what == "pack" else [])
    _check(what, fmt, ids)
    if what == "pack":
        pack = briefing.build_pack(run, filters, lang, ids)
        return briefing.to_pptx(pack) if fmt == "pptx" else briefing.to_pdf(pack)
    ctx = briefing.plans_context(run, filters, lang)
    item = build_item(ctx, ids[0])
    if what == "chart":
        return images.render(item.chart, fmt, item.caption)
    data, percent = tables.labelled(item.table, table_columns(), lang)
    return (
        tables.to_csv(data)
        if fmt == "csv"
        else tables.to_xlsx(data, item.title, item.caption, percent)
    )
