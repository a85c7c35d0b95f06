"""Component ids shared by the layout, the callbacks and the browser tests."""

URL = "url"
GRAPH = "timeline"
COMPANIES = "filter-companies"
COMPANIES_ALL = "filter-companies-all"
COMPANIES_NONE = "filter-companies-none"
CATEGORIES = "filter-categories"
START = "filter-start"
END = "filter-end"
SEARCH = "filter-q"
CONTEXT = "filter-context"
RESET = "filter-reset"
COUNT = "event-count"
NOTICES = "notices"
DETAILS = "details"
DETAILS_CLOSE = "details-close"
TABLE = "events-table"  # the table's box; assets/table.js draws its body (TABLE_BODY) from TABLE_DATA
TABLE_CAPTION = "table-caption"
TABLE_BODY = "table-body"
TABLE_DATA = "table-data"  # store: the table's rows as data (components.table_data)
TABLE_SORT = "table-sort"
TABLE_ROWS = "table-rows"  # how many rows the table shows, and for which view ("Show more")
TABLE_MORE = "table-more"
TABLE_VIEW = "table-view"  # store: written by the render callback once it has answered; the table follows
URL_REQUEST = "url-request"  # store: the query the controls ask for; assets/clientside.js puts it in the URL
# store: what the chart draws (view/plan/theme, not its range): same key, new range only
FIGURE_KEY = "figure-key"
X_CHANGE = "x-change"  # store: the zoom the chart last wrote into the URL (assets/clientside.js, zoomUrl)
CHART_PRESETS = "chart-presets"  # the dataset's zoom presets in the chart toolbar
SORT_BUTTON = "sort-button"  # pattern-matching id type: {"type": SORT_BUTTON, "column": name}
SORT_HEADER = "sort-header"  # pattern-matching id type of the sortable columns' <th>: aria-sort
ROW_BUTTON = "row-button"  # class of the row buttons (assets/table.js); activating one selects its event
RELATED_LINK = "related-link"
LIVE = "live-region"
DOWNLOAD_CSV = "download-csv"
DOWNLOAD_JSON = "download-json"
DOWNLOAD_PNG = "download-png"
DOWNLOAD_SVG = "download-svg"
DOWNLOAD_STATUS = "download-status"
DOWNLOAD_IMAGE = "download-image"  # store: the image the PNG/SVG buttons draw (web/image.py payload)
SHARE = "share-panel"
SHARE_LINK = "share-link"
SHARE_COPY_LINK = "share-copy-link"
SHARE_WIDTH = "share-width"
SHARE_HEIGHT = "share-height"
SHARE_THEME = "share-theme"
SHARE_OPTIONS = "share-options"
SHARE_SNIPPET = "share-snippet"
SHARE_COPY_SNIPPET = "share-copy-snippet"
SHARE_PREVIEW = "share-preview"
SHARE_STATUS = "share-status"
# Bring your own data (upload_panel.py, upload_callbacks.py)
USER_DATA = "user-data"  # session store: the uploaded, checked events
USER_CONTEXT = "user-context"  # session store: the uploaded context series
UPLOAD_PANEL = "upload-panel"
UPLOAD_EVENTS = "upload-events"
UPLOAD_CONTEXT = "upload-context"
# the visible words of each upload zone: its file input's accessible name (assets/upload.js)
UPLOAD_EVENTS_LABEL = "upload-events-label"
UPLOAD_CONTEXT_LABEL = "upload-context-label"
PENDING_EVENTS = "pending-events"
PENDING_CONTEXT = "pending-context"
UPLOAD_LIMIT = "upload-limit"
UPLOAD_PROGRESS = "upload-progress"
UPLOAD_RESULT = "upload-result"
UPLOAD_DAY_ORDER = "upload-day-order"  # how 03/04/2020 is read: auto, day first or month first
CONTEXT_DATE_COLUMN = "context-date-column"  # the uploaded context series' date column ("" = detect)
CONTEXT_VALUE_COLUMN = "context-value-column"  # its value column ("" = detect, COUNT_ROWS = count rows)
BACK_TO_BUNDLED = "back-to-bundled"
DATA_SUMMARY = "data-summary"
OWN_TITLE = "own-title"
DOWNLOADS = "view-downloads"
EXPORT_ROW = "export-row"
EXPORT_BUTTON = "export-button"  # pattern-matching id type: {"type": EXPORT_BUTTON, "target": name}
EXPORT_DOWNLOAD = "export-download"

# Relative time, the guided tour and citations.
TIME = "time-axis"  # the "days since" toggle
LANES = "filter-lanes"  # the order of the company lanes (URL `lanes`)
TIME_NOTE = "time-axis-note"
TOUR_START = "tour-start"
TOUR_BAR = "tour-bar"
TOUR_COUNTER = "tour-counter"
TOUR_TITLE = "tour-title"
TOUR_TEXT = "tour-text"
TOUR_EVENTS = "tour-events"
TOUR_PREV = "tour-prev"
TOUR_NEXT = "tour-next"
TOUR_LEAVE = "tour-leave"
TOUR_RESUME = "tour-resume"
TOUR_MEMORY = "tour-memory"
CITE_VIEW = "cite-view"


# Accessibility and presentation (issue 8).
CHART_KEYS = "chart-keys"  # the focusable chart wrapper: arrow keys walk the events (assets/keyboard.js)
CHART_SUMMARY = "chart-summary"
CHART_TOOLBAR = "chart-toolbar"
KEY_SELECT = "key-select"  # store written by assets/keyboard.js: {"event": id} chosen by key or table row
THEME = "theme"  # store: the theme in effect, "light" or "dark" (URL `theme`, else the system's setting)
THEME_TOGGLE = "theme-toggle"
FILTERS_TOGGLE = "filters-toggle"  # opens the filter drawer on small screens
FILTERS_PANEL = "filters-panel"
DETAILS_PANEL = "details-panel"
DETAILS_TITLE = "details-title"
PRINT_URL = "print-url"
LAST_QUERY = "last-query"  # store: the data query last announced, so the live region speaks once per change


# The page's scripts read these ids from one generated file, never typing them again.
SCRIPT = "_frt.js"  # first of assets/ (Dash loads assets in name order)


def javascript() -> str:
    """assets/_frt.js: the one `frt` namespace of the page's scripts, holding every component id above."""
    names = {name: value for name, value in globals().items()
             if name.isupper() and isinstance(value, str) and name != "SCRIPT"}
    body = ",\n".join(f"  {name}: {value!r}".replace("'", '"') for name, value in sorted(names.items()))
    # first, V8's compile hint, as in every script of the page (web/serving.py, COMPILE_HINT)
    return ("//# allFunctionsCalledOnLoad\n"
            "/* Generated from dashboard/web/ids.py by `python -m dashboard.web.ids`: do not edit by hand.\n"
            "   The one `frt` namespace of the page's scripts; `frt.ids` names every Dash component. */\n"
            "window.frt = window.frt || {};\n"
            f"window.frt.ids = Object.freeze({{\n{body}\n}});\n")


if __name__ == "__main__":  # python -m dashboard.web.ids > assets/_frt.js
    print(javascript(), end="")
