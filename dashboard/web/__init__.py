"""Dash and Flask: the page, its callbacks, routes, security and caching."""
