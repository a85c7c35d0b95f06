"""Bring your own file: the upload panel, its checks and callbacks."""
