"""Parse JSON keeping where each object and each of its values starts, so problems found in a TimelineJS
JSON file point at a line and column like problems in a CSV do."""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import re
from typing import Any


class PosDict(dict):  # type: ignore[type-arg]
    """A JSON object that knows the offsets of its opening brace and of each value."""

    start: int = 0
    value_starts: dict[str, int]


def loads(text: str) -> Any:
    """`json.loads` whose objects are PosDicts. Raises json.JSONDecodeError (with lineno and colno)."""
    decoder = json.JSONDecoder()

    def parse_object(s_and_end, strict, scan_once, object_hook, object_pairs_hook, memo=None):  # type: ignore[no-untyped-def]
        s, end = s_and_end
        starts: list[int] = []

        def recording_scan(string: str, idx: int) -> Any:
            starts.append(idx)
            return scan_once(string, idx)

        pairs, new_end = json.decoder.JSONObject(
            s_and_end, strict, recording_scan, None, lambda p: p, memo if memo is not None else {}
        )
        obj = PosDict(pairs)
        obj.start = end - 1
        obj.value_starts = {key: start for (key, _), start in zip(pairs, starts, strict=False)}
        return obj, new_end

    # The pure-Python scanner calls `parse_object` for every object (the C scanner would not).
    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    return decoder.decode(text)


class Lines:
    """1-based line and column of character offsets in a text (a binary search per lookup)."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1
