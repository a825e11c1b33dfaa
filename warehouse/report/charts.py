"""The report's charts: matplotlib on the Agg backend, one house style, written as standalone SVG files.

Every figure is a `matplotlib.figure.Figure` given the Agg canvas explicitly: headless whatever backend the process
chose, and without pyplot's global figure registry (nothing leaks between reports). Labels that come from data are
escaped by matplotlib's SVG writer.
"""

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib import dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, MaxNLocator
from matplotlib.typing import RcKeyType

# One palette for every chart and the page's CSS: series keep their colour wherever they appear.
PALETTE = ("#2e6f9e", "#e07a5f", "#5b9e7a", "#e9b949", "#8e7dbe", "#c05c7e", "#4aa3c2", "#8a6e4b", "#6b7280")
ACCENT = PALETTE[0]
FAILED = "#c0392b"
PASSED = "#9ec5a9"
MUTED = "#cfd5dd"
INK = "#1f2933"

STYLE: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans",  # ships with matplotlib: the same glyphs on every machine
    "font.size": 10,
    "text.color": INK,
    "axes.labelcolor": "#52606d",
    "axes.edgecolor": "#cbd2d9",
    "axes.titlesize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "axes.axisbelow": True,
    "grid.color": "#e4e7eb",
    "grid.linewidth": 0.8,
    "xtick.color": "#52606d",
    "ytick.color": "#52606d",
    "legend.frameon": False,
    "legend.fontsize": 9,
    "figure.facecolor": "white",
    "svg.hashsalt": "broadsheet",  # stable element ids: the same data gives the same file
}

# No metadata block (it names its RDF vocabularies by URL) and no date: the file depends on the data alone.
_NO_METADATA = {"Creator": None, "Date": None, "Format": None, "Type": None}
_DOCTYPE_START = b"<!DOCTYPE svg"


@contextmanager
def figure(width: float, height: float) -> Iterator[Figure]:
    """A figure in the house style, on the Agg canvas."""
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(width, height), layout="constrained")
        FigureCanvasAgg(fig)
        yield fig


def save(fig: Figure, path: Path) -> Path:
    """Write `fig` as SVG without the DOCTYPE, whose DTD URL a browser never needs."""
    buffer = BytesIO()
    fig.savefig(buffer, format="svg", metadata=_NO_METADATA, dpi=144, bbox_inches="tight", pad_inches=0.08)
    lines = buffer.getvalue().splitlines(keepends=True)
    if len(lines) > 2 and lines[1].startswith(_DOCTYPE_START):
        lines = [lines[0], *lines[3:]]  # the DOCTYPE spans two lines
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"".join(lines))
    return path


def colours(names: Sequence[str]) -> dict[str, str]:
    """A colour per series name, in the order given; 'other' is always grey."""
    return {name: (MUTED if name == "other" else PALETTE[i % len(PALETTE)]) for i, name in enumerate(names)}


def _date_axis(ax, periods: Sequence[date], unit: str) -> None:
    """Few periods: a tick on each, `5 Mar`; many: matplotlib's concise date ticks."""
    if len(periods) <= 12:
        ax.xaxis.set_major_locator(FixedLocator([mdates.date2num(period) for period in periods]))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b\n%Y" if len(periods) <= 6 else "%-d %b"))
    else:
        locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    # at least 14 days (or weeks) wide, so one or two columns stay columns, not slabs
    step = timedelta(days=7 if unit == "week" else 1)
    first, last = min(periods), max(periods)
    spare = max(step * 14 - (last - first), step) / 2
    ax.set_xlim(first - spare, last + spare)


def bars_over_time(path: Path, periods: Sequence[date], series: Mapping[str, Sequence[int]], unit: str) -> Path:
    """Stacked columns: one per day or week, one colour per series (category, source)."""
    palette = colours(list(series))
    width = 6.0 if unit == "week" else 0.85  # in days, matplotlib's date unit (a timedelta would round to whole days)
    with figure(10, 3.4) as fig:
        ax = fig.add_subplot()
        x = mdates.date2num(list(periods))
        bottom = [0] * len(periods)
        for name, values in series.items():
            ax.bar(x, values, width=width, bottom=bottom, label=name, color=palette[name], linewidth=0)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        _date_axis(ax, periods, unit)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylabel(f"articles per {unit}")
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=min(len(series), 6), handlelength=1)
        return save(fig, path)


