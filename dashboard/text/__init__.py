"""Words for a view: its title, summary, description and citation."""
