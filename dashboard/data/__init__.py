"""Reading and checking files: schema, formats, dates, validation, context series. No Dash, no Flask."""
