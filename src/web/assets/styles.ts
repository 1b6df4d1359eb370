/** /app/assets/app.css: served as a file so the CSP needs no 'unsafe-inline' for styles. */
export const APP_CSS = String.raw`
:root {
  --fg: #1d2330; --muted: #5b6475; --line: #d9dde5; --bg: #f6f7f9; --card: #fff;
  --accent: #2450b2; --accent-dark: #1a3c87; --danger: #b3261e; --ok: #1e6b34; --focus: #f0a500;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; z-index: 10; }
.skip:focus { left: .5rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.topbar { display: flex; align-items: center; gap: 1rem; padding: .6rem 1.5rem; background: #1d2330; color: #fff; }
.topbar a { color: #fff; text-decoration: none; }
.topbar nav a:hover, .topbar nav a:focus-visible { text-decoration: underline; }
.brand { font-weight: 700; font-size: 1.15rem; letter-spacing: .02em; }
.topbar .muted { color: #c4cad6; }
.spacer { flex: 1; }
main { max-width: 1500px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
main:focus { outline: none; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 0 0 .75rem; }
h3 { font-size: 1rem; margin: .25rem 0 .5rem; }
h4 { font-size: .9rem; margin: .75rem 0 .25rem; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin: 0 0 1rem; }
.signin { max-width: 32rem; margin: 3rem auto; }
.muted { color: var(--muted); }
.small { font-size: .85em; }
.nowrap { white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.field { display: flex; flex-direction: column; gap: .2rem; margin: 0 0 .6rem; }
.field label { font-weight: 600; font-size: .9rem; }
.field.checkbox { flex-direction: row; align-items: center; gap: .4rem; align-self: end; padding-bottom: .4rem; }
.hint { color: var(--muted); font-size: .8rem; }
input, select, textarea { font: inherit; padding: .35rem .5rem; border: 1px solid #9aa3b2; border-radius: 4px; background: #fff; color: var(--fg); }
input[type="checkbox"] { width: 1.1rem; height: 1.1rem; }
textarea { width: 100%; resize: vertical; }
button { font: inherit; padding: .4rem .9rem; border-radius: 4px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button:hover { background: var(--accent-dark); }
button:disabled { opacity: .6; cursor: progress; }
button.secondary { background: #fff; color: var(--accent); }
button.secondary:hover { background: #eef2fb; }
button.danger { background: var(--danger); border-color: var(--danger); }
.small-button { padding: .2rem .6rem; font-size: .85rem; }
.link-button { background: none; border: none; color: var(--accent); padding: 0; text-decoration: underline; font-size: .85rem; }
.link-button:hover { background: none; color: var(--accent-dark); }
.topbar button.secondary { border-color: #fff; background: transparent; color: #fff; }
.actions { display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; margin: .5rem 0; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .75rem; padding: .5rem .9rem; }
fieldset[hidden] { display: none; }
legend { font-weight: 600; padding: 0 .3rem; }
.inline-fields { display: flex; gap: 1rem; flex-wrap: wrap; align-items: flex-start; }
.hints summary { cursor: pointer; font-weight: 600; margin: .25rem 0 .5rem; }
.toolbar { display: flex; gap: .75rem; flex-wrap: wrap; align-items: flex-end; }
.toolbar .field { margin: 0; }
.toolbar-row { display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; align-items: flex-end; margin-top: .9rem; padding-top: .9rem; border-top: 1px solid var(--line); }
.problem { background: #fdecea; border: 1px solid #f1b0ab; color: #6b1510; border-radius: 6px; padding: .5rem .75rem; margin: .5rem 0; }
.problem[hidden], .flash[hidden] { display: none; }
.flash { max-width: 1500px; margin: .75rem auto 0; }
.flash:not([hidden]) { background: #fdecea; border: 1px solid #f1b0ab; color: #6b1510; border-radius: 6px; padding: .5rem .75rem; }
.status:empty { display: none; }
.status { margin: .5rem 0; }
.ok { color: var(--ok); font-weight: 600; }
.spinner { display: inline-block; width: .9em; height: .9em; margin-right: .4em; border: 2px solid var(--line); border-top-color: var(--accent); border-radius: 50%; animation: spin 1s linear infinite; vertical-align: -2px; }
@keyframes spin { to { transform: rotate(360deg); } }
.table-wrap { overflow-x: auto; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
.card .table-wrap { border: none; }
table.data { border-collapse: collapse; width: 100%; }
table.data th, table.data td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid var(--line); }
table.data thead th { position: sticky; top: 0; background: #eef0f4; font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); z-index: 1; }
table.data tbody tr:hover { background: #fafbfd; }
table.answers td.question { min-width: 16rem; max-width: 24rem; }
table.answers td.answer-text { min-width: 20rem; max-width: 30rem; }
table.answers td.citations { min-width: 10rem; max-width: 16rem; font-size: .85rem; }
table.answers td.citations ul { margin: 0; padding-left: 1rem; }
.clamp { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
.clamp.open { display: block; -webkit-line-clamp: unset; }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px; font-size: .8rem; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.badge-drafted { background: #e6eefc; color: #1a3c87; border-color: #b8ccf3; }
.badge-needs_review { background: #fff4d6; color: #7a5200; border-color: #f0d58a; }
.badge-no_match { background: #eceef2; color: #3f4655; border-color: #c9ced8; }
.badge-approved, .badge-exported { background: #e3f4e7; color: #1e6b34; border-color: #a9d9b5; }
.badge-rejected, .badge-failed { background: #fdecea; color: #8c1d16; border-color: #f1b0ab; }
.badge-in_review, .badge-queued, .badge-processing { background: #f1e9fb; color: #55308d; border-color: #d4c1ef; }
.conf-low { color: var(--danger); font-weight: 600; }
.conf-mid { color: #7a5200; }
.conf-high { color: var(--ok); }
.qn-header .meta { margin: .25rem 0; color: var(--muted); }
.qn-header h1 { margin-bottom: .25rem; }
.answer-dialog { width: min(1100px, 94vw); max-height: 90vh; border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.5rem; }
.answer-dialog::backdrop { background: rgba(20, 25, 35, .45); }
.dialog-head { display: flex; gap: 1rem; justify-content: space-between; align-items: flex-start; }
.dialog-head h2 { font-size: 1.1rem; }
.dialog-grid { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 1.5rem; }
@media (max-width: 900px) { .dialog-grid { grid-template-columns: 1fr; } }
.stack > * + * { margin-top: .4rem; }
.inline-form { display: flex; gap: .5rem; align-items: flex-end; flex-wrap: wrap; margin: .5rem 0; }
.inline-form .field { margin: 0; flex: 1; min-width: 12rem; }
.context ul, .context ol { margin: .2rem 0; padding-left: 1.2rem; }
.context li { margin: .15rem 0; }
.history .changes { font-size: .85rem; color: var(--muted); }
.remember { border-top: 1px solid var(--line); padding-top: .5rem; margin-top: .75rem; }
.warnings { color: #7a5200; }
code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: .9em; background: #f0f2f5; padding: 0 .2rem; border-radius: 3px; }
`;
