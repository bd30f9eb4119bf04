/**
 * One self-contained HTML file: inline CSS, inline SVG plots, a tiny inline script that exports any plot as PNG.
 * Nothing is loaded from the network; a Content-Security-Policy forbids it.
 */
import { exclusionReason } from '../i18n/exclusions.ts';
import { formatNumber, type Lang } from '../i18n/index.ts';
import type { Finding, Report } from '../model.ts';
import { plotSpec } from '../plots/specs.ts';
import { renderSvg } from '../plots/svg.ts';
import {
  caveatTexts,
  findingText,
  findingTitle,
  noteSummary,
  noteTexts,
  noteTitle,
  pLabel,
  regionLabel,
  reportTitle,
  scopeText,
  summaryLines,
  type Translator,
  targetLabel,
  translator,
  verdictLabel,
} from './common.ts';
import { bottomLineHtml, sensitivityHtml } from './html_bottom_line.ts';
import { replaysHtml } from './html_replays.ts';
import { escapeHtml, tableHtml, VERDICT_CLASS } from './html_util.ts';
import { issuesByRule, validationCsv } from './validation_summary.ts';

export { escapeHtml } from './html_util.ts';

const esc = escapeHtml;

const CSS = `
:root{--ink:#1d232a;--muted:#5b6570;--line:#d8dde3;--amber:#b36b00;--amber-bg:#fff4e0;--blue:#1f5f8b;--blue-bg:#e8f1f8;--grey:#666;--grey-bg:#f0f0f0}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:#fafbfc}
main{max-width:1000px;margin:0 auto;padding:16px 20px 60px;background:#fff}
header{margin-bottom:4px}
h1{font-size:1.6rem;margin:.1em 0 .2em;line-height:1.25}
h2{font-size:1.3rem;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:2px solid var(--line)}
#bottom-line h2{margin-top:.6em}
h3{font-size:1.12rem;margin:0 0 .4em}
h4{font-size:1rem;margin:1.2em 0 .3em}
.sub{color:var(--muted);margin:0}
.scope{margin:0;color:var(--muted)}
.badge.v-consistent{background:var(--amber-bg)}
.badge.v-not-supported{background:var(--blue-bg)}
.badge.v-inconclusive{background:var(--grey-bg)}
.badge{display:inline-block;border:1px solid;border-radius:6px;padding:1px 9px;font-weight:600;font-size:.88rem;white-space:nowrap}
.answer{border:1px solid var(--line);border-left-width:6px;border-radius:8px;padding:10px 16px;margin:10px 0}
.badge.v-consistent,.answer.v-consistent,.finding.v-consistent{border-color:var(--amber)}
.badge.v-not-supported,.answer.v-not-supported,.finding.v-not-supported{border-color:var(--blue)}
.badge.v-inconclusive,.answer.v-inconclusive,.finding.v-inconclusive{border-color:#999}
.answer.v-consistent,.answer.v-not-supported,.answer.v-inconclusive,.finding.v-consistent,.finding.v-not-supported,.finding.v-inconclusive{border-top-color:var(--line);border-right-color:var(--line);border-bottom-color:var(--line)}
.answer h3{font-size:1.15rem}
.answer-text{margin:.2em 0 .4em;font-size:1.05rem}
.decisive{margin:.3em 0;font-size:1.05rem}
.decisive .value{font-size:1.45rem;font-variant-numeric:tabular-nums}
.decisive .label{color:var(--muted)}
.low-power{color:#8a3b00}
.answer dl.facts{margin:4px 0 0;grid-template-columns:minmax(8em,15em) 1fr}
ul.spread{margin:.4em 0;padding-left:1.2em;color:var(--muted)}
blockquote{margin:0;padding:10px 16px;border-left:4px solid var(--line);background:#f6f7f9;font-size:1.02rem}
table{border-collapse:collapse;width:100%;font-size:.92rem;margin:8px 0}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f3f5f7}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
code,.hash{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem;word-break:break-all}
.finding{border:1px solid var(--line);border-left-width:6px;border-radius:8px;padding:16px 18px;margin:18px 0}
.explanation{font-size:1.02rem}
figure{margin:12px 0;overflow-x:auto}
figure svg{max-width:100%;height:auto;display:block}
figcaption{margin-top:4px}
button.png{font:inherit;font-size:.85rem;padding:3px 10px;border:1px solid var(--line);border-radius:6px;background:#fff;cursor:pointer}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:10px 0;font-size:.93rem}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0}
.innocent{background:#f8f9fb;border-radius:6px;padding:4px 16px 8px}
.innocent ul{margin:.2em 0;padding-left:1.2em}
.warn{color:#7a4b00}
#appendix{margin-top:2.5em;border-top:4px double var(--line)}
.appendix-title{font-size:1.5rem;font-weight:700;margin:.6em 0 0}
details.screen{border-bottom:1px solid var(--line);padding:4px 0}
details.screen summary{cursor:pointer}
details.screen .finding{margin:8px 0}
@page{size:A4;margin:14mm 12mm}
@media print{
body{background:#fff;font-size:10pt;line-height:1.35}
main{max-width:none;padding:0}
button.png,figcaption,p.download,details.screen,.screens-intro{display:none}
.badge{font-size:8pt;padding:0 5px}
h1{font-size:16pt}h2{font-size:13pt;margin:1em 0 .4em;break-after:avoid}h3{font-size:11pt;break-after:avoid}
.answer,table tr,.innocent,figure{break-inside:avoid}
.finding{padding:8px 12px;margin:10px 0}
figure svg{max-height:80mm;width:auto;max-width:100%}
#appendix{break-before:page;font-size:8.5pt}
#appendix h2{font-size:11pt}
#appendix table{font-size:8pt}
#appendix th,#appendix td{padding:2px 5px}
}
`;

