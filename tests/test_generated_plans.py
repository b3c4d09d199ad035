"""Plans generated from the seeds' real paragraphs (other provinces, years, issuers) give back
the metadata they were written with: the benchmark corpus is also a check of extraction."""

from __future__ import annotations

from benchmarks.corpus import generate_specs
from cchc.parse.extract import extract
from cchc.read import read_bytes


def test_generated_plans_give_back_their_province_period_issuer_and_level():
    wrong = []
    for name, data, spec in generate_specs(150, seed=11):
        meta = {k: f.value for k, f in extract(read_bytes(data, name)).metadata.items()}
        got = (
            meta["province"],
            meta["year_from"],
            meta["year_to"],
            meta["issuer"],
            meta["issuer_level"],
        )
        issuer = spec.issuer.replace("Ủy ban nhân dân", "UBND")
        want = (spec.province, spec.year_from, spec.year_to, issuer, spec.issuer_level)
        if got != want:
            wrong.append((name, got, want))
    assert not wrong, wrong[:5]
