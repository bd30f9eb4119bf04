/** Builds a Report from method results: multiple-testing correction, verdicts, plain-language text. */
import { err, ok, type Result } from '@tally/core';
import { buildBottomLine, localise, localisePower, localiseReplay } from './bottom_line_text.ts';
import { familyOf } from './families.ts';
import { type Lang, type Message, type MessageParam, renderMessage } from './i18n/index.ts';
import { innocentExplanations } from './innocent.ts';
import type {
  AllegationSummary,
  BottomLineInput,
  Calibration,
  Finding,
  FindingRole,
  InputFile,
  MethodNote,
  ReplayInput,
  Report,
  ResultWithContext,
  RowAccount,
  ValidationIssue,
  VerdictReason,
} from './model.ts';
import { adjustPValues, CORRECTIONS, type Correction } from './multiple_testing.ts';
import { defaultPlot } from './plots/from_result.ts';
import { decideVerdict } from './verdict.ts';

/** Everything buildReport needs. */
export interface ReportInput {
  readonly title: string;
  /** `title` as a catalogue message (renderers prefer it). */
  readonly titleMessage?: Message;
  readonly allegation?: AllegationSummary;
  /** Threshold for the adjusted p-values; default 0.05. */
  readonly alpha?: number;
  /** Multiple-testing correction across all findings; default 'bh'. */
  readonly correction?: Correction;
  /** Language of the text stored in the JSON; renderers can show any language. Default 'en'. */
  readonly lang?: Lang;
  readonly results: readonly ResultWithContext[];
  readonly validationIssues?: readonly ValidationIssue[];
  readonly inputs: readonly InputFile[];
  /** Row accounting of each table read: rows = analysed + excluded. */
  readonly rows?: readonly RowAccount[];
  readonly seed: number;
  readonly version: string;
  /** Measured calibration per method id. */
  readonly calibration?: Readonly<Record<string, Calibration>>;
  readonly methods?: readonly MethodNote[];
  /** Notes shown in their own section: catalogue messages are localised, plain strings are shown as given. */
  readonly notes?: readonly (string | Message)[];
  /** Published analyses of the dispute replayed on the same data, in the order the report shows them. */
  readonly replays?: readonly ReplayInput[];
  /** The questions the allegation implies, answered from the findings (verdicts follow the findings named). */
  readonly bottomLine?: BottomLineInput;
}

/** True for a report with findings and no allegation behind any of them (every finding has role 'explore'). */
export function isExplore(findings: readonly Pick<Finding, 'role'>[]): boolean {
  return findings.length > 0 && findings.every((f) => f.role === 'explore');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The explanation message for a verdict reason, with every parameter its template uses. */
export function explanationMessage(
  reason: VerdictReason,
  f: {
    role?: FindingRole;
    methodTitle: string;
    adjustedPValue: number | null;
    alpha: number;
    effectName: string;
    effect: number;
    statisticName: string;
    statistic: number;
    n: number;
    minStations?: number;
    calibration: Calibration | null;
    powerAtAllegedSize?: number | null;
    notIdentified?: Message;
  },
): Message {
  const method = f.methodTitle;
  const padj: MessageParam = { kind: 'p', value: f.adjustedPValue ?? 1 };
  switch (reason) {
    case 'significant_in_alleged_direction':
      return {
        key:
          f.role === 'explore'
            ? 'reason.explore_significant'
            : f.role === 'screen'
              ? 'reason.screen_significant'
              : `reason.${reason}`,
        params: { method, padj, alpha: f.alpha },
      };
    case 'not_significant':
      return {
        key:
          f.role === 'explore'
            ? 'reason.explore_not_significant'
            : f.role === 'screen'
              ? 'reason.screen_not_significant'
              : `reason.${reason}`,
        params: { method, padj, alpha: f.alpha },
      };
    case 'significant_opposite_direction':
      return { key: `reason.${reason}`, params: { method, padj, effectName: f.effectName, effect: f.effect } };
    case 'no_test':
      return { key: `reason.${reason}`, params: { method, statisticName: f.statisticName, statistic: f.statistic } };
    case 'too_few_stations':
      return {
        key: `reason.${reason}`,
        params: { method, n: { kind: 'count', value: f.n }, min: { kind: 'count', value: f.minStations ?? 0 } },
      };
    case 'low_power':
      if (f.powerAtAllegedSize !== undefined && f.powerAtAllegedSize !== null)
        return {
          key: 'reason.low_power_at_alleged_size',
          params: { method, padj, power: { kind: 'percent', value: f.powerAtAllegedSize, digits: 0 } },
        };
      return {
        key: `reason.${reason}`,
        params: { method, padj, power: { kind: 'percent', value: f.calibration?.power ?? 0, digits: 0 } },
      };
    case 'not_identified':
      return {
        key: 'reason.not_identified',
        params: { method, padj, why: f.notIdentified ? { kind: 'message', message: f.notIdentified } : '' },
      };
    case 'miscalibrated':
      return {
        key: `reason.${reason}`,
        params: {
          method,
          padj,
          fpr: { kind: 'percent', value: f.calibration?.falsePositiveRate ?? 0 },
          alpha: { kind: 'percent', value: f.alpha },
        },
      };
  }
}

function sortIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        cmp(a.issue.file, b.issue.file) ||
        (a.issue.row ?? -1) - (b.issue.row ?? -1) ||
        cmp(a.issue.column ?? '', b.issue.column ?? '') ||
        cmp(a.issue.rule, b.issue.rule) ||
        a.i - b.i,
    )
    .map(({ issue }) => ({
      level: issue.level,
      file: issue.file,
      ...(issue.row === undefined ? {} : { row: issue.row }),
      ...(issue.column === undefined ? {} : { column: issue.column }),
      rule: issue.rule,
      message: issue.message,
    }));
}