// Opens the folded screen that a link (#finding-N) points into, then shows it.
const OPEN_TARGET = `
function openTarget() {
  var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
  for (var el = target; el; el = el.parentElement) if (el.tagName === 'DETAILS') el.open = true;
  if (target) target.scrollIntoView();
}
window.addEventListener('hashchange', openTarget);
openTarget();
`;

// Exports the SVG inside figure#id as a 2x PNG: SVG -> data URL image -> canvas -> blob -> download.
const SCRIPT = `
document.querySelectorAll('button.png').forEach(function (b) {
  b.addEventListener('click', function () {
    var svg = document.getElementById(b.getAttribute('data-plot')).querySelector('svg');
    var w = svg.width.baseVal.value, h = svg.height.baseVal.value, s = 2;
    var img = new Image();
    img.onload = function () {
      var c = document.createElement('canvas');
      c.width = w * s; c.height = h * s;
      var g = c.getContext('2d');
      g.fillStyle = '#fff'; g.fillRect(0, 0, c.width, c.height);
      g.drawImage(img, 0, 0, c.width, c.height);
      c.toBlob(function (blob) {
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = b.getAttribute('data-name') + '.png';
        document.body.appendChild(a); a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
      }, 'image/png');
    };
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
  });
});
`;

async function findingHtml(f: Finding, index: number, lang: Lang, t: Translator): Promise<string> {
  const ft = findingText(f, lang);
  const id = `finding-${index + 1}`;
  const parts = [
    `<article class="finding ${VERDICT_CLASS[f.verdict]}" id="${id}">`,
    `<h3>${index + 1}. ${esc(ft.title)}</h3>`,
    `<p><span class="badge ${VERDICT_CLASS[f.verdict]}">${esc(ft.verdict)}</span></p>`,
    `<p class="explanation">${esc(ft.explanation)}</p>`,
  ];
  if (f.plot) {
    const svg = await renderSvg(plotSpec(f.plot, lang), lang, `p${index + 1}`);
    parts.push(
      `<figure id="plot-${index + 1}">${svg}<figcaption><button type="button" class="png" data-plot="plot-${index + 1}" data-name="${esc(f.id.replace(/[^A-Za-z0-9_.-]+/g, '_'))}">${esc(t('label.export_png'))}</button></figcaption></figure>`,
    );
  }
  parts.push(`<dl class="facts">${ft.facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`);
  for (const c of ft.calibration) parts.push(`<p>${esc(c)}</p>`);
  if (f.warnings.length > 0)
    parts.push(
      `<h4>${esc(t('heading.warnings'))}</h4><ul class="warn">${f.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`,
    );
  parts.push(
    `<div class="innocent"><h4>${esc(t('heading.innocent'))}</h4><ul>${ft.innocent.map((e) => `<li>${esc(e)}</li>`).join('')}</ul></div>`,
    '</article>',
  );
  return parts.join('\n');
}

/** Most issues written to the validation CSV inside the HTML (report.json keeps them all). */
export const MAX_CSV_ISSUES = 20_000;

function head(report: Report, title: string, lang: Lang): string[] {
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data: blob:">`,
    `<meta name="generator" content="Tally ${esc(report.version)}">`,
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
  ];
}

