/** Text shared by the renderers, always re-localised from message keys so any report renders in any language. */
import { caveatMessages, isExplore } from '../build_report.ts';
import { exclusionReason } from '../i18n/exclusions.ts';
import {
  formatNumber,
  formatPercent,
  formatPValue,
  hasMessage,
  type Lang,
  type MessageKey,
  type MessageParam,
  methodTitle,
  renderMessage,
  translate,
} from '../i18n/index.ts';
import type { AllegationSummary, Finding, FindingRole, MethodNote, Report, Verdict } from '../model.ts';

/** Most validation issues listed in the HTML and Markdown reports (report.json keeps them all). */
export const MAX_ISSUES_SHOWN = 500;

/** A translator bound to one language. */
export type Translator = (key: MessageKey, params?: Record<string, MessageParam>) => string;

/** Binds translate to `lang`. */
export function translator(lang: Lang): Translator {
  return (key, params) => translate(lang, key, params);
}

/** The verdict's display name; a finding with no allegation behind it (role 'explore') gets the neutral wording. */
export function verdictLabel(verdict: Verdict, lang: Lang, role?: FindingRole): string {
  return translate(lang, role === 'explore' ? `verdict.explore.${verdict}` : `verdict.${verdict}`);
}

/** The region's display name ("all stations" for the whole table; the caller's message when it gave one). */
export function regionLabel(f: Finding, lang: Lang): string {
  if (f.messages?.region) return renderMessage(f.messages.region, lang);
  return f.region === '' ? translate(lang, 'label.whole_data') : f.region;
}

/** The finding's method title in `lang`: the caller's message, else the catalogue title of the method id. */
export function findingTitle(f: Finding, lang: Lang): string {
  if (f.messages?.methodTitle) return renderMessage(f.messages.methodTitle, lang);
  return methodTitle(f.method, lang, f.methodTitle);
}

/** The finding's target in `lang` (core's fixed target "turnout" is translated; names in the data are not). */
export function targetLabel(f: Finding, lang: Lang): string {
  if (f.messages?.target) return renderMessage(f.messages.target, lang);
  return f.target === 'turnout' ? translate(lang, 'target.turnout') : f.target;
}

/** The name of the finding's effect in `lang`. */
export function effectLabel(f: Finding, lang: Lang): string {
  return f.messages?.effectName ? renderMessage(f.messages.effectName, lang) : f.effectName;
}

/** The finding's explanation in `lang`, with the method title and effect name it quotes localised too. */
export function explanationText(f: Finding, lang: Lang): string {
  const m = f.explanation.message;
  const params: Record<string, MessageParam> = { ...m.params };
  if ('method' in params) params.method = findingTitle(f, lang);
  if ('effectName' in params) params.effectName = effectLabel(f, lang);
  return renderMessage({ key: m.key, params }, lang);
}

/** The report title in `lang`. */
export function reportTitle(report: Report, lang: Lang): string {
  return report.titleMessage ? renderMessage(report.titleMessage, lang) : report.title;
}

/** What is alleged, in `lang`. */
export function scopeText(a: AllegationSummary, lang: Lang): string | undefined {
  return a.scopeMessage ? renderMessage(a.scopeMessage, lang) : a.scope;
}

/**
 * A method note's summary in `lang`: core's own summary in English (the authority), the catalogue's translation
 * (`method_summary.<id>`) in other languages when it has one.
 */
export function noteSummary(m: MethodNote, lang: Lang): string {
  const key = `method_summary.${m.id}`;
  return lang !== 'en' && hasMessage(key) ? translate(lang, key) : m.summary;
}

/** A method note's title in `lang`. */
export function noteTitle(m: MethodNote, lang: Lang): string {
  return methodTitle(m.id, lang, m.title);
}

/** p-value for display, or an em dash when the method has no test. */
export function pLabel(p: number | null, lang: Lang): string {
  return p === null ? '—' : formatPValue(p, lang);
}

/** "name = value" for the finding's statistic. */
export function statisticLabel(f: Finding, lang: Lang): string {
  return `${f.statisticName} = ${formatNumber(f.statistic, lang, { maximumFractionDigits: Math.abs(f.statistic) < 1 ? 4 : 3 })}`;
}

/** Everything a renderer says about one finding, in `lang`. */
export interface FindingText {
  readonly title: string;
  readonly verdict: string;
  readonly explanation: string;
  readonly innocent: readonly string[];
  readonly calibration: readonly string[];
  readonly facts: readonly [string, string][];
}