/** The general caveats every report carries, in `lang` (the correction's name is a parameter, so it is localised). */
export function caveatMessages(alpha: number, correction: Correction, lang: Lang, explore = false): Message[] {
  return [
    { key: 'caveat.no_proof' },
    { key: explore ? 'caveat.explore_departs_meaning' : 'caveat.consistent_meaning' },
    { key: explore ? 'caveat.explore_no_departure_meaning' : 'caveat.not_supported_meaning' },
    { key: 'caveat.alpha', params: { alpha } },
    {
      key: 'caveat.multiple_testing',
      params: { correction: renderMessage({ key: `correction.${correction}` }, lang) },
    },
    { key: 'caveat.data_quality' },
  ];
}

/** Builds the report; invalid alpha or correction (user options) give an invalid_options error. */
export function buildReport(input: ReportInput): Result<Report> {
  const alpha = input.alpha ?? 0.05;
  const correction = input.correction ?? 'bh';
  const lang = input.lang ?? 'en';
  if (!(Number.isFinite(alpha) && alpha > 0 && alpha < 1))
    return err({ kind: 'invalid_options', option: 'alpha', message: `alpha must be between 0 and 1, got ${alpha}` });
  if (!CORRECTIONS.includes(correction))
    return err({
      kind: 'invalid_options',
      option: 'correction',
      message: `correction must be one of ${CORRECTIONS.join(', ')}, got ${correction}`,
    });
  for (const { result } of input.results) {
    const p = result.pValue;
    if (p !== null && !(Number.isFinite(p) && p >= 0 && p <= 1))
      return err({ kind: 'degenerate_input', message: `method ${result.method} returned p-value ${p}` });
  }

  const ordered = input.results
    .map((r, i) => ({ ...r, i }))
    .sort(
      (a, b) =>
        (a.context?.order ?? 0) - (b.context?.order ?? 0) ||
        cmp(a.result.method, b.result.method) ||
        cmp(a.result.target ?? '', b.result.target ?? '') ||
        cmp(a.result.region ?? '', b.result.region ?? '') ||
        cmp(a.result.statisticName, b.result.statisticName) ||
        a.i - b.i,
    );
  const adjusted = adjustPValues(
    ordered.map((r) => r.result.pValue),
    correction,
  );

  const seen = new Map<string, number>();
  const findings: Finding[] = ordered.map(({ result: r, context: c = {} }, k) => {
    const target = r.target ?? '';
    const region = r.region ?? '';
    let id = `${r.method}${target ? `:${target}` : ''}${region ? `@${region}` : ''}`;
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    if (count > 1) id = `${id}#${count}`;
    const family = c.family ?? familyOf(r.method);
    const calibration = c.calibration ?? input.calibration?.[r.method] ?? null;
    const direction = c.direction ?? 'any';
    const effect = c.effect ?? r.statistic;
    const effectName = c.effectName ?? r.statisticName;
    const methodTitle = c.methodTitle ?? r.method;
    const power = c.powerAtAllegedSize ?? null;
    const { verdict, reason } = decideVerdict({
      adjustedPValue: adjusted[k],
      alpha,
      direction,
      effect,
      n: r.n,
      minStations: c.minStations,
      calibration,
      powerAtAllegedSize: power?.power ?? null,
      identified: c.notIdentified === undefined,
    });
    const role = c.role ?? 'allegation';
    const message = explanationMessage(reason, {
      role,
      methodTitle,
      adjustedPValue: adjusted[k],
      alpha,
      effectName,
      effect,
      statisticName: r.statisticName,
      statistic: r.statistic,
      n: r.n,
      minStations: c.minStations,
      calibration,
      powerAtAllegedSize: power?.power ?? null,
      notIdentified: c.notIdentified,
    });
    return {
      id,
      method: r.method,
      methodTitle,
      family,
      target,
      region,
      statisticName: r.statisticName,
      statistic: r.statistic,
      pValue: r.pValue,
      pValueKind: r.pValueKind,
      adjustedPValue: adjusted[k],
      df: r.df ?? null,
      n: r.n,
      excluded: r.excluded.map((e) => ({ reason: e.reason, count: e.count })),
      replicates: r.replicates ?? null,
      seed: r.seed ?? null,
      role,
      direction,
      effectName,
      effect,
      verdict,
      verdictReason: reason,
      explanation: localise(message, lang),
      innocentExplanations: innocentExplanations({
        method: r.method,
        family,
        target: c.messages?.target
          ? { kind: 'message', message: c.messages.target }
          : target === 'turnout'
            ? { kind: 'message', message: { key: 'target.turnout' } }
            : target,
        role,
        direction,
        effect,
        statistic: r.statistic,
        n: r.n,
        onFlaggedStations: c.messages?.region?.key === 'label.flagged_stations',
        details: r.details,
      }).map((m) => ({ key: m.key, ...(m.params ? { params: m.params } : {}), text: renderMessage(m, lang) })),
      calibration,
      warnings: [...r.warnings],
      details: r.details,
      plot: c.plot ?? defaultPlot(r),
      messages: c.messages ?? {},
      powerAtAllegedSize: power ? localisePower(power, lang) : null,
    };
  });

  const issues = sortIssues(input.validationIssues ?? []);
  const methods = [...(input.methods ?? [])]
    .filter((m) => findings.some((f) => f.method === m.id))
    .sort((a, b) => cmp(a.id, b.id))
    .map((m) => ({ id: m.id, title: m.title, reference: m.reference, summary: m.summary }));

  return ok({
    schema: 'tally.report/1',
    title: input.title,
    titleMessage: input.titleMessage ?? null,
    lang,
    version: input.version,
    seed: input.seed,
    alpha,
    correction,
    allegation: input.allegation
      ? {
          claim: input.allegation.claim,
          ...(input.allegation.claimant === undefined ? {} : { claimant: input.allegation.claimant }),
          ...(input.allegation.date === undefined ? {} : { date: input.allegation.date }),
          ...(input.allegation.scope === undefined ? {} : { scope: input.allegation.scope }),
          ...(input.allegation.scopeMessage === undefined ? {} : { scopeMessage: input.allegation.scopeMessage }),
        }
      : null,
    summary: {
      findings: findings.length,
      tests: findings.filter((f) => f.pValue !== null).length,
      consistent_with_allegation: findings.filter((f) => f.verdict === 'consistent_with_allegation').length,
      not_supported: findings.filter((f) => f.verdict === 'not_supported').length,
      inconclusive: findings.filter((f) => f.verdict === 'inconclusive').length,
      validationErrors: issues.filter((i) => i.level === 'error').length,
      validationWarnings: issues.filter((i) => i.level === 'warning').length,
    },
    findings,
    validationIssues: issues,
    inputs: [...input.inputs].sort((a, b) => cmp(a.path, b.path)).map((f) => ({ path: f.path, sha256: f.sha256 })),
    rows: [...(input.rows ?? [])].sort((a, b) => cmp(a.file, b.file)),
    methods,
    caveats: caveatMessages(alpha, correction, lang, isExplore(findings)).map((m) => localise(m, lang)),
    notes: (input.notes ?? []).map((n) =>
      typeof n === 'string' ? { text: n, message: null } : { text: renderMessage(n, lang), message: n },
    ),
    replays: (input.replays ?? []).map((r) => localiseReplay(r, lang)),
    bottomLine: input.bottomLine ? buildBottomLine(input.bottomLine, findings, lang) : null,
  });
}
