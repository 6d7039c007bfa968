/**
 * The studio page's own styles, on top of the report's (src/report/html-report.ts): a
 * settings panel beside the results from 1,000 px wide (a laptop, 1280 px), one column
 * below; visible focus; and for print, the results alone with the settings listed.
 */
export const STUDIO_STYLES = `
.skip-link { position: absolute; left: -9999px; top: 8px; background: #fff; padding: 6px 10px; border: 2px solid var(--accent); border-radius: 6px; z-index: 10; }
.skip-link:focus { left: 8px; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header.studio-header { max-width: 1440px; padding-top: 18px; }
header.studio-header h1 { font-size: 26px; }
.studio { max-width: 1440px; margin: 0 auto; padding: 0 24px 32px; display: grid; grid-template-columns: 340px minmax(0, 1fr); gap: 28px; align-items: start; }
.studio > main { max-width: none; margin: 0; padding: 0; }
aside.panel { position: sticky; top: 12px; max-height: calc(100vh - 24px); overflow-y: auto; padding: 4px 14px 14px 2px; }
aside.panel h2 { font-size: 18px; margin-top: 12px; }
@media (max-width: 999px) {
  .studio { grid-template-columns: 1fr; }
  aside.panel { position: static; max-height: none; overflow: visible; }
}
fieldset.group { border: 1px solid var(--line); border-radius: 10px; margin: 0 0 12px; padding: 6px 12px 8px; }
fieldset.group legend { font-weight: 650; font-size: 14px; padding: 0 4px; }
.control { padding: 6px 0 8px; border-bottom: 1px dashed var(--line); }
.control:last-child { border-bottom: 0; }
.control.changed { background: linear-gradient(90deg, var(--info-bg), transparent 60%); margin: 0 -8px; padding-left: 8px; padding-right: 8px; border-radius: 6px; }
.control-head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
.control label { font-weight: 600; font-size: 14px; }
.control .unit-label { font-weight: 400; color: var(--muted); }
.control .inputs { display: flex; align-items: center; gap: 8px; margin-top: 4px; }
.control .slider { flex: 1 1 auto; min-width: 0; accent-color: var(--accent); }
.control input.number { width: 108px; }
.control .unit { color: var(--muted); font-size: 13px; min-width: 1.5em; }
.control select, .control input.number, .control.pair input, .sweep-form select, .sweep-form input, .sweep-actions input {
  font: inherit; font-size: 14px; padding: 4px 6px; border: 1px solid #9aa5b1; border-radius: 6px; background: #fff; color: var(--fg);
}
.control select { width: 100%; margin-top: 4px; }
.control.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.control.pair input { width: 100%; margin-top: 4px; }
.control output.scaled { display: block; font-size: 12.5px; color: #333a42; margin-top: 2px; }
.control .help, .sweep-form .help { margin: 3px 0 0; color: var(--muted); font-size: 12.5px; line-height: 1.4; }
.control .help .problem, [aria-invalid="true"] + .problem { color: var(--bad-fg); }
input[aria-invalid="true"], select[aria-invalid="true"] { border-color: var(--bad-line) !important; outline: 2px solid var(--bad-line); }
.control .reset { visibility: hidden; border: 1px solid var(--line); background: #fff; border-radius: 6px; cursor: pointer; font-size: 13px; padding: 0 6px; }
.control.changed .reset { visibility: visible; }
.button { font: inherit; font-size: 14px; padding: 6px 12px; border: 1px solid #9aa5b1; border-radius: 8px; background: #f6f8fa; color: var(--fg); cursor: pointer; }
.button:hover { background: #eef1f4; }
.button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
.button.primary:hover { background: #094c8f; }
.button[disabled] { opacity: .5; cursor: default; }
.button.small { font-size: 12.5px; padding: 2px 8px; }
.panel-actions { margin-top: 8px; }
:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.status-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 14px; margin: 8px 0 0; min-height: 28px; }
#status { margin: 0; color: var(--muted); font-size: 13.5px; font-variant-numeric: tabular-nums; }
/* No animation while simulating: repainting would take CPU from the workers. */
body[data-studio="running"] #status::before { content: "⏳ "; }
body[data-studio="running"] #cards { opacity: .6; }
#run-status { margin: 0; }
#run-status .meta { margin: 0 0 0 6px; }
.card-delta { margin-top: 4px; font-size: 12.5px; font-weight: 600; font-variant-numeric: tabular-nums; }
.delta-better { color: var(--ok-fg); }
.delta-worse { color: var(--bad-fg); }
.delta-same { color: var(--muted); font-weight: 400; }
#bottleneck { margin: 12px 0 0; }
.callout-bad { background: var(--bad-bg); border-color: var(--bad-line); color: var(--bad-fg); }
#problems ul { margin: 6px 0 0; padding-left: 20px; }
p.verdict { margin: 0 0 10px; font-weight: 600; }
table.compare tr.up td:last-child, table.compare tr.down td:last-child { font-weight: 600; }
.chart-box { height: 320px; }
.chart-box.small { height: 300px; max-width: 760px; }
#charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 8px 24px; }
#charts figure.chart { margin-bottom: 16px; }
.sweep-form { display: grid; gap: 10px; margin-bottom: 10px; }
.sweep-axis { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 10px; }
.sweep-axis label, .sweep-actions label { display: block; font-weight: 600; font-size: 14px; margin-bottom: 3px; }
.sweep-axis select, .sweep-axis input { width: 100%; }
.sweep-actions { display: flex; align-items: end; gap: 10px; flex-wrap: wrap; }
.sweep-actions input { width: 110px; }
table.sweep tr.on-frontier td { background: var(--info-bg); }
table.sweep tr.recommended td { background: var(--ok-bg); font-weight: 600; }
table.sweep td.mark { white-space: nowrap; font-size: 16px; width: 3em; }
table.sweep th, table.sweep td { padding: 5px 8px; }
table.sweep td:last-child { width: 1%; }
.reproduce-actions { display: flex; gap: 10px; flex-wrap: wrap; margin: 8px 0; }
#copy-status { min-height: 1.4em; }
#changes { margin: 6px 0 0; padding-left: 20px; }
.print-only { display: none; }
@media print {
  .skip-link, aside.panel, .reproduce-actions, .sweep-form, #sweep-status, .no-print, button { display: none !important; }
  .print-only { display: block; }
  .studio { display: block; max-width: none; padding: 0; }
  #charts { display: block; }
  .chart-box, .chart-box.small { height: 260px; }
  body[data-studio="running"] #cards { opacity: 1; }
}
`;