/** The localised texts of a finding. */
export function findingText(f: Finding, lang: Lang): FindingText {
  const t = translator(lang);
  const target = f.target ? ` — ${targetLabel(f, lang)}` : '';
  const title = findingTitle(f, lang);
  const calibration: string[] = [];
  if (f.calibration) {
    calibration.push(
      t('calibration.text', {
        fpr: { kind: 'percent', value: f.calibration.falsePositiveRate },
        alpha: f.calibration.alpha,
        runs: { kind: 'count', value: f.calibration.runs },
      }),
    );
    if (f.calibration.power !== undefined)
      calibration.push(
        t('calibration.power', {
          scenario: f.calibration.powerScenarioMessage
            ? renderMessage(f.calibration.powerScenarioMessage, lang)
            : (f.calibration.powerScenario ?? '—'),
          power: { kind: 'percent', value: f.calibration.power, digits: 0 },
        }),
      );
  }
  const facts: [string, string][] = [
    [t('label.method'), title === f.method ? f.method : `${title} · ${f.method}`],
    [t('label.region'), regionLabel(f, lang)],
    [t('label.statistic'), statisticLabel(f, lang)],
    [t('label.p_value'), `${pLabel(f.pValue, lang)} (${t(`p.kind.${f.pValueKind}`)})`],
    [t('label.adjusted_p'), pLabel(f.adjustedPValue, lang)],
    [t('label.stations'), formatNumber(f.n, lang, { maximumFractionDigits: 0 })],
  ];
  if (f.direction !== 'any')
    facts.push([t('label.effect'), `${effectLabel(f, lang)} = ${formatNumber(f.effect, lang)}`]);
  const excluded = f.excluded.reduce((a, e) => a + e.count, 0);
  if (excluded > 0)
    facts.push([
      t('label.excluded'),
      `${formatNumber(excluded, lang)} (${f.excluded.map((e) => `${exclusionReason(e.reason, lang)}: ${formatNumber(e.count, lang)}`).join('; ')})`,
    ]);
  if (f.replicates !== null) facts.push([t('label.replicates'), formatNumber(f.replicates, lang)]);
  if (f.calibration) facts.push([t('label.calibration'), formatPercent(f.calibration.falsePositiveRate, lang)]);
  return {
    title: `${title}${target}`,
    verdict: verdictLabel(f.verdict, lang, f.role),
    explanation: explanationText(f, lang),
    innocent: f.innocentExplanations.map((e) => translate(lang, e.key, e.params)),
    calibration,
    facts,
  };
}

/** The summary sentences: counts, the decision rule, validation counts. */
export function summaryLines(report: Report, lang: Lang): string[] {
  const t = translator(lang);
  const s = report.summary;
  const lines = [
    s.findings === 0
      ? t('summary.no_findings')
      : t(isExplore(report.findings) ? 'summary.counts_explore' : 'summary.counts', {
          total: s.findings,
          consistent: s.consistent_with_allegation,
          notSupported: s.not_supported,
          inconclusive: s.inconclusive,
        }),
    t('summary.rule', {
      alpha: report.alpha,
      tests: { kind: 'count', value: s.tests },
      correction: t(`correction.${report.correction}`),
    }),
    t('summary.validation_counts', { errors: s.validationErrors, warnings: s.validationWarnings }),
  ];
  if (report.allegation === null) lines.push(t('summary.no_allegation'));
  return lines;
}

/** The report's notes in `lang` (plain-text notes are shown as given). */
export function noteTexts(report: Report, lang: Lang): string[] {
  return (report.notes ?? []).map((n) => (n.message ? renderMessage(n.message, lang) : n.text));
}

/** The report's caveats in `lang`. */
export function caveatTexts(report: Report, lang: Lang): string[] {
  return caveatMessages(report.alpha, report.correction, lang, isExplore(report.findings)).map((m) =>
    renderMessage(m, lang),
  );
}

/** The replay table's cells, formatted for `lang`: title, published, reproduced [interval], difference. */
export function replayRows(report: Report, lang: Lang): { id: string; cells: [string, string, string, string] }[] {
  const t = translator(lang);
  const num = (v: number) => formatNumber(v, lang, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  return report.replays.map((r) => {
    const published = r.published.value === null ? t('replays.no_number') : num(r.published.value);
    const interval = r.reproduced.interval
      ? ` [${num(r.reproduced.interval[0])}, ${num(r.reproduced.interval[1])}]`
      : '';
    const reproduced = r.reproduced.value === null ? '—' : `${num(r.reproduced.value)}${interval}`;
    const difference = r.difference === null ? '—' : num(r.difference);
    return { id: r.id, cells: [renderMessage(r.title.message, lang), published, reproduced, difference] };
  });
}
