"""Tile-grid map of Vietnam: one equal square per province, laid out from the centroids.

A choropleth of real borders lets the big, empty highland provinces dominate and hides the Red
River delta, where a dozen provinces fit in a thumbnail. A tile grid gives every province the same
area while keeping the country's tall S shape, north at the top.

The layout is computed, not typed in, so it follows the package's centroids for both eras:
1. Project each centroid onto a grid. Rows follow latitude, but the step between provinces taken
   north to south is capped: the narrow central coast would otherwise leave empty rows between
   its provinces. Latitude is scaled more than longitude because the country is long and narrow.
2. Place provinces greedily, the most crowded first, each on the free cell nearest its target.
3. Improve by local search: swap two provinces or move one to an empty cell when that lowers the
   total squared distance to the targets, less a bonus for each pair of edge-touching tiles (the
   bonus keeps the shape in one piece instead of a scatter).
4. Apply a tiny hand-tuned override table for cells that read wrong to a Vietnamese eye.
Everything is sorted and tie-broken by name, so the layout is deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from cchc.geo.provinces import ERA_NEW, ERA_OLD, Province, provinces_34, provinces_63

Cell = tuple[int, int]
Target = tuple[float, float]


@dataclass(frozen=True)
class _Params:
    rows_per_degree: float  # latitude scale
    cols_per_degree: float  # longitude scale: smaller, the country is narrow
    max_row_step: float  # cap on the row step between provinces consecutive by latitude


# Tuned by eye and by a score (one 4-connected shape, no north/south inversions) over a small
# parameter sweep; the 34 larger provinces want a slightly tighter step to avoid holes.
_PARAMS = {ERA_OLD: _Params(1.7, 1.0, 0.7), ERA_NEW: _Params(1.8, 1.0, 0.6)}
_TOUCH_BONUS = 1.0  # worth one squared cell of displacement per touching neighbour
_MAX_PASSES = 50  # the local search converges in a handful of passes; this is only a guard

# Thanh Hóa and Nghệ An land side by side; Nghệ An is south of Thanh Hóa and borders Hà Tĩnh.
_OVERRIDES: dict[str, dict[str, Cell]] = {
    ERA_OLD: {"Thanh Hóa": (6, 2), "Nghệ An": (7, 2)},
    ERA_NEW: {},
}

# Archipelagos: (name, short label, province it belongs to).
_ARCHIPELAGOS = (
    ("Quần đảo Hoàng Sa", "Hoàng Sa", "Đà Nẵng"),
    ("Quần đảo Trường Sa", "Trường Sa", "Khánh Hòa"),
)
_NEIGHBOURS = ((1, 0), (-1, 0), (0, 1), (0, -1))


def _provinces(era: str) -> list[Province]:
    if era == ERA_OLD:
        return provinces_63()
    if era == ERA_NEW:
        return provinces_34()
    raise ValueError(f"unknown era {era!r}; use '63' or '34'")


def _targets(provinces: list[Province], params: _Params) -> dict[str, Target]:
    """Fractional (row, col) per province: capped latitude steps, scaled longitude."""
    west = min(p.lon for p in provinces)
    targets: dict[str, Target] = {}
    row, previous = 0.0, None
    for p in sorted(provinces, key=lambda p: (-p.lat, p.code)):
        if previous is not None:
            row += min((previous.lat - p.lat) * params.rows_per_degree, params.max_row_step)
        targets[p.name] = (row, (p.lon - west) * params.cols_per_degree)
        previous = p
    return targets


def _distance(target: Target, cell: Cell) -> float:
    return (cell[0] - target[0]) ** 2 + (cell[1] - target[1]) ** 2


def _crowding(name: str, targets: dict[str, Target]) -> int:
    row, col = targets[name]
    return sum(
        1
        for other, (r, c) in targets.items()
        if other != name and abs(r - row) < 1.5 and abs(c - col) < 1.5
    )


def _greedy(targets: dict[str, Target], cells: list[Cell]) -> dict[str, Cell]:
    """Crowded provinces choose first: the Hà Nội area needs the cells nearest its centroids."""
    placed: dict[str, Cell] = {}
    taken: set[Cell] = set()
    for name in sorted(targets, key=lambda n: (-_crowding(n, targets), n)):
        free = (cell for cell in cells if cell not in taken)
        cell = min(free, key=lambda c: (_distance(targets[name], c), c))
        placed[name] = cell
        taken.add(cell)
    return placed


def _touching(cell: Cell, owner: dict[Cell, str], skip: str) -> int:
    """Occupied edge neighbours of a cell, not counting the province `skip` itself."""
    around = ((cell[0] + dr, cell[1] + dc) for dr, dc in _NEIGHBOURS)
    return sum(1 for c in around if owner.get(c, skip) != skip)


def _swap_pass(pos: dict[str, Cell], owner: dict[Cell, str], targets: dict[str, Target]) -> bool:
    improved = False
    names = sorted(pos)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            before = _distance(targets[a], pos[a]) + _distance(targets[b], pos[b])
            after = _distance(targets[a], pos[b]) + _distance(targets[b], pos[a])
            if after < before - 1e-9:
                pos[a], pos[b] = pos[b], pos[a]
                owner[pos[a]], owner[pos[b]] = a, b
                improved = True
    return improved


def _move_pass(
    pos: dict[str, Cell], owner: dict[Cell, str], targets: dict[str, Target], cells: list[Cell]
) -> bool:
    improved = False
    for name in sorted(pos):
        for cell in cells:
            if cell in owner:
                continue
            gain = _distance(targets[name], pos[name]) - _distance(targets[name], cell)
            gain += _TOUCH_BONUS * (
                _touching(cell, owner, name) - _touching(pos[name], owner, name)
            )
            if gain > 1e-9:
                del owner[pos[name]]
                pos[name], owner[cell] = cell, name
                improved = True
    return improved


def _solve(targets: dict[str, Target]) -> dict[str, Cell]:
    # One spare row and column around the targets' box give the search room at the edges.
    rows = int(max(r for r, _ in targets.values())) + 2
    cols = int(max(c for _, c in targets.values())) + 2
    cells = [(r, c) for r in range(-1, rows) for c in range(-1, cols)]
    pos = _greedy(targets, cells)
    owner = {cell: name for name, cell in pos.items()}
    for _ in range(_MAX_PASSES):
        swapped = _swap_pass(pos, owner, targets)
        moved = _move_pass(pos, owner, targets, cells)
        if not (swapped or moved):
            break
    top = min(r for r, _ in pos.values())
    left = min(c for _, c in pos.values())
    return {name: (r - top, c - left) for name, (r, c) in pos.items()}


@lru_cache(maxsize=2)  # one entry per era; the search takes a fraction of a second
def _layout(era: str) -> tuple[tuple[str, int, int], ...]:
    pos = _solve(_targets(_provinces(era), _PARAMS[era]))
    pos.update(_OVERRIDES[era])
    if len(set(pos.values())) != len(pos):
        raise AssertionError(f"tile overrides for era {era} put two provinces on one cell")
    return tuple(sorted(((n, r, c) for n, (r, c) in pos.items()), key=lambda t: (t[1], t[2])))


def tile_layout(era: str) -> list[dict[str, str | int]]:
    """One tile per province of the era ('63' or '34'): dicts {name, row, col}, row 0 at the top."""
    return [{"name": name, "row": row, "col": col} for name, row, col in _layout(era)]


def archipelago_tiles(era: str) -> list[dict[str, str | int]]:
    """Hoàng Sa and Trường Sa: labelled tiles off the coast, at Đà Nẵng's and Khánh Hòa's rows.

    Dicts {name, short, belongs_to, row, col}; each sits one empty cell of sea east of the
    easternmost province tile within two rows, so it never overlaps a province.
    """
    tiles = _layout(era)
    row_of = {name: row for name, row, _ in tiles}
    taken = {(row, col) for _, row, col in tiles}
    result = []
    for name, short, owner in _ARCHIPELAGOS:
        row = row_of[owner]
        coast = max(col for _, r, col in tiles if abs(r - row) <= 2)
        col = coast + 2
        while (row, col) in taken:
            col += 1
        taken.add((row, col))
        result.append({"name": name, "short": short, "belongs_to": owner, "row": row, "col": col})
    return result


def render_ascii(era: str, width: int = 4) -> str:
    """The layout as text, `width` letters of each name per cell: for checking the shape by eye."""
    cells = {(t["row"], t["col"]): t["name"] for t in tile_layout(era)}
    cells.update({(t["row"], t["col"]): t["short"] for t in archipelago_tiles(era)})
    rows = max(r for r, _ in cells) + 1
    cols = max(c for _, c in cells) + 1
    lines = []
    for r in range(rows):
        labels = (cells.get((r, c), ".").replace(" ", "")[:width] for c in range(cols))
        lines.append(f"{r:2d} " + " ".join(label.ljust(width) for label in labels).rstrip())
    return "\n".join(lines)
