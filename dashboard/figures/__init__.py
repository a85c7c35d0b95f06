"""Pure figure builders: what is shown -> plotly Figure. Never imports Dash."""
