"""The version of the app and of the bundled data, which are released together (see docs/data.md)."""

__version__ = "0.2.0"
RELEASED = "2026-11-26"  # the date of this version in the changelog of docs/data.md
