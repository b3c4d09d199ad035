"""The codebook (data/codebook.yaml): categories, cues and section rules, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from cchc.read.fold import fold

CODEBOOK_PATH = Path(__file__).resolve().parents[2] / "data" / "codebook.yaml"
FAMILIES = ("content_area", "theme", "channel", "indicator", "audience")


@dataclass(frozen=True)
class Category:
    id: str
    family: str
    vi: str
    en: str
    cues: tuple[str, ...]
    weak: tuple[str, ...]
    group: str | None = None  # channels: "digital" or "traditional"

    def label(self, lang: str = "vi") -> str:
        return self.vi if lang == "vi" else self.en


@dataclass(frozen=True)
class Family:
    id: str
    vi: str
    en: str
    sections: frozenset[str]


@dataclass(frozen=True, eq=False)  # hashed by identity: automata are cached per loaded codebook
class Codebook:
    version: int
    families: dict[str, Family]
    categories: tuple[Category, ...]
    masks: dict[str, frozenset[str]]  # folded name -> the families whose cues it hides

    @cached_property
    def masked_families(self) -> frozenset[str]:
        return frozenset().union(*self.masks.values())

    @cached_property
    def order(self) -> dict[str, int]:
        """Category id -> its place in the codebook (the order tables and lists follow)."""
        return {c.id: i for i, c in enumerate(self.categories)}


def _category(entry: dict) -> Category:
    cues = tuple(dict.fromkeys(fold(c.strip()) for c in entry["cues"]))
    weak = tuple(dict.fromkeys(fold(c.strip()) for c in entry.get("weak", [])))
    return Category(
        entry["id"], entry["family"], entry["vi"], entry["en"], cues, weak, entry.get("group")
    )


def parse_codebook(data: dict) -> Codebook:
    families = {
        key: Family(key, value["vi"], value["en"], frozenset(value["sections"]))
        for key, value in data["families"].items()
    }
    categories = tuple(_category(entry) for entry in data["categories"])
    unknown = {c.family for c in categories} - set(families)
    if unknown:
        raise ValueError(f"codebook: unknown families {sorted(unknown)}")
    masks = _masks(data.get("masks", []))
    return Codebook(
        int(data.get("version", 1)),
        families,
        categories,
        masks,
    )


def _masks(groups: list[dict] | dict) -> dict[str, frozenset[str]]:
    """Groups of names, each with the families it masks (one group without a list is read too);
    a name listed in two groups masks the families of both."""
    masks: dict[str, frozenset[str]] = {}
    for group in [groups] if isinstance(groups, dict) else groups:
        families = frozenset(group.get("families", []))
        for phrase in group.get("phrases", []):
            key = fold(phrase)
            masks[key] = masks.get(key, frozenset()) | families
    return masks


@lru_cache(maxsize=4)
def load_codebook(path: Path = CODEBOOK_PATH) -> Codebook:
    with open(path, encoding="utf-8") as handle:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 20x faster
        return parse_codebook(yaml.load(handle, Loader=loader))
