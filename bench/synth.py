"""Synthetic events in the project schema, from a fixed seed: n events over ten years, 20 companies.

The bundled events.csv rows come first (so the key moments, the protest band and the 8-11 June 2020
burst are in every data set), then synthetic rows: every category, 85% day / 10% month / 5% year
precision, some spans, 70% about one or two companies, and about 40% clustered around a few busy weeks
(the 2020 protest weeks among them). Nothing here is a fact: every synthetic title says so.

The schema allows the 16 documented companies only. Four more synthetic names are allowed while
`extra_companies()` is active, in the benchmark process and its servers only; the app is unchanged.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.data import schema
from dashboard.data.companies import bundled_companies, list_path
from dashboard.data.load import bundled_path
from dashboard.data.settings import settings_path

SEED = 20200608
FORMAT = 2  # bump when generate() changes, so no stale cached file is reused (1 wrote 10 of 11 fields)
EXTRA_COMPANIES = ("Synthetic Vision", "Example Biometrics", "Placeholder Labs", "Sample Systems")
COMPANIES = (*bundled_companies(), *EXTRA_COMPANIES)  # 20
FIRST, LAST = pd.Timestamp("2015-01-01"), pd.Timestamp("2024-12-31")
BUSY_WEEKS = (
    "2016-11-14",
    "2018-07-23",
    "2019-05-13",
    "2020-06-01",
    "2020-06-08",
    "2021-10-04",
    "2023-03-20",
)
CATEGORY_WEIGHTS = {
    "decision": 0.18,
    "protest": 0.25,
    "legislation": 0.2,
    "research": 0.12,
    "legal": 0.12,
    "incident": 0.13,
}


@contextlib.contextmanager
def extra_companies() -> Iterator[None]:
    """Kept for older scripts: any company name loads now (companies are data), so nothing is patched."""
    yield


def allow_extra_companies() -> None:
    """Kept for older scripts: any company name loads now."""


def _bundled_rows() -> list[list[str]]:
    with open(bundled_path(), encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == list(schema.COLUMN_NAMES), "the bundled header changed; update bench/synth.py"
    return rows[1:]


def generate(n: int, seed: int = SEED) -> str:
    """CSV text with exactly `n` events (n >= the bundled rows)."""
    rng = np.random.default_rng(seed)
    real = _bundled_rows()
    m = n - len(real)
    span_days = (LAST - FIRST).days
    busy = rng.random(m) < 0.4
    centres = pd.to_datetime(np.array(BUSY_WEEKS)[rng.integers(0, len(BUSY_WEEKS), m)])
    offsets = np.where(busy, rng.normal(3, 4, m).round(), rng.integers(0, span_days, m))
    base = np.where(busy, centres.values, np.datetime64(FIRST.date()))
    days = pd.Series(pd.to_datetime(base) + pd.to_timedelta(offsets, unit="D")).clip(FIRST, LAST).tolist()
    categories = rng.choice(list(CATEGORY_WEIGHTS), size=m, p=list(CATEGORY_WEIGHTS.values()))
    n_companies = rng.choice([0, 1, 2], size=m, p=[0.3, 0.6, 0.1])
    precision = rng.choice(["day", "month", "year"], size=m, p=[0.85, 0.1, 0.05])
    spans = rng.random(m) < 0.05
    span_len = rng.integers(7, 400, m)
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    out.writerow(schema.COLUMN_NAMES)
    out.writerows(real)
    for i in range(m):
        day = days[i]
        date = {"day": f"{day:%Y-%m-%d}", "month": f"{day:%Y-%m}", "year": f"{day:%Y}"}[precision[i]]
        end = ""
        if spans[i] and precision[i] == "day":
            end = f"{day + pd.Timedelta(days=int(span_len[i])):%Y-%m-%d}"
        names = [COMPANIES[j] for j in rng.choice(len(COMPANIES), size=n_companies[i], replace=False)]
        cat = categories[i]
        actor = names[0] if names and cat == "decision" else f"Synthetic actor {i % 97}"
        row = {
            "id": f"syn-{i:06d}",
            "date": date,
            "end_date": end,
            "title": f"Synthetic {cat} event {i}",
            "description": f"A synthetic {cat} event generated for the benchmark (seed {seed}); "
            "it describes nothing real.",
            "category": cat,
            "actor": actor,
            "companies": ";".join(names),
            "location": "Synthetic City" if i % 3 else "",
            "sources": f"https://example.org/synthetic/{i}",
        }
        # One field per header column, in the header's order (a new schema column is written empty).
        out.writerow([row.get(name, "") for name in schema.COLUMN_NAMES])
    return buf.getvalue()


def _inputs_digest() -> str:
    """The bundled files `generate` reads (the events it starts with, the company names it draws from): a
    cached file is named after them, so one written before either changed is not reused."""
    digest = hashlib.sha256()
    for path in (bundled_path(), list_path()):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def data_file(n: int, seed: int = SEED, folder: Path | None = None) -> Path:
    """The CSV for (n, seed) and the bundled files it is made from, written once to a cache folder (the
    temp dir by default), with the bundled settings beside it (the bundled rows are in it: their key
    moments, band and presets are drawn as on the bundled data). The settings are written on every call,
    so a file left there changes nothing."""
    folder = folder or Path(tempfile.gettempdir()) / "frt-timeline-bench"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"events-{n}-{seed}-v{FORMAT}-{_inputs_digest()}.csv"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        tmp.write_text(generate(n, seed), encoding="utf-8")
        tmp.replace(path)
    settings_path(path).write_bytes(settings_path(bundled_path()).read_bytes())
    return path
