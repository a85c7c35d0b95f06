#!/usr/bin/env bash
# Refresh dashboard/static/plotly-basic.min.js from npm (plotly.js-basic-dist-min) at the version of plotly.js
# that the installed plotly.py ships. /embed and exported .html use it only while the versions match.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(python3 -c "from plotly.offline import get_plotlyjs_version; print(get_plotlyjs_version())")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "plotly.js-basic-dist-min@$version" >/dev/null && tar xzf ./*.tgz)
cp "$tmp/package/plotly-basic.min.js" dashboard/static/plotly-basic.min.js
cp "$tmp/package/LICENSE" dashboard/static/plotly-basic.LICENSE
echo "dashboard/static/plotly-basic.min.js is now plotly.js basic v$version"
