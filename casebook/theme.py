"""Colours and fonts, passed into every chart builder.

Area colours come from the Okabe-Ito palette, which stays distinguishable with the common forms
of colour blindness. Each area keeps its colour in every chart: the colour follows the area's
place in the ``areas`` table, not its place in a selection.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["OKABE_ITO", "Theme", "DEFAULT_THEME"]

# Okabe & Ito (2008), without black, which is kept for references and text.
OKABE_ITO: tuple[str, ...] = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow
)


@dataclass(frozen=True)
class Theme:
    """Look of the charts: palette, reference colour, fonts and sizes (readable on a projector)."""

    palette: tuple[str, ...] = OKABE_ITO
    reference_colour: str = "#000000"
    missing_colour: str = "#6b6b6b"
    font_family: str = "Source Sans Pro, Segoe UI, Helvetica, Arial, sans-serif"
    font_size: int = 15
    text_colour: str = "#2a3f5f"
    grid_colour: str = "#e5e9f0"
    status_colours: dict[str, str] = field(
        default_factory=lambda: {
            "number": "#0072B2",
            "approx": "#56B4E9",
            "range": "#009E73",
            "text": "#E69F00",
            "derived": "#CC79A7",
            "not_reported": "#eeeeee",
        }
    )

    def axis_style(self) -> dict[str, object]:
        """Light axes on white, written out rather than taken from a named plotly template:
        copying a template into every figure cost about 7 ms per redraw."""
        return {
            "gridcolor": self.grid_colour,
            "zerolinecolor": self.grid_colour,
            "linecolor": self.grid_colour,
            "automargin": True,
        }

    def area_colours(self, area_ids: list[str]) -> dict[str, str]:
        """A fixed colour per area, given all area ids in table order."""
        return {a: self.palette[i % len(self.palette)] for i, a in enumerate(area_ids)}


DEFAULT_THEME = Theme()
