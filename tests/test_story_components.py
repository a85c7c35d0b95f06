"""Page parts of the story features, built for a URL: the tour bar's states, related events, day 0."""

from __future__ import annotations

import pytest
from dash import dcc, html

from dashboard.data.load import load_events
from dashboard.data.relations import neighbours
from dashboard.view.dataset import of_frame
from dashboard.view.relative import anchor_of
from dashboard.view.shown import resolve
from dashboard.view.story import load_story
from dashboard.view.urlstate import View
from dashboard.web import ids
from dashboard.web.tour.components import day_zero, details_extras, origin, related_events, tour_state

from .conftest import DATA


@pytest.fixture(scope="module")
def events():
    return load_events(DATA / "related.csv")


@pytest.fixture(scope="module")
def story(events):
    return load_story(DATA / "story.csv", events)


@pytest.fixture(scope="module")
def titles(events):
    return dict(zip(events["id"], events["title"], strict=True))


def story_events(story):
    return load_events(DATA / "related.csv")


def links(component) -> list[tuple[str, str]]:
    """(text, href) of every dcc.Link inside a component tree."""
    found = []

    def walk(node):
        if isinstance(node, dcc.Link):
            found.append((node.children, node.href))
        children = getattr(node, "children", None)
        for child in children if isinstance(children, list) else [children]:
            if hasattr(child, "children") or isinstance(child, dcc.Link):
                walk(child)

    for node in component if isinstance(component, list) else [component]:
        walk(node)
    return found


def test_first_step_has_no_previous_and_links_the_next(story, titles):
    s = tour_state(story, resolve("step=1", of_frame(story_events(story)), story).view, "/", None, titles)
    assert s.bar_class == "tour-bar active"
    assert s.counter == "Guided tour · step 1 of 3"
    assert (s.title, s.text) == ("The study", "A study tested two vendors.")
    assert s.prev_class == "tour-link hidden"
    assert (s.next_href, s.next_label, s.next_class) == ("?step=2", "Next →", "tour-link tour-next")
    assert s.leave_href == "/?start=2018-01-01&end=2018-12-31"  # the step's view, outside the tour
    assert s.memory == 1
    assert links(s.events) == [("A study", "/?event=study-month&step=1")]


def test_last_step_finishes_the_tour_in_its_own_view(story, titles):
    s = tour_state(story, resolve("step=3", of_frame(story_events(story)), story).view, "/app/", None, titles)
    assert (s.prev_href, s.prev_class) == ("?step=2", "tour-link")
    assert (s.next_label, s.next_class) == ("Finish the tour", "tour-link tour-next finish")  # → stops here
    assert s.next_href == "/app/?company=Amazon&context=0"
    assert s.leave_href == "/app/?company=Amazon&context=0&event=amazon-extends"


def test_after_leaving_the_tour_offers_to_resume(story, titles):
    s = tour_state(story, View(), "/", 2, titles)
    assert s.bar_class == "tour-bar resumable"
    assert (s.resume_href, s.resume_label) == ("?step=2", "Back to the tour (step 2: The week)")
    assert s.memory == 2


def test_the_tour_links_keep_the_readers_theme(story, titles):
    """A reader in the dark theme stays in it through Previous, Next, "Back to the tour", "Take the tour"."""
    dark = resolve("step=2&theme=dark", of_frame(story_events(story)), story).view
    s = tour_state(story, dark, "/", None, titles)
    assert (s.prev_href, s.next_href, s.resume_href) == ("?theme=dark&step=1", "?theme=dark&step=3",
                                                         "?theme=dark&step=2")
    assert "theme=dark" in s.leave_href
    assert s.start_href == "?theme=dark&step=1"
    left = tour_state(story, View(theme="dark"), "/", 2, titles)
    assert (left.resume_href, left.start_href) == ("?theme=dark&step=2", "?theme=dark&step=1")
    assert tour_state(story, View(), "/", None, titles).start_href == "?step=1"
    assert all(h.startswith("/?theme=dark&event=") for _, h in links(s.events)), links(s.events)


def test_no_tour_and_no_memory_hides_the_bar(story, titles):
    assert tour_state(story, View(), "/", None, titles).bar_class == "tour-bar"
    assert tour_state(None, View(step=1), "/", 1, titles).bar_class == "tour-bar"


