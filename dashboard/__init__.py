"""frt-timeline: an interactive timeline of big tech's facial-recognition decisions and their context.

    >>> from dashboard import load_events, timeline_figure
    >>> fig = timeline_figure(load_events(), company=["IBM", "Amazon", "Microsoft"])
"""

from .data import load_events
from .errors import DataError, Problem
from .figures import timeline_figure
from .filters import Filters
from .version import __version__

__all__ = ["DataError", "Filters", "Problem", "create_app", "load_events", "timeline_figure", "__version__"]


def create_app(events_path=None, context_path=None, **options):  # type: ignore[no-untyped-def]
    """Build the Dash app (imported lazily so `import dashboard` does not import Dash)."""
    from .app import create_app as _create_app

    return _create_app(events_path, context_path, **options)
