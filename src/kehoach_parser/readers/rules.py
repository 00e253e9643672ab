"""Ruling lines -> table cells: the "lines" strategy of pdfplumber's table finder, in n log n.

The PDF reader hands in the straight, axis-parallel segments of a page's path objects (and OCR the
long dark runs of a page image) as :class:`Rule` objects in PDF points, top-left origin. As in
pdfplumber (whose results the tests compare against): rules shorter than 1 pt are dropped; rules
within ``SNAP`` points of each other across their direction are moved to their average position;
collinear rules that overlap or lie within ``JOIN`` points are joined; rules shorter than
``MIN_LENGTH`` are dropped; a horizontal and a vertical rule that come within ``TOLERANCE`` of
each other make an intersection; every intersection opens the smallest cell whose four corners are
intersections connected by rules; cells sharing a corner make one table (tables of one cell are
dropped). pdfplumber compares every pair of rules, points and cells; here rules are found by
bisection and cells by walking each intersection's column and row only, so a page of many rules
costs n log n, not n².
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

SNAP = 3.0  # points: parallel rules this close are one rule
JOIN = 3.0  # points: collinear rules with a gap this small are one rule
MIN_LENGTH = 3.0  # points: shorter merged rules are no table border
TOLERANCE = 3.0  # points: a horizontal and a vertical rule this close intersect

BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class Rule:
    """A ruling line: ``vertical`` or horizontal, at ``position`` (x of a vertical rule, y of a
    horizontal one), from ``start`` to ``end`` along its direction."""

    vertical: bool
    position: float
    start: float
    end: float

    @property
    def length(self) -> float:
        return self.end - self.start


def segment_rule(x0: float, y0: float, x1: float, y1: float, *, slack: float = 0.01) -> Rule | None:
    """The rule a straight segment draws, or None when it is neither horizontal nor vertical."""
    if abs(y0 - y1) <= slack:
        return Rule(False, y0, min(x0, x1), max(x0, x1))
    if abs(x0 - x1) <= slack:
        return Rule(True, x0, min(y0, y1), max(y0, y1))
    return None


def tables(rules: list[Rule]) -> list[tuple[BBox, list[BBox]]]:
    """The tables the rules draw: (bounding box, cell boxes), top to bottom."""
    merged = merge([r for r in rules if r.length >= 1.0])
    merged = [r for r in merged if r.length >= MIN_LENGTH]
    points = _intersections(merged)
    cells = _cells(points)
    out = []
    for group in _groups(cells):
        if len(group) > 1:
            box = (min(c[0] for c in group), min(c[1] for c in group),
                   max(c[2] for c in group), max(c[3] for c in group))
            out.append((box, group))
    out.sort(key=lambda t: min((c[1], c[0]) for c in t[1]))
    return out


def merge(rules: list[Rule]) -> list[Rule]:
    """Snap parallel rules to their average position, then join collinear ones."""
    out: list[Rule] = []
    for vertical in (True, False):
        same = sorted((r for r in rules if r.vertical == vertical), key=lambda r: r.position)
        snapped: list[Rule] = []
        cluster: list[Rule] = []
        for rule in [*same, None]:
            if rule is not None and cluster and rule.position - cluster[-1].position <= SNAP:
                cluster.append(rule)
                continue
            if cluster:
                mean = sum(r.position for r in cluster) / len(cluster)
                snapped.extend(Rule(vertical, mean, r.start, r.end) for r in cluster)
            cluster = [rule] if rule is not None else []
        snapped.sort(key=lambda r: (r.position, r.start))
        for rule in snapped:
            last = out[-1] if out else None
            if last is not None and last.vertical == vertical and last.position == rule.position \
                    and rule.start <= last.end + JOIN:
                if rule.end > last.end:
                    out[-1] = Rule(vertical, last.position, last.start, rule.end)
            else:
                out.append(rule)
    return out


# a point -> (ids of the vertical rules through it, ids of the horizontal ones)
Points = dict[tuple[float, float], tuple[set[int], set[int]]]


def _intersections(rules: list[Rule]) -> Points:
    horizontal = sorted((r for r in rules if not r.vertical), key=lambda r: (r.position, r.start))
    tops = [h.position for h in horizontal]
    points: Points = {}
    for v_id, v in enumerate(r for r in rules if r.vertical):
        lo, hi = bisect_left(tops, v.start - TOLERANCE), bisect_right(tops, v.end + TOLERANCE)
        for h_id in range(lo, hi):
            h = horizontal[h_id]
            if h.start - TOLERANCE <= v.position <= h.end + TOLERANCE:
                entry = points.setdefault((v.position, h.position), (set(), set()))
                entry[0].add(v_id)
                entry[1].add(h_id)
    return points


def _cells(points: Points) -> list[BBox]:
    """Each intersection's smallest cell: the nearest point below on a shared vertical rule, the
    nearest to the right on a shared horizontal rule, and the corner opposite connected to both."""
    columns: dict[float, list[float]] = {}
    rows: dict[float, list[float]] = {}
    for x, y in sorted(points):
        columns.setdefault(x, []).append(y)
        rows.setdefault(y, []).append(x)

    def vertical(a: tuple[float, float], b: tuple[float, float]) -> bool:
        return bool(points[a][0] & points[b][0])

    def horizontal(a: tuple[float, float], b: tuple[float, float]) -> bool:
        return bool(points[a][1] & points[b][1])

    cells: list[BBox] = []
    for x, y in sorted(points):
        column, row = columns[x], rows[y]
        below = column[bisect_right(column, y):]
        right = row[bisect_right(row, x):]
        found = None
        for by in below:
            if not vertical((x, y), (x, by)):
                continue
            for rx in right:
                if not horizontal((x, y), (rx, y)):
                    continue
                corner = (rx, by)
                if corner in points and vertical(corner, (rx, y)) and horizontal(corner, (x, by)):
                    found = (x, y, rx, by)
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


def _groups(cells: list[BBox]) -> list[list[BBox]]:
    """Cells that share a corner, directly or through other cells (union-find on corners)."""
    parent = list(range(len(cells)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            j = owner.setdefault(corner, i)
            if j != i:
                parent[find(i)] = find(j)
    groups: dict[int, list[BBox]] = {}
    for i, cell in enumerate(cells):
        groups.setdefault(find(i), []).append(cell)
    return list(groups.values())
