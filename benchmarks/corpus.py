"""Synthetic but realistic plans for benchmarks, recombined from the real seed plans.

Each generated plan keeps one seed's skeleton (header, title, preamble, roman-numeral sections,
"Nơi nhận", signature) and swaps in real paragraphs drawn from the same kind of section of the
other seeds, dropping some so category coverage varies. Province, year and issuer vary; a serial
number in the preamble makes every plan unique (distinct content hashes). Deterministic per seed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cchc.geo.provinces import provinces_34, provinces_63
from cchc.parse.issuers import DEPARTMENT_CODES

SEEDS_DIR = Path(__file__).resolve().parents[1] / "data" / "plans"
SEED_PROVINCES = ("Hà Giang", "Hà Tĩnh", "Cao Bằng", "An Giang", "Sơn La")
_HEADING = re.compile(r"^[#*\s]*(?:I|II|III|IV|V|VI|VII)\.\s.*$", re.M)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_TITLE_START = re.compile(r"KẾ HOẠCH|QUYẾT ĐỊNH")
_KINDS = (  # first keyword found in a heading decides its kind
    ("MỤC ĐÍCH", "purpose"), ("TỔ CHỨC", "organisation"), ("KINH PHÍ", "budget"),
    ("NỘI DUNG", "content"), ("HÌNH THỨC", "form"), ("ĐỐI TƯỢNG", "audience"),
)  # fmt: skip
DISTRICTS = ("Mường Tè", "Bảo Lâm", "Yên Lạc", "Châu Thành", "Tam Nông", "Krông Pắc", "Đức Trọng")
COMMUNES = ("Tân Lập", "Minh Khai", "Phú Xuân", "Quang Trung", "Tân Thịnh", "Hợp Thành")
DEPARTMENTS = tuple(sorted({name for name in DEPARTMENT_CODES.values() if name.startswith("Sở")}))


@dataclass(frozen=True)
class Section:
    heading: str
    kind: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Seed:
    head: str  # everything before the first roman-numeral section
    sections: tuple[Section, ...]
    tail: str  # "Nơi nhận", signature and annexes after the last section
    year: int  # the plan year named in the title


@dataclass(frozen=True)
class Spec:
    """What a generated plan should say about itself (what extraction should find)."""

    province: str
    year_from: int
    year_to: int
    issuer: str
    issuer_level: str


def _kind(heading: str) -> str:
    upper = heading.upper()
    return next((kind for word, kind in _KINDS if word in upper), "other")


def _split_seed(text: str) -> Seed:
    headings = list(_HEADING.finditer(text))
    last = headings[-1]
    receivers = [m.start() for m in re.finditer(r"Nơi nhận", text) if m.start() > last.end()]
    tail_start = receivers[-1] if receivers else len(text)
    sections = []
    for i, match in enumerate(headings):
        end = headings[i + 1].start() if i + 1 < len(headings) else tail_start
        paragraphs = [p.strip("\n") for p in _PARAGRAPH_BREAK.split(text[match.end() : end])]
        paragraphs = [p for p in paragraphs if p.strip()]
        heading = match.group(0).strip()
        sections.append(Section(heading, _kind(heading), tuple(paragraphs)))
    title = _TITLE_START.search(text)
    year = re.search(r"năm\s*(\d{4})", text[title.start() if title else 0 :])
    return Seed(text[: headings[0].start()], tuple(sections), text[tail_start:], int(year.group(1)))


@lru_cache(maxsize=1)
def load_seeds() -> tuple[Seed, ...]:
    files = sorted(SEEDS_DIR.glob("*.txt"))
    return tuple(_split_seed(f.read_text(encoding="utf-8")) for f in files)


@lru_cache(maxsize=1)
def _pools() -> dict[tuple[int, str], tuple[str, ...]]:
    """Paragraphs of each section kind from every seed but one: (excluded seed, kind) -> pool."""
    seeds = load_seeds()
    pools: dict[tuple[int, str], tuple[str, ...]] = {}
    kinds = {s.kind for seed in seeds for s in seed.sections}
    for skip in range(len(seeds)):
        for kind in kinds:
            pools[(skip, kind)] = tuple(
                p
                for i, seed in enumerate(seeds)
                if i != skip
                for s in seed.sections
                if s.kind == kind
                for p in s.paragraphs
            )
    return pools


def _spec(rng: random.Random) -> Spec:
    if rng.random() < 0.15:
        year_from, year_to = 2022, 2025
    else:
        year_from = year_to = rng.randint(2021, 2030)
    era = provinces_63() if year_to <= 2025 else provinces_34()
    province = rng.choice(era).name
    levels = ["province", "department", "department", "commune"]
    levels += ["district"] if year_to <= 2025 else []  # districts were abolished in July 2025
    level = rng.choice(levels)
    issuer = {
        "province": "Ủy ban nhân dân tỉnh",
        "department": rng.choice(DEPARTMENTS),
        "district": f"UBND huyện {rng.choice(DISTRICTS)}",
        "commune": f"UBND xã {rng.choice(COMMUNES)}",
    }[level]
    return Spec(province, year_from, year_to, issuer, level)


def _body(rng: random.Random, index: int, seed: Seed) -> str:
    pools = _pools()
    drop = rng.uniform(0.0, 0.5)
    parts = []
    for section in seed.sections:
        pool = pools.get((index, section.kind), ())
        kept = []
        for paragraph in section.paragraphs:
            if pool and rng.random() < 0.3:
                paragraph = rng.choice(pool)
            if rng.random() >= drop:
                kept.append(paragraph)
        kept = kept or list(section.paragraphs[:1])
        parts.append("\n\n".join([section.heading, *kept]))
    return "\n\n".join(parts)


def _period(spec: Spec) -> str:
    if spec.year_from != spec.year_to:
        return f"giai đoạn {spec.year_from}-{spec.year_to}"
    return f"năm {spec.year_to}"


def _head(seed: Seed, spec: Spec, serial: str) -> str:
    """The seed's header with every title's period replaced, and our preamble after the first."""
    period = _period(spec)
    title_year = re.compile(rf"((?:KẾ HOẠCH|QUYẾT ĐỊNH)[^.]{{0,200}}?)năm\s*{seed.year}")
    head = title_year.sub(lambda m: m.group(1) + period, seed.head)
    found = head.find(period)
    if found < 0:
        return f"{head}\n\n{_preamble(spec, serial)}\n\n"
    line_end = head.find("\n", found)
    line_end = len(head) if line_end < 0 else line_end
    return f"{head[:line_end]}\n\n{_preamble(spec, serial)}\n{head[line_end:]}"


def _preamble(spec: Spec, serial: str) -> str:
    return (
        f"Văn bản mô phỏng số {serial}. {spec.issuer} xây dựng Kế hoạch tuyên truyền "
        f"cải cách hành chính {_period(spec)} trên địa bàn tỉnh {spec.province}, cụ thể như sau:"
    )


def render(rng: random.Random, serial: str) -> tuple[str, Spec]:
    """One plan's text, and what it should say about itself."""
    seeds = load_seeds()
    index = rng.randrange(len(seeds))
    seed, spec = seeds[index], _spec(rng)
    text = _head(seed, spec, serial) + _body(rng, index, seed) + "\n\n" + seed.tail
    text = re.sub(rf"năm(\s*){seed.year}", rf"năm\g<1>{spec.year_to}", text)
    for name in SEED_PROVINCES:
        text = text.replace(name, spec.province).replace(name.upper(), spec.province.upper())
    return text, spec


def generate_specs(n: int, seed: int = 0) -> Iterator[tuple[str, bytes, Spec]]:
    """Like generate_plans, with the intended metadata of each plan (for checks)."""
    rng = random.Random(seed)
    for i in range(n):
        text, spec = render(rng, f"{seed}-{i:07d}")
        yield f"bench_{seed}_{i:07d}.txt", text.encode("utf-8"), spec


def generate_plans(n: int, seed: int = 0) -> Iterator[tuple[str, bytes]]:
    """``n`` unique synthetic plans as (file name, UTF-8 bytes), deterministic for ``seed``."""
    for name, data, _ in generate_specs(n, seed):
        yield name, data
