/**
 * HTML for the audit: the report package's plots (Vega-Lite rendered to inline SVG), in one file that
 * loads nothing from the network. Interim page layout until the report package's HTML renderer lands.
 */
import { type Finding, plotSpec, type Report, renderSvg } from '@tally/report';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const VERDICT_TEXT: Record<Finding['verdict'], string> = {
  consistent_with_allegation: 'Consistent with the allegation',
  not_supported: 'Not supported',
  inconclusive: 'Inconclusive',
};

function num(x: number | null, digits = 3): string {
  return x === null || !Number.isFinite(x) ? '–' : x.toFixed(digits);
}

/** Renders the report (and notes about analyses not run) as a self-contained HTML page. */
export async function renderAuditHtml(report: Report, notes: readonly string[]): Promise<string> {
  const parts: string[] = [];
  parts.push('<!doctype html><html lang="en"><head><meta charset="utf-8">');
  parts.push(`<title>${esc(report.title)}</title>`);
  parts.push(
    '<style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222}' +
      '.v{font-weight:600;padding:.1em .5em;border-radius:4px}.consistent_with_allegation{background:#fde0cf}' +
      '.not_supported{background:#d9f0e3}.inconclusive{background:#eee}table{border-collapse:collapse}' +
      'td,th{border-bottom:1px solid #ddd;padding:.2em .6em;text-align:left}svg{max-width:100%;height:auto}</style>',
  );
  parts.push('</head><body>');
  parts.push(`<h1>${esc(report.title)}</h1>`);
  if (report.allegation) {
    const a = report.allegation;
    parts.push(`<h2>The allegation</h2><blockquote>${esc(a.claim)}</blockquote>`);
    parts.push(`<p>${esc([a.claimant, a.date].filter(Boolean).join(', '))}</p>`);
    if (a.scope) parts.push(`<p><b>Flagged:</b> ${esc(a.scope)}</p>`);
  }
  parts.push('<h2>Findings</h2>');
  for (const [k, f] of report.findings.entries()) {
    parts.push(`<section><h3>${esc(f.methodTitle)}${f.target ? ` — ${esc(f.target)}` : ''}</h3>`);
    parts.push(`<p><span class="v ${f.verdict}">${VERDICT_TEXT[f.verdict]}</span></p>`);
    parts.push(`<p>${esc(f.explanation.text)}</p>`);
    parts.push(
      `<table><tr><th>${esc(f.effectName)}</th><td>${num(f.effect)}</td></tr>` +
        `<tr><th>p-value (adjusted, ${esc(report.correction)})</th><td>${num(f.adjustedPValue, 4)}</td></tr>` +
        `<tr><th>p-value (raw, ${esc(f.pValueKind)})</th><td>${num(f.pValue, 4)}</td></tr>` +
        `<tr><th>units analysed</th><td>${f.n}</td></tr></table>`,
    );
    if (f.plot) parts.push(await renderSvg(plotSpec(f.plot, report.lang), report.lang, `f${k}`));
    parts.push('<h4>Innocent explanations that remain</h4><ul>');
    for (const i of f.innocentExplanations) parts.push(`<li>${esc(i.text)}</li>`);
    parts.push('</ul></section>');
  }
  if (notes.length > 0) {
    parts.push('<h2>Analyses not run</h2><ul>');
    for (const n of notes) parts.push(`<li>${esc(n)}</li>`);
    parts.push('</ul>');
  }
  parts.push('<h2>How to read this report</h2><ul>');
  for (const c of report.caveats) parts.push(`<li>${esc(c.text)}</li>`);
  parts.push('</ul><h2>Inputs</h2><table><tr><th>file</th><th>SHA-256</th></tr>');
  for (const i of report.inputs) parts.push(`<tr><td>${esc(i.path)}</td><td><code>${i.sha256}</code></td></tr>`);
  parts.push(`</table><p>Tally ${esc(report.version)}, seed ${report.seed}.</p></body></html>\n`);
  return parts.join('\n');
}
