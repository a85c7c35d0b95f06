"""Density lanes: counts of events per calendar bin (day, week, month, quarter, year) in each lane.

Pure numpy and plotly, no Dash. A large view draws one marker per non-empty (lane, bin) cell instead of
one per event, so what is sent to the browser is bounded by lanes x bins, not by the size of the data.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.data import schema
from dashboard.data.safe import plotly_text
from dashboard.view.bins import DAY, UNITS, Unit, bin_edges, choose_unit  # noqa: F401 (re-exported)


def bin_label(first_ns: int, unit: Unit) -> str:
    ts = pd.Timestamp(first_ns)
    return ts.strftime(unit.label.replace("{q}", str((ts.month - 1) // 3 + 1)))


def density_trace(
    lane: np.ndarray,
    x: np.ndarray,
    cat_code: np.ndarray,
    lanes: Sequence[str],
    edges: np.ndarray,
    unit: Unit,
) -> go.Heatmap:
    """A heatmap of lanes x calendar bins: empty cells are transparent, darker cells hold more events;
    hover gives the count per category. `lane` are lane positions, `x` int64 ns, `cat_code` positions in
    schema.CATEGORIES, all aligned. Drawn as one image, so its cost does not grow with the cells."""
    cats = list(schema.CATEGORIES)
    nb, nc, nl = len(edges) - 1, len(cats), len(lanes)
    inside = (x >= edges[0]) & (x < edges[-1])
    b = np.searchsorted(edges, x[inside], side="right") - 1
    code = np.maximum(cat_code[inside].astype(np.int64), 0)  # validated data has no other category
    cells = (lane[inside].astype(np.int64) * nb + b) * nc + code
    per_cat = np.bincount(cells, minlength=nl * nb * nc).reshape(nl * nb, nc)
    total = per_cat.sum(axis=1)
    top = max(int(total.max()) if len(total) else 1, 1)
    shade = np.full(nl * nb, np.nan, dtype="float32")
    filled = np.flatnonzero(total)
    shade[filled] = np.log10(total[filled]).astype("float32")
    labels = [bin_label(int(e), unit) for e in edges[:-1]]
    names = [plotly_text(name) for name in lanes]
    text = [""] * (nl * nb)
    for cell in filled.tolist():
        i, j = divmod(cell, nb)
        counts = " · ".join(f"{c} {n:,}" for c, n in zip(cats, per_cat[cell].tolist(), strict=True) if n)
        text[cell] = f"<b>{names[i]} · {labels[j]}</b><br>{int(total[cell]):,} events: {counts}"
    return go.Heatmap(
        x=(edges // 1_000_000).astype("float64"),  # bin edges: a brick per calendar bin
        y=np.arange(nl, dtype="int16"),
        z=shade.reshape(nl, nb),
        customdata=total.reshape(nl, nb).astype("int32"),
        text=[text[i * nb : (i + 1) * nb] for i in range(nl)],
        name=f"events per {unit.noun}",
        colorscale="Cividis",
        reversescale=True,
        zmin=0,
        zmax=max(float(np.log10(top)), 1.0),
        ygap=4,
        hoverongaps=False,
        colorbar={
            "title": {"text": f"events per {unit.noun}", "side": "right"},
            "thickness": 10,
            "len": 0.6,
            "tickvals": [0, 1, 2, 3, 4, 5],
            "ticktext": ["1", "10", "100", "1k", "10k", "100k"],
            "ticklabeloverflow": "allow",  # short labels in a margin made for them (see timeline.py's axes)
        },
        hovertemplate="%{text}<br><i>Zoom in (scroll, drag the slider) to see single events</i>"
        "<extra></extra>",
        _validate=False,  # arrays built here with the right types; validating thousands of labels is slow
    )
