"""The share panel's controls become EmbedOptions through urlstate (clamped, defaults left out of the URL)."""

from __future__ import annotations

from dashboard.share_callbacks import embed_options
from dashboard.urlstate import EmbedOptions


def test_default_controls_are_the_default_options():
    assert embed_options("fit", None, "light", ["legend", "title"]) == (EmbedOptions(), None)


def test_controls_map_to_options_and_a_fixed_width():
    assert embed_options("640", 360, "dark", []) == (
        EmbedOptions(height=360, theme="dark", legend=False, title=False), 640)


def test_out_of_range_height_is_clamped_like_a_url_would_be():
    assert embed_options("fit", 50, "light", ["legend", "title"])[0].height == 200
    assert embed_options(None, 9999.0, None, None)[0] == EmbedOptions(height=2000, legend=False, title=False)