/** Title, and in one line who alleged what (the full claim follows the bottom line). */
function headerHtml(report: Report, title: string, lang: Lang): string {
  const t = translator(lang);
  const a = report.allegation;
  const scope = a ? scopeText(a, lang) : undefined;
  // The audit's title already names who made the claim and when; say it here only when the title does not.
  const who =
    a && !(a.claimant && title.includes(a.claimant))
      ? [a.claimant, a.date].filter((x) => x !== undefined).join(', ')
      : '';
  const line =
    a && (scope || who)
      ? `<p class="scope">${esc([scope && `${t('label.scope')}: ${scope}`, who && `(${who})`].filter(Boolean).join(' '))}</p>`
      : '';
  return `<header><p class="sub">${esc(t('heading.report'))}</p><h1>${esc(title)}</h1>${line}</header>`;
}

function verdictTable(findings: readonly { f: Finding; i: number }[], lang: Lang, id: string): string {
  const t = translator(lang);
  return `<div id="${id}">${tableHtml(
    [t('label.method'), t('label.target'), t('label.region'), t('label.adjusted_p'), t('label.verdict')],
    findings.map(({ f, i }) => [
      `<a href="#finding-${i + 1}">${esc(findingTitle(f, lang))}</a>`,
      esc(targetLabel(f, lang) || '—'),
      esc(regionLabel(f, lang)),
      esc(pLabel(f.adjustedPValue, lang)),
      `<span class="badge ${VERDICT_CLASS[f.verdict]}">${esc(verdictLabel(f.verdict, lang, f.role))}</span>`,
    ]),
    [3],
  )}</div>`;
}

