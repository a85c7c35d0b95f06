"""The guided tour file: validation with file:line:column problems, resolving `step=N`, the bundled tour."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.data.errors import DataError
from dashboard.data.load import load_events
from dashboard.view.dataset import of_frame
from dashboard.view.filters import Filters, apply
from dashboard.view.shown import resolve
from dashboard.view.story import check_story_text, explore, load_story, select
from dashboard.view.urlstate import View

from .conftest import DATA, ROOT


@pytest.fixture(scope="module")
def events():
    return load_events(DATA / "related.csv")


@pytest.fixture(scope="module")
def story(events):
    return load_story(DATA / "story.csv", events)


def problems(text: str, events) -> list[str]:
    result, found = check_story_text(text, events)
    assert result is None
    return [str(p) for p in found]


def test_steps_are_numbered_in_file_order_with_their_views(story):
    assert [s.number for s in story.steps] == [1, 2, 3]
    week = story.get(2)
    assert week.title == "The week"
    assert week.url == "?step=2"
    assert week.view == View(
        Filters(companies=("IBM", "Amazon", "Microsoft"), start=date(2020, 5, 20), end=date(2020, 6, 20)),
        anchor="floyd-killed",
    )
    assert week.highlight == ("ibm-exit", "amazon-pause", "ms-no-police")
    assert story.get(0) is None and story.get(4) is None and story.get(None) is None


def test_problems_name_line_and_column(events):
    text = (
        "title,text,view,highlight\n"
        "Fine,Text.,start=2020-01-01,\n"
        ",Text.,company=Initech&start=soon,\n"
        "T," + "x" * 601 + ",colour=red&step=2,nobody;city-ban\n"
    )
    assert problems(text, events) == [
        "story.csv:3:1: 'title' is empty (every step needs a title and a text)",
        "story.csv:3:3: view 'company=Initech&start=soon': Ignored start='soon': dates are written "
        "YYYY-MM-DD. (write the view as the app's URL parameters)",
        "story.csv:3:3: view 'company=Initech&start=soon': Ignored unknown company 'Initech'. "
        "(write the view as the app's URL parameters)",
        "story.csv:4:2: text is 601 characters long (shorten it to 600)",
        "story.csv:4:3: unknown view parameter 'colour' "
        "(use: company, category, start, end, q, context, event, anchor)",
        "story.csv:4:3: a step's view cannot contain 'step' (write the view's own parameters only)",
        "story.csv:4:4: highlighted event 'nobody' does not exist in the events file "
        "(use ids from the events file, separated by ';')",
    ]


def test_a_highlighted_event_must_be_in_the_steps_view(events):
    text = "title,text,view,highlight\nT,Text.,company=IBM&context=0,amazon-pause\n"
    assert problems(text, events) == [
        "story.csv:2:4: highlighted event 'amazon-pause' is not in this step's view "
        "(widen the view (dates, companies, categories) or highlight another event)"
    ]


def test_unknown_event_or_anchor_in_a_view_is_an_error(events):
    text = "title,text,view\nT,Text.,anchor=nobody&event=gone\n"
    found = problems(text, events)
    assert len(found) == 2 and all(
        p.startswith("story.csv:2:3: view 'anchor=nobody&event=gone'") for p in found
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "story.csv:1:1: the file is empty"),
        (
            "title,text,views\n",
            "story.csv:1:3: unknown column 'views' (allowed columns: title, text, view, highlight)",
        ),
        ("title,text\n", "story.csv:1:3: required column 'view' is missing (add it to the header row)"),
        ("title,text,view\n\n", "story.csv:2:1: the story has no steps (add one row per step)"),
        (
            "title,text,view\nT,x,company=IBM,extra\n",
            "story.csv:2:4: this row has 4 fields but the header has 3",
        ),
    ],
)
def test_file_level_problems(events, text, problem):
    assert problems(text, events)[0].startswith(problem)


def test_load_story_raises_data_error(tmp_path, events):
    path = tmp_path / "story.csv"
    path.write_text("title,text,view\nT,,x=1\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_story(path, events)
    assert str(info.value).startswith("story.csv:2:2: 'text' is empty")
    with pytest.raises(DataError, match="cannot read the file"):
        load_story(tmp_path / "missing.csv", events)


def test_select_stays_in_the_tour_and_explore_leaves_it(story, events):
    in_tour = resolve("step=2", of_frame(events), story).view
    assert select(in_tour, "ms-no-police") == View(event="ms-no-police", step=2)
    assert select(View(Filters(q="a")), "x") == View(Filters(q="a"), event="x")
    left = explore(in_tour)
    assert left.step is None and left.filters == in_tour.filters and left.anchor == "floyd-killed"


# The bundled tour: 6-10 steps, valid against the bundled events, telling the story in order.


@pytest.fixture(scope="module")
def bundled():
    events = load_events(ROOT / "events.csv")
    return events, load_story(ROOT / "story.csv", events)


def test_bundled_tour_is_valid_and_6_to_10_steps(bundled):
    _, tour = bundled
    assert 6 <= len(tour) <= 10


def test_bundled_tour_goes_from_the_first_studies_through_june_2020_to_later_laws(bundled):
    events, tour = bundled
    highlighted = [h for step in tour.steps for h in step.highlight]
    must = [
        "gender-shades-study",
        "aclu-rekognition-congress-test",
        "actionable-auditing-study",
        "nist-frvt-demographic-effects",
        "george-floyd-killed-minneapolis",
        "ibm-exits-general-purpose-frt",
        "amazon-rekognition-police-moratorium",
        "microsoft-no-frt-sales-to-us-police",
        "virginia-lifts-police-facial-recognition-ban",
        "amazon-extends-rekognition-moratorium-indefinitely",
        "eu-ai-act-enters-into-force",
    ]
    assert [h for h in must if h not in highlighted] == []
    first_step_of = {h: next(s.number for s in tour.steps if h in s.highlight) for h in must}
    assert [first_step_of[h] for h in must] == sorted(first_step_of[h] for h in must)
    starts = events.set_index("id")["start"]
    step_dates = [min(starts[h] for h in s.highlight) for s in tour.steps]
    assert step_dates[:6] == sorted(step_dates[:6])  # the way to June 2020 is told in order


def test_the_june_2020_step_counts_days_from_george_floyds_killing(bundled):
    _, tour = bundled
    june = next(s for s in tour.steps if "ibm-exits-general-purpose-frt" in s.highlight)
    assert june.view.anchor == "george-floyd-killed-minneapolis"
    assert "+14" in june.text and "+16" in june.text and "+17" in june.text


def test_every_bundled_step_shows_its_highlighted_events(bundled):
    events, tour = bundled
    for step in tour.steps:
        shown = set(apply(events, step.view.filters)["id"])
        assert set(step.highlight) <= shown, step.number
        assert step.highlight, step.number
