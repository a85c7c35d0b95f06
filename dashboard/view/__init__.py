"""What a URL shows: URL state, filters, the event index, the dataset and the tour. No Dash."""
