"""frt-timeline: an interactive timeline of big tech's facial-recognition decisions and their context.

    >>> from dashboard import load_events, timeline_figure
    >>> fig = timeline_figure(load_events(), company=["IBM", "Amazon", "Microsoft"])
"""

from dashboard.data.errors import DataError, Problem
from dashboard.data.load import load_events
from dashboard.figures.chart import timeline_figure
from dashboard.version import __version__
from dashboard.view.filters import Filters

__all__ = ["DataError", "Filters", "Problem", "create_app", "load_events", "timeline_figure", "__version__"]


def create_app(events_path=None, context_path=None, **options):  # type: ignore[no-untyped-def]
    """Build the Dash app (imported lazily so `import dashboard` does not import Dash)."""
    from dashboard.app import create_app as _create_app

    return _create_app(events_path, context_path, **options)
