'use strict';
// The casebook's plotly.js: plotly's core (with the scatter trace) and the trace types the
// casebook's charts draw, the same list as casebook.charts.base.TRACE_TYPES (tested).
var Plotly = require('plotly.js/lib/core');

Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/heatmap'),
    require('plotly.js/lib/table'),
]);

module.exports = Plotly;
