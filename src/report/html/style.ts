/**
 * The report's stylesheet, inlined into the page. System fonts only (nothing is fetched);
 * light and dark schemes; every status has a symbol and a word besides its colour.
 */

/** Inline CSS for the report page. */
export const STYLES = `
:root {
  color-scheme: light dark;
  --bg: #f6f8fa; --surface: #ffffff; --surface-2: #f6f8fa; --code-bg: #f6f8fa;
  --border: #d0d7de; --border-soft: #e7ebef; --text: #1f2328; --muted: #59636e; --accent: #0969da;
  --passed: #1a7f37; --passed-bg: #dafbe1; --failed: #cf222e; --failed-bg: #ffebe9;
  --errored: #b35900; --errored-bg: #fff1e5; --skipped: #59636e; --skipped-bg: #eaeef2;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --surface: #151b23; --surface-2: #0d1117; --code-bg: #0d1117;
    --border: #3d444d; --border-soft: #262c35; --text: #e6edf3; --muted: #9198a1; --accent: #4493f8;
    --passed: #3fb950; --passed-bg: rgba(46,160,67,.18); --failed: #f85149; --failed-bg: rgba(248,81,73,.16);
    --errored: #e3853f; --errored-bg: rgba(219,109,40,.18); --skipped: #9198a1; --skipped-bg: rgba(110,118,129,.22);
  }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { background: var(--bg); }
body { margin: 0; padding: 24px 20px 40px; color: var(--text); background: var(--bg);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
body > * { max-width: 1180px; margin-left: auto; margin-right: auto; }
code, pre { font-family: var(--mono); font-size: 12.5px; }
pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
h1, h2, h3 { margin: 0; line-height: 1.25; }
.muted { color: var(--muted); font-weight: normal; }

.run { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 20px 22px; }
.run-title { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
.run-title h1 { font-size: 22px; font-weight: 600; }
.verdict { font-size: 12px; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; padding: 3px 10px; border-radius: 999px; }
.v-passed { color: var(--passed); background: var(--passed-bg); }
.v-failed { color: var(--failed); background: var(--failed-bg); }
.v-interrupted { color: var(--errored); background: var(--errored-bg); }
.v-empty { color: var(--skipped); background: var(--skipped-bg); }
.run-meta { margin: 6px 0 16px; color: var(--muted); }
.banner { margin: 0 0 16px; padding: 8px 12px; border-radius: 6px; color: var(--errored); background: var(--errored-bg); }
.tiles { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 10px; }
.tile { border: 1px solid var(--border); border-top-width: 3px; border-radius: 8px; padding: 8px 14px 10px; display: flex; flex-direction: column; }
.tile .n { font-size: 28px; font-weight: 600; line-height: 1.2; font-variant-numeric: tabular-nums; }
.tile .l { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .05em; }
.tile.total { border-top-color: var(--text); }
.tile.s-passed { border-top-color: var(--passed); } .tile.s-passed .n { color: var(--passed); }
.tile.s-failed { border-top-color: var(--failed); } .tile.s-failed .n { color: var(--failed); }
.tile.s-errored { border-top-color: var(--errored); } .tile.s-errored .n { color: var(--errored); }
.tile.s-skipped { border-top-color: var(--skipped); } .tile.s-skipped .n { color: var(--skipped); }
.tile.zero { border-top-color: var(--border); } .tile.zero .n { color: var(--muted); }
.bar { display: block; width: 100%; height: 8px; margin-top: 14px; border-radius: 4px; background: var(--border-soft); }
.bar .s-passed { fill: var(--passed); } .bar .s-failed { fill: var(--failed); }
.bar .s-errored { fill: var(--errored); } .bar .s-skipped { fill: var(--skipped); }

.filters { position: sticky; top: 0; z-index: 2; display: flex; align-items: center; flex-wrap: wrap; gap: 8px;
  margin-top: 14px; padding: 10px 0; background: var(--bg); }
.filters-label { color: var(--muted); font-weight: 600; margin-right: 2px; }
.filter { display: inline-flex; align-items: center; gap: 6px; padding: 4px 10px; border: 1px solid var(--border);
  border-radius: 999px; background: var(--surface); cursor: pointer; user-select: none; }
.filter input { margin: 0; accent-color: var(--accent); }
.filter .count { color: var(--muted); font-variant-numeric: tabular-nums; }
.filters-actions { display: inline-flex; gap: 6px; margin-left: 8px; }
.filters button { font: inherit; font-size: 13px; color: var(--text); background: var(--surface); border: 1px solid var(--border);
  border-radius: 6px; padding: 4px 10px; cursor: pointer; }
.filters button:hover, .filter:hover { border-color: var(--muted); }
.shown { margin-left: auto; color: var(--muted); font-size: 13px; }

.suite { margin-top: 16px; background: var(--surface); border: 1px solid var(--border); border-radius: 10px; overflow: hidden; }
.suite-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; flex-wrap: wrap; padding: 14px 18px 10px; }
.suite-head h2 { font-size: 16px; font-weight: 600; overflow-wrap: anywhere; }
.suite-head .sep { color: var(--muted); }
.suite-name { margin: 2px 0 0; color: var(--muted); }
.suite-tally { display: flex; gap: 6px; flex-wrap: wrap; }
.chip { font-size: 12px; padding: 2px 8px; border-radius: 999px; background: var(--surface-2); border: 1px solid var(--border-soft); white-space: nowrap; }
.chip.s-passed { color: var(--passed); background: var(--passed-bg); border-color: transparent; }
.chip.s-failed { color: var(--failed); background: var(--failed-bg); border-color: transparent; }
.chip.s-errored { color: var(--errored); background: var(--errored-bg); border-color: transparent; }
.chip.s-skipped { color: var(--skipped); background: var(--skipped-bg); border-color: transparent; }
.chip.time { color: var(--muted); }
.meta { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 0; padding: 0 18px 12px; }
.meta dt { font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.diagnostics { margin: 0 18px 12px; padding: 8px 12px; border-radius: 6px; background: var(--errored-bg); }
.diagnostics h3 { font-size: 13px; color: var(--errored); }
.diagnostics ul { margin: 4px 0 0; padding-left: 18px; }
.stderr { margin: 0 18px 12px; border: 1px solid var(--border-soft); border-radius: 6px; }
.stderr summary { padding: 6px 12px; cursor: pointer; font-weight: 600; font-size: 13px; }
.stderr pre { padding: 10px 12px; max-height: 320px; overflow: auto; border-top: 1px solid var(--border-soft); background: var(--code-bg); }
.empty { margin: 0; padding: 12px 18px; color: var(--muted); border-top: 1px solid var(--border-soft); }

.cases { list-style: none; margin: 0; padding: 0; border-top: 1px solid var(--border); }
.case + .case { border-top: 1px solid var(--border-soft); }
.case.s-failed { box-shadow: inset 3px 0 0 var(--failed); }
.case.s-errored { box-shadow: inset 3px 0 0 var(--errored); }
.case-row { display: grid; grid-template-columns: 92px minmax(0, 1fr) auto 88px 14px; gap: 14px; align-items: center; padding: 8px 18px; }
summary.case-row { cursor: pointer; list-style: none; }
summary.case-row::-webkit-details-marker { display: none; }
.case-row::after { content: ""; }
summary.case-row::after { content: "›"; color: var(--muted); font-size: 18px; line-height: 1; transition: transform .15s; }
details[open] > summary.case-row::after { transform: rotate(90deg); }
summary.case-row:hover { background: var(--surface-2); }
.badge { display: inline-flex; align-items: center; gap: 5px; justify-self: start; font-size: 12px; font-weight: 600; padding: 2px 9px; border-radius: 999px; }
.badge .icon { font-weight: 700; }
.badge.s-passed { color: var(--passed); background: var(--passed-bg); }
.badge.s-failed { color: var(--failed); background: var(--failed-bg); }
.badge.s-errored { color: var(--errored); background: var(--errored-bg); }
.badge.s-skipped { color: var(--skipped); background: var(--skipped-bg); }
.case-title { display: flex; flex-direction: column; min-width: 0; }
.case-name { font-weight: 500; overflow-wrap: anywhere; }
.case-sub { color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
.case-loc { color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
.case-time { color: var(--muted); font-size: 12px; text-align: right; font-variant-numeric: tabular-nums; }
.case-body { padding: 2px 18px 14px 124px; }
.notes { margin: 0; padding-left: 18px; color: var(--muted); }
.notes .warning { color: var(--errored); }

.problem { margin-top: 8px; padding: 10px 12px; border: 1px solid var(--border); border-radius: 8px; background: var(--surface-2); }
.problem-head { display: flex; justify-content: space-between; gap: 12px; flex-wrap: wrap; margin-bottom: 4px; }
.problem .kind { font-family: var(--mono); font-size: 12px; font-weight: 600; color: var(--failed); }
.s-errored .problem .kind { color: var(--errored); }
.problem .loc { color: var(--muted); font-size: 12px; }
.problem .message { font-family: inherit; font-size: 14px; }
.values { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 10px; margin-top: 10px; }
.value { margin: 0; min-width: 0; }
.value figcaption { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .05em; margin-bottom: 3px; }
.value.expected figcaption { color: var(--passed); }
.value.actual figcaption { color: var(--failed); }
.value pre { padding: 8px 10px; max-height: 360px; overflow: auto; border: 1px solid var(--border-soft); border-radius: 6px; background: var(--surface); }
.value pre.nothing { color: var(--muted); font-style: italic; }
.details { margin: 10px 0 0; padding-left: 18px; font-family: var(--mono); font-size: 12.5px; }
.no-match { margin-top: 16px; padding: 24px; text-align: center; color: var(--muted); border: 1px dashed var(--border); border-radius: 10px; }
footer { margin-top: 24px; color: var(--muted); font-size: 12px; text-align: center; }

@media (max-width: 760px) {
  .case-row { grid-template-columns: auto minmax(0, 1fr) auto 14px; grid-template-areas: "badge title time chevron" ". loc loc ."; row-gap: 2px; }
  .case-row > .badge { grid-area: badge; } .case-title { grid-area: title; } .case-loc { grid-area: loc; }
  .case-time { grid-area: time; } .case-row::after { grid-area: chevron; }
  .case-body { padding-left: 18px; }
}
@media (max-width: 520px) {
  .tiles { grid-template-columns: repeat(3, minmax(0, 1fr)); }
}
@media print {
  .filters { display: none !important; }
  .suite, .run { break-inside: avoid-page; }
}
`;
