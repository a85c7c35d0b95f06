"""The version of the app and of the bundled data, which are released together (see docs/data.md)."""

__version__ = "0.4.0"
RELEASED = "2026-12-03"  # the date of this version in the changelog of docs/data.md
