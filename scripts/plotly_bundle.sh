#!/usr/bin/env bash
# Fetch the partial plotly.js bundle the page loads (npm plotly.js-cartesian-dist-min), at the version of the
# full bundle plotly.py ships, into dashboard/vendor/. Run after upgrading plotly.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-$(python3 -c "from plotly.offline import get_plotlyjs_version as v; print(v())")}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "plotly.js-cartesian-dist-min@$version" >/dev/null && tar xzf ./*.tgz)
cp "$tmp/package/plotly-cartesian.min.js" dashboard/vendor/plotly-cartesian.min.js
cp "$tmp/package/LICENSE" dashboard/vendor/plotly.js-LICENSE
echo "dashboard/vendor/plotly-cartesian.min.js: plotly.js cartesian $version"
