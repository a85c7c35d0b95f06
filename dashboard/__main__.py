"""`python -m dashboard` starts the app on the bundled events.csv at http://127.0.0.1:8050; it is the
`frt-timeline` command, so options without a command go to `serve` (`python -m dashboard --port 8051`)."""

from dashboard.cli import main

if __name__ == "__main__":
    main(prog_name="frt-timeline")
