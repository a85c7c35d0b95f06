"""The share panel: links, embed code and citations of the view."""
