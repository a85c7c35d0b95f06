#!/usr/bin/env bash
# Build the one partial plotly.js bundle the app loads (the page, /embed and exported files) into
# dashboard/vendor/plotly-timeline.min.js: plotly.js's core (every layout component: range slider, legend,
# annotations, hover, modebar...) with the only two trace types the app draws, scatter and heatmap (the level
# of detail's density lanes). It is built the way plotly.js documents custom bundles (CUSTOM_BUNDLE.md:
# lib/core plus Plotly.register) with plotly.js's own esbuild settings (its esbuild-config.js), from the npm
# package at the version of the full bundle plotly.py ships, and wrapped and headed like plotly.js's dist
# files. Its first line is V8's explicit compile hint (see COMPILE_HINT in dashboard/web/serving.py): Chrome
# compiles the whole bundle as it streams in, off the main thread. Run after upgrading plotly; needs node and
# npm (build time only: the output is committed).
# One change to plotly.js's source as it is bundled (the `remember-colours` plugin): its colour module parses
# a colour string again at every use, twice for each marker it styles (fill or stroke, and their opacity).
# The plugin remembers each string's `rgb(...)` form and opacity (strings and numbers, so nothing shared can
# be changed by a caller). Each marker of a chart cost a parse: the page's first drawing took 20% less time
# with it (see docs/performance.md). The build stops if the source it changes is not there any more.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-$(python3 -c "from plotly.offline import get_plotlyjs_version as v; print(v())")}
out=$PWD/dashboard/vendor/plotly-timeline.min.js
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund "plotly.js@$version" esbuild@0.28.2 esbuild-plugin-environment@0.5.0 \
  esbuild-plugin-glsl@1.4.2 esbuild-plugin-inline-css@0.0.1 stream-browserify@3.0.0 >/dev/null
cat > entry.js <<'JS'
'use strict';
var Plotly = require('plotly.js/lib/core');
Plotly.register([require('plotly.js/lib/heatmap')]);  // scatter is part of the core
module.exports = Plotly;
JS
cat > remember-colours.js <<'JS'
const fs = require('fs');
const REPLACE = [
  ['const rgb = (cstr) => formatRgb({ ...parse(cstr), alpha: 1 });',
   'const rgbOf = (cstr) => formatRgb({ ...parse(cstr), alpha: 1 });\n'
   + 'const remember = (of) => { const known = new Map(); return (cstr) => {\n'
   + '    if (typeof cstr !== "string") return of(cstr);\n'
   + '    let out = known.get(cstr);\n'
   + '    if (out === undefined) { if (known.size >= 1000) known.clear(); out = of(cstr); known.set(cstr, out); }\n'
   + '    return out; }; };\n'
   + 'const rgb = remember(rgbOf);\n'
   + 'const alphaOf = remember((cstr) => parse(cstr).alpha);'],
  ["s.style({ stroke: rgb(cstr), 'stroke-opacity': parse(cstr).alpha });",
   "s.style({ stroke: rgb(cstr), 'stroke-opacity': alphaOf(cstr) });"],
  ["s.style({ fill: rgb(cstr), 'fill-opacity': parse(cstr).alpha });",
   "s.style({ fill: rgb(cstr), 'fill-opacity': alphaOf(cstr) });"],
];
module.exports = {
  name: 'remember-colours',
  setup(build) {
    build.onLoad({ filter: /plotly\.js[\\/]src[\\/]components[\\/]color[\\/]index\.js$/ }, (args) => {
      let source = fs.readFileSync(args.path, 'utf8');
      for (const [before, after] of REPLACE) {
        if (!source.includes(before)) throw new Error('remember-colours: not in ' + args.path + ': ' + before);
        source = source.replace(before, after);
      }
      return { contents: source, loader: 'js' };
    });
  },
};
JS
cat > build.js <<JS
const esbuild = require('esbuild');
const rememberColours = require('./remember-colours');
const { environmentPlugin } = require('esbuild-plugin-environment');
const { glsl } = require('esbuild-plugin-glsl');
const InlineCSSPlugin = require('esbuild-plugin-inline-css');
const banner = '//# allFunctionsCalledOnLoad\n/**\n* plotly.js (timeline - minified) v$version: core, scatter and heatmap, for frt-timeline\n'
  + '* Copyright 2012-2026, Plotly, Inc.\n* All rights reserved.\n* Licensed under the MIT license\n*/\n'
  + '(\n function(root, factory) {\n  if (typeof module === "object" && module.exports) {\n'
  + '   module.exports = factory();\n  } else {\n   root.moduleName = factory();\n  }\n'
  + '} (typeof self !== "undefined" ? self : this, () => {';
esbuild.build({
  entryPoints: ['./entry.js'], outfile: '$out', format: 'iife', globalName: 'Plotly', bundle: true,
  minify: true, sourcemap: false, legalComments: 'eof',
  plugins: [rememberColours, InlineCSSPlugin(), glsl({ minify: true }), environmentPlugin({ NODE_DEBUG: false })],
  alias: { regl: '@plotly/regl', stream: 'stream-browserify' },
  define: { global: 'window', 'define.amd': 'false' }, target: 'es2016', logLevel: 'warning',
  banner: { js: banner }, footer: { js: 'window.Plotly = Plotly;\nreturn Plotly;\n}));' },
}).catch(() => process.exit(1));
JS
node build.js
cp node_modules/plotly.js/LICENSE "$(dirname "$out")/plotly.js-LICENSE"
echo "$out: plotly.js timeline (core, scatter, heatmap) $version, $(wc -c <"$out") bytes"
