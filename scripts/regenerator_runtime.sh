#!/usr/bin/env bash
# Vendor regenerator-runtime (npm, MIT) into dashboard/vendor/regenerator-runtime.js: the one part of Dash's
# babel polyfill (polyfill@7.12.1: core-js 2 and regenerator-runtime, 99 KB) that Dash's renderer needs in
# today's browsers. The page loads it in the polyfill's place (web/serving.py, `swap_polyfill`). Its first
# line is V8's explicit compile hint, as in every script the page runs. Run to upgrade it; needs npm (build
# time only: the output is committed).
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-0.14.1}
out=$PWD/dashboard/vendor/regenerator-runtime.js
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "regenerator-runtime@$version" >/dev/null && tar xzf "regenerator-runtime-$version.tgz")
{ echo "//# allFunctionsCalledOnLoad"; echo "/* regenerator-runtime $version (npm), vendored by scripts/regenerator_runtime.sh */"
  cat "$tmp/package/runtime.js"; } >"$out"
cp "$tmp/package/LICENSE" "$(dirname "$out")/regenerator-runtime-LICENSE"
echo "$out: regenerator-runtime $version, $(wc -c <"$out") bytes"
