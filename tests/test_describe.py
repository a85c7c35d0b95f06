"""Words for a view: the title, the filter summary, the file-name slug and the data's date."""

from __future__ import annotations

from datetime import date

from dashboard.data.load import load_events
from dashboard.text.describe import APP_TITLE, data_date, filter_summary, slug, title
from dashboard.view.filters import Filters
from dashboard.view.urlstate import View

JUNE = View(Filters(companies=("IBM", "Amazon"), categories=("decision",), start=date(2020, 5, 1),
                    end=date(2020, 7, 31), q="police"))


def test_default_view_has_the_app_title_and_no_filters():
    assert title(View()) == APP_TITLE
    assert filter_summary(View()) == ["All events"]
    assert slug(View()) == "frt-timeline"


def test_title_names_companies_categories_dates_and_search():
    assert title(JUNE) == ("Big tech and facial recognition: IBM, Amazon · decision · "
                           "1 May 2020 – 31 July 2020 · “police”")


def test_many_companies_are_counted_not_listed():
    view = View(Filters(companies=("IBM", "Amazon", "Microsoft", "Google", "Meta")))
    assert title(view) == "Big tech and facial recognition: 5 companies"


def test_filter_summary_lists_each_active_filter():
    view = View(Filters(companies=(), start=date(2020, 6, 1), context=False))
    assert filter_summary(view) == ["Companies: none", "Dates: from 1 June 2020", "Context lanes: hidden"]
    assert filter_summary(JUNE)[-1] == "Search: “police”"


def test_slug_is_a_safe_file_name():
    assert slug(JUNE) == "frt-timeline-ibm-amazon-decision-2020-05-01-to-2020-07-31-police"
    assert slug(View(Filters(q="../../etc/passwd <b>"))) == "frt-timeline-etc-passwd-b"
    assert len(slug(View(Filters(q="x" * 300)))) <= 80


def test_data_date_is_the_latest_event_at_its_precision(valid_csv, write_csv):
    assert data_date(load_events(valid_csv)) == "11 June 2020"
    path = write_csv("a,2019,,T,D,decision,IBM,IBM,,https://e.org\n"
                     "b,2021-03,,T,D,decision,IBM,IBM,,https://e.org\n")
    assert data_date(load_events(path)) == "March 2021"
