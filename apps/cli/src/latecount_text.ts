/** The terminal summary of `tally latecount` in a language of the catalogue (numbers formatted for it). */
import { jumpPValue } from '@tally/audit';
import type { LateCountReport, StationTable } from '@tally/core';
import { type Lang, type MessageKey, type MessageParam, translate } from '@tally/report';
import { paint } from './cli_io.ts';

/** The lines of the latecount summary in `lang`, without the trailing newline. */
export function latecountSummary(final: StationTable, r: LateCountReport, lang: Lang): string {
  const t = (key: MessageKey, params?: Record<string, MessageParam>) => translate(lang, key, params);
  const pts = (x: number): MessageParam => ({ kind: 'number', value: x, digits: 2 });
  const signed = (x: number): MessageParam => ({ kind: 'signed', value: x, digits: 2 });
  const int = (x: number): MessageParam => ({ kind: 'count', value: x });
  const pct = (fraction: number): MessageParam => ({ kind: 'percent', value: fraction, digits: 2 });
  const notRun = (what: MessageKey, reason: string) => t('cli.latecount.not_run', { what: t(what), reason });
  const out: string[] = [];
  out.push(paint(t('cli.latecount.title', { election: final.meta.name, cutoff: r.cutoff }), 'bold'));
  out.push(t('cli.latecount.margin', { a: r.candidates.a, b: r.candidates.b }));
  out.push(
    t('cli.latecount.counted', {
      counted: int(r.countedStations),
      stations: int(r.stations),
      countedPct: pct(r.countedStationsPct / 100),
      registeredPct: pct(r.countedRegisteredPct / 100),
    }),
  );
  out.push(
    t('cli.latecount.margins', {
      counted: pts(r.countedMargin),
      final: pts(r.finalMargin),
      shift: signed(r.lateShift),
      late: pts(r.lateMargin),
    }),
  );
  const p = r.projection;
  if ('skipped' in p) out.push(notRun('cli.latecount.what_projection', p.skipped));
  else {
    out.push(
      t('cli.latecount.projection', {
        sims: int(p.sims),
        rule: p.rule,
        scale: p.scale,
        minDonors: int(p.minDonors),
        median: pts(p.median),
        lo: pts(p.lo),
        hi: pts(p.hi),
        threshold: p.threshold,
        share: pct(p.shareAbove),
      }),
    );
    out.push(
      `  ${t('cli.latecount.projection_actual', {
        actual: pts(p.actualFinalMargin),
        gap: signed(p.gap),
        levels: { kind: 'list', items: p.levels.map((l) => `${l.level} ${t('cli.count', { n: int(l.stations) })}`) },
      })}`,
    );
  }
  const d = r.discontinuity;
  if ('skipped' in d) out.push(notRun('cli.latecount.what_discontinuity', d.skipped));
  else {
    const pl = d.placebo;
    // The same p-value as the audit's finding for this jump (@tally/audit's jumpPValue).
    const jump = jumpPValue(d);
    const basis =
      pl && jump.pValueKind === 'monte_carlo'
        ? t('cli.latecount.p_placebo', {
            share: pct(pl.shareAtLeast),
            n: int(pl.estimates.length),
            asymptotic: { kind: 'p', value: d.asymptoticPValue },
          })
        : t('cli.latecount.p_asymptotic');
    out.push(
      t('cli.latecount.discontinuity', {
        cutoff: pts(d.cutoff),
        jump: signed(d.estimate),
        se: pts(d.se),
        bandwidth: pts(d.bandwidth),
        p: { kind: 'p', value: jump.pValue },
        basis,
      }),
    );
    if (d.fixedEffects)
      out.push(
        `  ${t('cli.latecount.fixed_effects', {
          level: d.fixedEffects.level,
          jump: signed(d.fixedEffects.estimate),
          se: pts(d.fixedEffects.se),
        })}`,
      );
  }
  const c = r.composition;
  if ('skipped' in c) out.push(notRun('cli.latecount.what_composition', c.skipped));
  else {
    const narrow = c.regions[c.regions.length - 1];
    if (narrow) out.push(t('cli.latecount.composition', { level: narrow.level, share: pct(narrow.shareExplained) }));
    const o = c.otherElection;
    if (o)
      out.push(
        `  ${t('cli.latecount.other', {
          name: o.name,
          early: int(o.matchedEarly),
          late: int(o.matchedLate),
          share: pct(o.shareExplained),
        })}`,
      );
  }
  const s = r.snapshotDiff;
  if (s !== null) {
    if ('skipped' in s) out.push(notRun('cli.latecount.what_snapshot', s.skipped));
    else {
      const changed = Object.entries(s.totals)
        .filter(([, v]) => v !== 0)
        .map(([k, v]) => `${k} ${translate(lang, 'cli.count', { n: { kind: 'signed', value: v, digits: 0 } })}`);
      out.push(
        t('cli.latecount.snapshot', {
          changed: int(s.changedStations),
          common: int(s.common),
          totals: changed.length > 0 ? changed.join(', ') : t('cli.latecount.none'),
        }),
      );
    }
  }
  for (const w of r.warnings) out.push(paint(t('cli.warning', { text: w }), 'yellow'));
  out.push(paint(t('cli.latecount.footer'), 'dim'));
  return out.join('\n');
}
