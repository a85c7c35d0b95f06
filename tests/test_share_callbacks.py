"""The share panel's controls become EmbedOptions through urlstate (clamped, defaults left out of the URL)."""

from __future__ import annotations

from dashboard.view.urlstate import EmbedOptions
from dashboard.web.share.callbacks import embed_options


def test_default_controls_are_the_default_options():
    assert embed_options("fit", None, "light", ["legend", "title"]) == (EmbedOptions(), None)


def test_controls_map_to_options_and_a_fixed_width():
    assert embed_options("640", 360, "dark", []) == (
        EmbedOptions(height=360, theme="dark", legend=False, title=False), 640)


def test_out_of_range_height_is_clamped_like_a_url_would_be():
    assert embed_options("fit", 50, "light", ["legend", "title"])[0].height == 200
    assert embed_options(None, 9999.0, None, None)[0] == EmbedOptions(height=2000, legend=False, title=False)


def test_values_of_the_wrong_type_count_as_unset():
    """Any client can post any JSON to a callback: nothing here may raise."""
    assert embed_options(640, "tall", ["dark"], "legend") == (EmbedOptions(legend=False, title=False), None)
    assert (embed_options("99999", float("inf"), None, [1, None])
            == (EmbedOptions(legend=False, title=False), None))
    assert embed_options("800", True, "dark", ["title"]) == (EmbedOptions(theme="dark", legend=False), 800)