def hbars(path: Path, labels: Sequence[str], values: Sequence[int], xlabel: str, colour: str = ACCENT) -> Path:
    """Horizontal bars, largest on top, each with its value at its end."""
    with figure(10, 0.9 + 0.28 * len(labels)) as fig:
        ax = fig.add_subplot()
        positions = range(len(labels))
        ax.barh(positions, values, color=colour, height=0.7)
        ax.set_yticks(positions, labels)
        ax.invert_yaxis()
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel(xlabel)
        for y, value in zip(positions, values, strict=True):
            ax.annotate(f"{value:,}", (value, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=8)
        ax.margins(x=0.08)
        return save(fig, path)


def tone_line(path: Path, weeks: Sequence[date], tone: Sequence[float]) -> Path:
    """Average sentiment per week on a -1..1 scale, shaded above and below neutral."""
    with figure(10, 3.0) as fig:
        ax = fig.add_subplot()
        ax.axhline(0, color="#9aa5b1", linewidth=1)
        above, below = [t >= 0 for t in tone], [t <= 0 for t in tone]
        x = mdates.date2num(list(weeks))
        ax.fill_between(x, tone, 0, where=above, interpolate=True, color=PALETTE[2], alpha=0.2, linewidth=0)
        ax.fill_between(x, tone, 0, where=below, interpolate=True, color=PALETTE[1], alpha=0.2, linewidth=0)
        ax.plot(x, tone, color=INK, linewidth=1.6, marker="o", markersize=4)
        ax.set_ylim(-1, 1)
        ax.set_ylabel("average tone")
        _date_axis(ax, weeks, "week")
        return save(fig, path)


def failures_by_run(path: Path, loads: Sequence[int], passed: Sequence[int], failed: Sequence[int]) -> Path:
    """Per run the gate audited: expectations that passed (green) and failed (red), stacked."""
    with figure(min(10.0, 3.0 + 0.45 * len(loads)), 2.8) as fig:
        ax = fig.add_subplot()
        positions = range(len(loads))
        ax.bar(positions, failed, color=FAILED, label="failed", width=0.7)
        ax.bar(positions, passed, bottom=failed, color=PASSED, label="passed", width=0.7)
        ax.set_xticks(positions, [f"load {load}" for load in loads], rotation=45 if len(loads) > 12 else 0)
        ax.set_xlim(-0.75, max(len(loads), 4) - 0.25)  # the first runs fill a row that later runs extend
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylabel("expectations")
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, handlelength=1)
        return save(fig, path)


def source_small_multiples(
    path: Path, panels: Sequence[tuple[str, Sequence[int], Mapping[str, Sequence[float | None]]]]
) -> Path:
    """One small panel per source (name, its loads, rates by label, 0–1), latest loads last, on one shared scale."""
    columns = min(3, len(panels))
    rows_ = -(-len(panels) // columns)
    with figure(3.2 * columns + 0.4, 2.1 * rows_ + 0.6) as fig:
        axes = fig.subplots(rows_, columns, squeeze=False, sharey=True)
        for index, ax in enumerate(axes.flat):
            if index >= len(panels):
                ax.set_visible(False)
                continue
            name, loads, series = panels[index]
            positions = range(len(loads))
            for colour, (label, values) in zip(PALETTE, series.items(), strict=False):
                points = [(x, v) for x, v in zip(positions, values, strict=True) if v is not None]
                ax.plot([x for x, _ in points], [100 * v for _, v in points], color=colour, marker="o",
                        markersize=3, linewidth=1.4, label=label)  # fmt: skip
            ax.set_title(name, loc="left")
            ax.set_ylim(0, 100)
            ax.set_xticks(list(positions), [str(load) for load in loads], fontsize=7)
            ax.set_xlim(-0.5, max(len(loads), 2) - 0.5)
        for ax in axes[:, 0]:
            ax.set_ylabel("%")
        for ax in axes[-1, :]:
            ax.set_xlabel("load")
        handles, labels = axes.flat[0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="outside upper left", ncol=len(labels))
        return save(fig, path)


# Every file a report may write under charts/: a new report removes the old ones first, so a section that has no
# chart this time cannot show last time's.
CHART_NAMES = (
    "articles_by_category",
    "articles_by_source",
    "places_map",
    "places_by_country",
    "tone_by_week",
    "subject_places_by_week",
    "failures_by_run",
    "source_quality",
)


@dataclass(frozen=True)
class Chart:
    """An image of the report: where it is relative to the pages, and what it shows for those who cannot see it."""

    src: str
    alt: str


class ChartFolder:
    """The `charts/` folder beside the pages."""

    def __init__(self, out_dir: Path) -> None:
        self.directory = out_dir / "charts"
        self.directory.mkdir(parents=True, exist_ok=True)
        for name in CHART_NAMES:
            (self.directory / f"{name}.svg").unlink(missing_ok=True)

    def path(self, name: str) -> Path:
        if name not in CHART_NAMES:
            raise ValueError(f"unknown chart {name!r}: add it to CHART_NAMES")
        return self.directory / f"{name}.svg"

    def chart(self, name: str, alt: str) -> Chart:
        return Chart(src=f"charts/{name}.svg", alt=alt)
