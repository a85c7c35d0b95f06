"""A benchmark server: `python -m bench.serve --events PATH --port N [--baseline]`.

Allows the synthetic company names for this process only, then serves the app (or the baseline) with
gunicorn-free werkzeug threads on 127.0.0.1, like `frt-timeline serve`.
"""

from __future__ import annotations

import argparse

from bench import synth


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--baseline", action="store_true")
    args = parser.parse_args()
    synth.allow_extra_companies()
    if args.baseline:
        from bench.baseline import create_baseline_app
        from dashboard.data.load import load_events

        app = create_baseline_app(load_events(args.events))
    else:
        from dashboard.app import create_app

        app = create_app(args.events)
    app.run(host="127.0.0.1", port=args.port, debug=False)


if __name__ == "__main__":
    main()
