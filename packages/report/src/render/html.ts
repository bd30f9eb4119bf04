/**
 * One self-contained HTML file: inline CSS, inline SVG plots, a tiny inline script that exports any plot as PNG.
 * Nothing is loaded from the network; a Content-Security-Policy forbids it.
 */
import { formatNumber, type Lang, renderMessage } from '../i18n/index.ts';
import type { Finding, Report, Verdict } from '../model.ts';
import { plotSpec } from '../plots/specs.ts';
import { renderSvg } from '../plots/svg.ts';
import {
  caveatTexts,
  findingText,
  findingTitle,
  MAX_ISSUES_SHOWN,
  noteSummary,
  noteTexts,
  noteTitle,
  pLabel,
  regionLabel,
  replayRows,
  reportTitle,
  scopeText,
  summaryLines,
  type Translator,
  targetLabel,
  translator,
  verdictLabel,
} from './common.ts';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const esc = escapeHtml;

const VERDICT_CLASS: Record<Verdict, string> = {
  consistent_with_allegation: 'v-consistent',
  not_supported: 'v-not-supported',
  inconclusive: 'v-inconclusive',
};

const CSS = `
:root{--ink:#1d232a;--muted:#5b6570;--line:#d8dde3;--amber:#b36b00;--amber-bg:#fff4e0;--blue:#1f5f8b;--blue-bg:#e8f1f8;--grey:#666;--grey-bg:#f0f0f0}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:#fafbfc}
main{max-width:1000px;margin:0 auto;padding:24px 20px 60px;background:#fff}
h1{font-size:1.8rem;margin:.2em 0}
h2{font-size:1.35rem;margin:2em 0 .6em;padding-bottom:.2em;border-bottom:2px solid var(--line)}
h3{font-size:1.15rem;margin:0 0 .4em}
h4{font-size:1rem;margin:1.2em 0 .3em}
.sub{color:var(--muted);margin:0}
.counts{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
.count{border-radius:8px;padding:10px 14px;min-width:180px;border:1px solid}
.count b{display:block;font-size:1.6rem}
.v-consistent{border-color:var(--amber)}
.v-not-supported{border-color:var(--blue)}
.v-inconclusive{border-color:#999}
.count.v-consistent,.badge.v-consistent{background:var(--amber-bg)}
.count.v-not-supported,.badge.v-not-supported{background:var(--blue-bg)}
.count.v-inconclusive,.badge.v-inconclusive{background:var(--grey-bg)}
.badge{display:inline-block;border:1px solid;border-radius:6px;padding:2px 10px;font-weight:600;font-size:.92rem;white-space:nowrap}
blockquote{margin:0;padding:10px 16px;border-left:4px solid var(--line);background:#f6f7f9;font-size:1.05rem}
table{border-collapse:collapse;width:100%;font-size:.92rem;margin:8px 0}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
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
@media print{button.png{display:none}.finding{break-inside:avoid}body{background:#fff}}
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

function tableHtml(header: string[], rows: string[][], numeric: number[] = []): string {
  const th = header.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

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

/** The report as one self-contained HTML page in `lang` (plots rendered to inline SVG, hence async). */
export async function renderHtml(report: Report, lang: Lang = report.lang): Promise<string> {
  const t = translator(lang);
  const s = report.summary;
  const title = reportTitle(report, lang);
  const out: string[] = [
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
    '<body>',
    '<main>',
    `<header><h1>${esc(title)}</h1><p class="sub">${esc(t('heading.report'))}</p></header>`,
    `<section id="summary"><h2>${esc(t('heading.summary'))}</h2>`,
    '<div class="counts">',
    `<div class="count v-consistent"><b>${s.consistent_with_allegation}</b>${esc(verdictLabel('consistent_with_allegation', lang))}</div>`,
    `<div class="count v-not-supported"><b>${s.not_supported}</b>${esc(verdictLabel('not_supported', lang))}</div>`,
    `<div class="count v-inconclusive"><b>${s.inconclusive}</b>${esc(verdictLabel('inconclusive', lang))}</div>`,
    '</div>',
    `<ul>${summaryLines(report, lang)
      .map((l) => `<li>${esc(l)}</li>`)
      .join('')}</ul></section>`,
  ];

  if (report.allegation) {
    const a = report.allegation;
    const facts: [string, string | undefined][] = [
      [t('label.claimant'), a.claimant],
      [t('label.date'), a.date],
      [t('label.scope'), scopeText(a, lang)],
    ];
    out.push(
      `<section id="allegation"><h2>${esc(t('heading.allegation'))}</h2><blockquote>${esc(a.claim)}</blockquote>`,
      `<dl class="facts">${facts
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v ?? '')}</dd>`)
        .join('')}</dl></section>`,
    );
  }

  if (report.findings.length > 0) {
    out.push(
      `<section id="verdicts"><h2>${esc(t('heading.verdicts'))}</h2>`,
      tableHtml(
        [t('label.method'), t('label.target'), t('label.region'), t('label.adjusted_p'), t('label.verdict')],
        report.findings.map((f, i) => [
          `<a href="#finding-${i + 1}">${esc(findingTitle(f, lang))}</a>`,
          esc(targetLabel(f, lang) || '—'),
          esc(regionLabel(f, lang)),
          esc(pLabel(f.adjustedPValue, lang)),
          `<span class="badge ${VERDICT_CLASS[f.verdict]}">${esc(verdictLabel(f.verdict, lang))}</span>`,
        ]),
        [3],
      ),
      '</section>',
    );
  }

  out.push(
    `<section id="caveats"><h2>${esc(t('heading.caveats'))}</h2><ul>${caveatTexts(report, lang)
      .map((c) => `<li>${esc(c)}</li>`)
      .join('')}</ul></section>`,
  );

  if (report.replays.length > 0) {
    const rows = replayRows(report, lang);
    const head = [
      'replays.col.replay',
      'replays.col.published',
      'replays.col.reproduced',
      'replays.col.difference',
    ] as const;
    out.push(
      `<section id="replays"><h2>${esc(t('replays.heading'))}</h2><p>${esc(t('replays.intro'))}</p>`,
      `<table><thead><tr>${head.map((k) => `<th>${esc(t(k))}</th>`).join('')}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`,
    );
    for (const [i, r] of report.replays.entries()) {
      out.push(
        `<article class="replay" id="replay-${esc(r.id)}"><h3>${esc(renderMessage(r.title.message, lang))}</h3>`,
      );
      if (r.plot) out.push(`<figure>${await renderSvg(plotSpec(r.plot, lang), lang, `r${i + 1}`)}</figure>`);
      out.push(
        `<dl class="facts"><dt>${esc(t('replays.says'))}</dt><dd>${esc(renderMessage(r.says.message, lang))}</dd><dt>${esc(t('replays.note'))}</dt><dd>${esc(renderMessage(r.note.message, lang))}</dd><dt>${esc(t('replays.source'))}</dt><dd>${esc(r.published.source)}</dd></dl></article>`,
      );
    }
    out.push('</section>');
  }

  if (report.findings.length > 0) {
    out.push(`<section id="findings"><h2>${esc(t('heading.findings'))}</h2>`);
    for (let i = 0; i < report.findings.length; i++) out.push(await findingHtml(report.findings[i], i, lang, t));
    out.push('</section>');
  }

  const notes = noteTexts(report, lang);
  if (notes.length > 0)
    out.push(
      `<section id="notes"><h2>${esc(t('heading.notes'))}</h2><ul>${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></section>`,
    );

  out.push(`<section id="validation"><h2>${esc(t('heading.validation'))}</h2>`);
  const issues = report.validationIssues;
  if (issues.length === 0) out.push(`<p>${esc(t('validation.none'))}</p>`);
  else {
    if (issues.length > MAX_ISSUES_SHOWN)
      out.push(`<p>${esc(t('summary.more_issues', { shown: MAX_ISSUES_SHOWN, total: issues.length }))}</p>`);
    out.push(
      tableHtml(
        [t('label.level'), t('label.file'), t('label.row'), t('label.column'), t('label.rule'), t('label.message')],
        issues
          .slice(0, MAX_ISSUES_SHOWN)
          .map((v) => [
            esc(t(v.level === 'error' ? 'label.level_error' : 'label.level_warning')),
            esc(v.file),
            v.row === undefined ? '' : String(v.row),
            esc(v.column ?? ''),
            `<code>${esc(v.rule)}</code>`,
            esc(v.message),
          ]),
        [2],
      ),
    );
  }
  out.push('</section>');

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
    '</main>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  );
  return out.join('\n');
}
