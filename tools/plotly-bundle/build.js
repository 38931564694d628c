// Builds plotly-casebook.min.js, in casebook/static/ (the app serves it), from entry.js (run by `make plotly-bundle`).
// plotly.js's own bundle (4.8 MB, every trace type) took 1.5-2 s of the browser's main thread
// to start on every page with a chart (headless Chromium on a 2-core machine, 2026-12-03);
// this one, with the four trace types the casebook draws, about 0.2 s.
// The options follow plotly.js's esbuild-config.js; CSS imports (maplibre's, only for map
// traces, which are not in this bundle) are left out.
'use strict';
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const version = require('plotly.js/package.json').version;
const out = path.resolve(
  __dirname, '..', '..', 'casebook', 'static', 'plotly-casebook.min.js'
);
const banner = `/**
* plotly.js v${version} (the casebook's bundle: core, bar, heatmap, table; built by tools/plotly-bundle)
* Copyright 2012-2026, Plotly, Inc.
* All rights reserved.
* Licensed under the MIT license
*/`;

esbuild
  .build({
    entryPoints: [path.join(__dirname, 'entry.js')],
    outfile: out + '.part',
    format: 'iife',
    globalName: 'Plotly',
    bundle: true,
    minify: true,
    target: 'es2016',
    legalComments: 'eof',
    banner: { js: banner },
    loader: { '.css': 'empty' },
    alias: { stream: 'stream-browserify' },
    define: { global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false' },
    logLevel: 'info',
  })
  .then(() => fs.renameSync(out + '.part', out)) // a failed build leaves the old bundle
  .catch(() => {
    fs.rmSync(out + '.part', { force: true });
    process.exit(1);
  });