def test_related_events_link_to_their_selection_in_both_directions(events):
    by_id = events.set_index("id", drop=False)
    view = View(event="amazon-pause")
    section = related_events(neighbours(events, "amazon-pause"), by_id, view, "/", in_view=set())
    assert isinstance(section[0], html.H3) and section[0].children == "Related events"
    item = section[1].children[0]
    assert item.children[0].children == "Extended by: "
    assert item.children[1].id == {"type": ids.RELATED_LINK, "event": "amazon-extends"}
    assert links(section) == [("Amazon extends its pause", "/?event=amazon-extends")]
    assert item.children[2].children == " (18 May 2021) (not in this view)"
    inside_tour = related_events(
        neighbours(events, "amazon-pause"),
        by_id,
        View(event="amazon-pause", step=3),
        "/",
        in_view={"amazon-extends"},
    )
    assert links(inside_tour) == [("Amazon extends its pause", "/?event=amazon-extends&step=3")]


def test_day_zero_offers_to_count_from_the_event_or_back_to_dates(events):
    by_id = events.set_index("id", drop=False)
    anchor = anchor_of(events, "floyd-killed")
    view = View(event="ibm-exit", anchor="floyd-killed", step=2)
    p = day_zero(by_id.loc["ibm-exit"], view, "/", anchor)
    assert p.children[0] == "Day +14 since A man is killed by police. "
    assert p.children[1].href == "/?event=ibm-exit&anchor=ibm-exit"  # leaves the tour, keeps the selection
    zero = day_zero(by_id.loc["floyd-killed"], View(event="floyd-killed", anchor="floyd-killed"), "/", anchor)
    assert zero.children[0] == "This event is day 0. "
    assert zero.children[1].href == "/?event=floyd-killed"
    assert (
        day_zero(by_id.loc["ibm-exit"], View(event="ibm-exit"), "/", None).children[1].href
        == "/?event=ibm-exit&anchor=ibm-exit"
    )


def test_details_extras_cite_the_event_with_an_absolute_permalink(events):
    by_id = events.set_index("id", drop=False)
    extras = details_extras(
        events,
        by_id,
        by_id.loc["ibm-exit"],
        View(event="ibm-exit"),
        "/",
        "http://127.0.0.1:8050/?event=ibm-exit&q=x",
        {"ibm-exit"},
    )
    cite_box = extras[-1]
    assert cite_box.children[0].children == "Cite this event"
    texts = [c.children for c in cite_box.children if isinstance(c, html.Pre)]
    assert len(texts) == 3 and all("http://127.0.0.1:8050/?event=ibm-exit" in t for t in texts)
    assert details_extras(events, by_id, None, View(), "/", None, set()) == []


def test_origin_is_scheme_and_host_only():
    assert origin("https://example.org:8443/x/?a=1") == "https://example.org:8443"
    assert origin("javascript:alert(1)") == "" and origin(None) == ""
    assert origin("http://[::1") == "" and origin("http://a b/") == ""


# XSS payloads in every text of the story features: titles and dates of related events, tour titles and
# texts, citations. They reach components as plain strings, and links stay on this page.


@pytest.fixture
def xss_linked(xss_linked_csv):
    return load_events(xss_linked_csv)


def assert_plain_and_local(tree) -> None:
    from .test_components import walk

    for component in walk(tree):
        assert not isinstance(component, (dcc.Markdown, html.Iframe, html.Script))
        assert "dangerouslySetInnerHTML" not in component.to_plotly_json()["props"]
        href = getattr(component, "href", None)
        if href is not None:
            assert href == "/" or href.startswith(("/?", "?")), href


def test_story_parts_show_payloads_as_text(xss_linked, tmp_path):
    from .test_components import texts

    by_id = xss_linked.set_index("id", drop=False)
    payloads = set(xss_linked["title"])
    for event_id in xss_linked["id"]:
        row = by_id.loc[event_id]
        tree = details_extras(
            xss_linked,
            by_id,
            row,
            View(event=event_id, anchor="xss-0"),
            "//evil.example",
            "http://127.0.0.1:8050/",
            set(xss_linked["id"]),
        )
        assert_plain_and_local(tree)
        shown = " ".join(texts(tree))
        for n in neighbours(xss_linked, event_id):
            assert by_id.loc[n.other, "title"] in payloads and by_id.loc[n.other, "title"] in texts(tree)
        assert row["title"] in shown  # inside the citations, as text
    story_file = tmp_path / "story.csv"
    import csv

    with open(story_file, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["title", "text", "view", "highlight"])
        for n, payload in enumerate(list(payloads)[:5]):
            writer.writerow([payload[:80], "Text: " + payload, "", f"xss-{n}"])
    tour = load_story(story_file, xss_linked)
    for step in tour.steps:
        state = tour_state(
            tour,
            resolve(f"step={step.number}", of_frame(xss_linked), tour).view,
            "/",
            None,
            dict(zip(xss_linked["id"], xss_linked["title"], strict=True)),
        )
        assert state.title == step.title and state.text == step.text
        assert_plain_and_local(state.events)
        for link in (state.prev_href, state.next_href, state.leave_href):
            assert link == "/" or link.startswith(("/?", "?")), link
