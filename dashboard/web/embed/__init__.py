"""`/embed` and `/oembed`: any view as a chart for other sites."""