/** The allegation in full, then the findings that test it (role 'allegation'), each in full. */
async function claimHtml(report: Report, lang: Lang): Promise<string> {
  const t = translator(lang);
  const claim = report.findings.map((f, i) => ({ f, i })).filter(({ f }) => f.role === 'allegation');
  if (report.allegation === null && claim.length === 0) return '';
  const out = [`<section id="claim"><h2>${esc(t('layout.heading.claim'))}</h2>`];
  if (report.allegation) {
    const a = report.allegation;
    const facts: [string, string | undefined][] = [
      [t('label.claimant'), a.claimant],
      [t('label.date'), a.date],
      [t('label.scope'), scopeText(a, lang)],
    ];
    out.push(
      `<div id="allegation"><blockquote>${esc(a.claim)}</blockquote>`,
      `<dl class="facts">${facts
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v ?? '')}</dd>`)
        .join('')}</dl></div>`,
    );
  }
  if (claim.length > 0) {
    out.push(verdictTable(claim, lang, 'verdicts'));
    for (const { f, i } of claim) out.push(await findingHtml(f, i, lang, t));
  }
  out.push('</section>');
  return out.join('\n');
}

/** The general screens: a table, then each screen folded (open it to read it; printed folded). */
async function screensHtml(report: Report, lang: Lang): Promise<string> {
  const t = translator(lang);
  const screens = report.findings.map((f, i) => ({ f, i })).filter(({ f }) => f.role !== 'allegation');
  if (screens.length === 0) return '';
  const explore = screens.every(({ f }) => f.role === 'explore');
  const out = [
    `<section id="screens"><h2>${esc(t(explore ? 'layout.heading.explore' : 'layout.heading.screens'))}</h2>`,
    `<p class="screens-intro">${esc(t(explore ? 'layout.explore_intro' : 'layout.screens_intro'))}</p>`,
    verdictTable(screens, lang, 'screen-verdicts'),
  ];
  for (const { f, i } of screens)
    out.push(
      `<details class="screen"><summary>${i + 1}. ${esc(findingTitle(f, lang))}${targetLabel(f, lang) ? ` — ${esc(targetLabel(f, lang))}` : ''} <span class="badge ${VERDICT_CLASS[f.verdict]}">${esc(verdictLabel(f.verdict, lang, f.role))}</span></summary>`,
      await findingHtml(f, i, lang, t),
      '</details>',
    );
  out.push('</section>');
  return out.join('\n');
}

/** Validation issues as one line per rule with its first example, and every issue in a downloadable CSV. */
function validationHtml(report: Report, lang: Lang): string {
  const t = translator(lang);
  const issues = report.validationIssues;
  const out = [`<section id="validation"><h2>${esc(t('heading.validation'))}</h2>`];
  if (issues.length === 0) out.push(`<p>${esc(t('validation.none'))}</p>`);
  else {
    const s = report.summary;
    out.push(
      `<p>${esc(t('layout.validation_summary', { total: { kind: 'count', value: issues.length }, errors: { kind: 'count', value: s.validationErrors }, warnings: { kind: 'count', value: s.validationWarnings } }))}</p>`,
      tableHtml(
        [t('label.rule'), t('label.level'), t('label.count'), t('layout.label.first_example'), t('label.message')],
        issuesByRule(issues).map((r) => {
          const where = [
            esc(r.first.file),
            r.first.row === undefined ? '' : esc(t('layout.where_row', { row: { kind: 'count', value: r.first.row } })),
            r.first.column === undefined ? '' : esc(t('layout.where_column', { column: r.first.column })),
          ].filter(Boolean);
          return [
            `<code>${esc(r.rule)}</code>`,
            esc(t(r.level === 'error' ? 'label.level_error' : 'label.level_warning')),
            esc(formatNumber(r.count, lang)),
            where.join(', '),
            esc(r.first.message),
          ];
        }),
        [2],
      ),
    );
    const csv = validationCsv(issues.slice(0, MAX_CSV_ISSUES));
    out.push(
      `<p class="download"><a download="validation_issues.csv" href="data:text/csv;charset=utf-8,${encodeURIComponent(csv)}">${esc(t('layout.download_csv'))}</a></p>`,
    );
    if (issues.length > MAX_CSV_ISSUES)
      out.push(
        `<p>${esc(t('layout.csv_capped', { shown: { kind: 'count', value: MAX_CSV_ISSUES }, total: { kind: 'count', value: issues.length } }))}</p>`,
      );
  }
  out.push('</section>');
  return out.join('\n');
}

function rowsHtml(report: Report, lang: Lang): string {
  if (report.rows.length === 0) return '';
  const t = translator(lang);
  const n = (x: number) => esc(formatNumber(x, lang, { maximumFractionDigits: 0 }));
  return [
    `<section id="rows"><h2>${esc(t('layout.heading.rows'))}</h2>`,
    tableHtml(
      [t('label.file'), t('layout.label.rows_read'), t('layout.label.analysed'), t('layout.label.excluded_rows')],
      report.rows.map((r) => [
        esc(r.file),
        n(r.rows),
        n(r.analysed),
        r.excluded.length === 0
          ? '0'
          : r.excluded.map((e) => `${esc(exclusionReason(e.reason, lang))}: ${n(e.count)}`).join('<br>'),
      ]),
      [1, 2],
    ),
    '</section>',
  ].join('\n');
}

/** The report as one self-contained HTML page in `lang` (plots rendered to inline SVG, hence async). */
export async function renderHtml(report: Report, lang: Lang = report.lang): Promise<string> {
  const t = translator(lang);
  const title = reportTitle(report, lang);
  const out: string[] = [...head(report, title, lang), '<body>', '<main>', headerHtml(report, title, lang)];
  out.push(bottomLineHtml(report, lang), sensitivityHtml(report, lang), await claimHtml(report, lang));
  out.push(await replaysHtml(report, lang));

  const notes = noteTexts(report, lang);
  if (notes.length > 0)
    out.push(
      `<section id="notes"><h2>${esc(t('heading.notes'))}</h2><ul>${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></section>`,
    );

  out.push(`<div id="appendix"><p class="appendix-title">${esc(t('layout.heading.appendix'))}</p>`);
  out.push(await screensHtml(report, lang));
  out.push(
    `<section id="caveats"><h2>${esc(t('heading.caveats'))}</h2><ul>${[
      ...summaryLines(report, lang),
      ...caveatTexts(report, lang),
    ]
      .map((c) => `<li>${esc(c)}</li>`)
      .join('')}</ul></section>`,
  );
  out.push(validationHtml(report, lang));
  if (report.methods.length > 0) {
    out.push(
      `<section id="methods"><h2>${esc(t('heading.methods'))}</h2>`,
      ...report.methods.map(
        (m) =>
          `<p><b>${esc(noteTitle(m, lang))}</b> (<code>${esc(m.id)}</code>). ${esc(noteSummary(m, lang))}<br><span class="sub">${esc(t('label.reference'))}: ${esc(m.reference)}</span></p>`,
      ),
      '</section>',
    );
  }
  out.push(
    `<section id="inputs"><h2>${esc(t('heading.inputs'))}</h2>`,
    tableHtml(
      [t('label.file'), t('label.sha256')],
      report.inputs.map((f) => [esc(f.path), `<span class="hash">${esc(f.sha256)}</span>`]),
    ),
    `<dl class="facts"><dt>${esc(t('label.seed'))}</dt><dd>${report.seed}</dd><dt>${esc(t('label.version'))}</dt><dd>${esc(report.version)}</dd><dt>${esc(t('label.alpha'))}</dt><dd>${esc(formatNumber(report.alpha, lang))}</dd><dt>${esc(t('label.correction'))}</dt><dd>${esc(t(`correction.${report.correction}`))}</dd></dl>`,
    '</section>',
    rowsHtml(report, lang),
    '</div>',
    '</main>',
    `<script>${SCRIPT}${OPEN_TARGET}</script>`,
    '</body>',
    '</html>',
    '',
  );
  return out.filter((part) => part !== '').join('\n');
}
