"""Reference tables loaded with every build: the codebook and the 63/34 provinces."""

from __future__ import annotations

import duckdb
import pyarrow as pa

from cchc.geo.provinces import (
    mapping_63_to_34,
    members_of,
    merged_label,
    provinces_34,
    provinces_63,
)
from cchc.parse.codebook import Codebook


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    # Arrow, not pandas: half the cost, and it is paid by every build.
    columns = [pa.array(column) for column in zip(*rows, strict=True)]
    frame = pa.Table.from_arrays(columns, names=[f"c{i}" for i in range(len(columns))])
    con.register("reference_frame", frame)
    con.execute(f"INSERT INTO {table} SELECT * FROM reference_frame")
    con.unregister("reference_frame")


def load_reference_tables(con: duckdb.DuckDBPyConnection, codebook: Codebook) -> None:
    families = codebook.families
    _insert(con, "codebook", [
        (c.id, c.family, c.vi, c.en, families[c.family].vi, families[c.family].en, c.group,
         list(c.cues), list(c.weak), i)
        for i, c in enumerate(codebook.categories)
    ])  # fmt: skip
    mapping = mapping_63_to_34()
    _insert(con, "provinces_63", [
        (p.name, p.code, p.full_name, p.lat, p.lon, mapping[p.name]) for p in provinces_63()
    ])  # fmt: skip
    _insert(con, "provinces_34", [
        (p.name, p.code, p.full_name, p.lat, p.lon, merged_label(p.name, "vi"),
         merged_label(p.name, "en"), len(members_of(p.name)))
        for p in provinces_34()
    ])  # fmt: skip
