"""Citations of a fixed event and of a view: APA, Chicago and BibTeX, with permalink, access date, version."""

from __future__ import annotations

import re
from datetime import date

from dashboard import __version__
from dashboard.text.cite import bibtex, bibtex_escape, citations, describe_view, event_work, view_work
from dashboard.view.filters import Filters
from dashboard.view.urlstate import View

ACCESSED = date(2026, 11, 27)
PERMALINK = "https://frt.example.org/?event=ibm-exits-general-purpose-frt"


def ibm():
    return event_work(
        "ibm-exits-general-purpose-frt",
        "IBM CEO Arvind Krishna tells Congress IBM has exited general-purpose facial recognition",
        "8 June 2020",
        PERMALINK,
        ACCESSED,
    )


def test_version_is_the_packages():
    assert __version__ == "0.4.0"
    assert ibm().version == __version__


def test_apa():
    assert citations(ibm())["APA"] == (
        "frt-timeline contributors. (2026). IBM CEO Arvind Krishna tells Congress IBM has exited "
        "general-purpose facial recognition [Timeline event, 8 June 2020]. "
        "In Big tech and facial recognition: a timeline "
        "(Version 0.4.0) [Data set]. Retrieved 27 November 2026, from "
        "https://frt.example.org/?event=ibm-exits-general-purpose-frt"
    )


def test_chicago():
    assert citations(ibm())["Chicago"] == (
        "frt-timeline contributors. “IBM CEO Arvind Krishna tells Congress IBM has exited general-purpose "
        "facial recognition.” Timeline event, 8 June 2020. "
        "In Big tech and facial recognition: a timeline, version 0.4.0. "
        "2026. Accessed 27 November 2026. https://frt.example.org/?event=ibm-exits-general-purpose-frt."
    )


def test_bibtex():
    assert citations(ibm())["BibTeX"].splitlines() == [
        "@misc{frt-timeline:ibm-exits-general-purpose-frt,",
        "  author       = {{frt-timeline contributors}},",
        "  title        = {{IBM CEO Arvind Krishna tells Congress IBM has exited general-purpose facial "
        "recognition}},",
        "  howpublished = {Timeline event, 8 June 2020. In: Big tech and facial recognition: a timeline, "
        "version 0.4.0},",
        "  year         = {2026},",
        "  version      = {0.4.0},",
        "  url          = {https://frt.example.org/?event=ibm-exits-general-purpose-frt},",
        "  urldate      = {2026-11-27},",
        "  note         = {Accessed 2026-11-27}",
        "}",
    ]


def test_styles_are_listed_in_order():
    assert list(citations(ibm())) == ["APA", "Chicago", "BibTeX"]


def test_bibtex_escapes_latex_specials_from_the_data():
    assert bibtex_escape(r"50% of A&B_c {x} $1 #2 ~^ \input") == (
        r"50\% of A\&B\_c \{x\} \$1 \#2 \textasciitilde{}\textasciicircum{} \textbackslash{}input"
    )
    work = event_work("x", "Fines } @misc{evil,", "2020", "https://e.org/?event=x", ACCESSED)
    entry = bibtex(work)
    assert entry.count("@misc{") == 1 and r"Fines \} @misc\{evil," in entry


def test_chicago_does_not_double_a_question_mark():
    work = event_work("q", "Who decides?", "2020", "https://e.org/?event=q", ACCESSED)
    assert "“Who decides?” Timeline event" in citations(work)["Chicago"]


def test_view_citation_describes_the_view():
    view = View(
        Filters(companies=("IBM", "Amazon"), start=date(2020, 5, 1), end=date(2020, 7, 31), q="police")
    )
    title = describe_view(view, anchor_title="George Floyd killed")
    assert title == (
        "Timeline view (companies: IBM, Amazon; 1 May 2020 to 31 July 2020; search “police”; "
        "days since George Floyd killed)"
    )
    work = view_work(title, "https://e.org/?company=IBM", ACCESSED)
    apa = citations(work)["APA"]
    assert apa.startswith("frt-timeline contributors. (2026). Timeline view (companies: IBM, Amazon;")
    assert "[Timeline view]" in apa and apa.endswith("from https://e.org/?company=IBM")
    assert citations(work)["BibTeX"].startswith(f"@misc{{{work.key},")


def test_two_views_cited_on_one_day_get_two_keys_and_one_view_keeps_its_key():
    ibm_view = view_work("Timeline view (companies: IBM)", "https://e.org/?company=IBM", ACCESSED)
    amazon_view = view_work("Timeline view (companies: Amazon)", "https://e.org/?company=Amazon", ACCESSED)
    assert ibm_view.key != amazon_view.key
    later = view_work("Timeline view (companies: IBM)", "https://e.org/?company=IBM", date(2027, 1, 5))
    assert later.key == ibm_view.key
    uploaded = view_work("Timeline view (companies: IBM)", "https://e.org/?company=IBM", ACCESSED,
                         dataset="mine.csv, shown with " + ibm_view.dataset)
    assert uploaded.key != ibm_view.key  # the same address showing a reader's own file is another work
    for work in (ibm_view, amazon_view):
        assert re.fullmatch(r"frt-timeline:view-[0-9a-f]{10}", work.key)
        assert citations(work)["BibTeX"].startswith(f"@misc{{{work.key},\n")


def test_describe_default_view_and_tour_step():
    assert describe_view(View()) == "Timeline view (all events)"
    assert describe_view(View(step=6), step_title="Three companies") == "Guided tour, step 6: Three companies"
