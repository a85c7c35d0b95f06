#!/usr/bin/env bash
# Make docs/screenshot.png: start the app on the bundled data, open a view in headless Chromium, save a PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8765}
python3 -m dashboard serve --port "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.2; done
profile=$(mktemp -d)
chromium --headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --no-first-run --disable-sync --user-data-dir="$profile" --hide-scrollbars --window-size=1400,1050 \
  --virtual-time-budget=15000 --screenshot="$PWD/docs/screenshot.png" \
  "http://127.0.0.1:$port/${1:-?start=2020-04-01&end=2021-06-30&event=ibm-exits-general-purpose-frt}" 2>/dev/null
rm -rf "$profile"
echo "wrote docs/screenshot.png"
