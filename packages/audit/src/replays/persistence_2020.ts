/**
 * Replay `persistence_2020`: did the recintos counted late in 2019, and those holding the actas the OAS named, vote
 * the same way again in the 2020 re-run (official count per mesa)? The MAS-minus-CC swing from 2019 to 2020 per
 * recinto, regressed on the flag with municipality fixed effects (the difference against other recintos of the same
 * municipality), CR1 standard errors clustered by recinto (docs/methods/persistence_2020.md).
 */
import {
  type CoefficientRow,
  coefficientTable,
  coefficientVariance,
  fitLinearModel,
  shareDenominator,
} from '@tally/core';
import type { ReplayInput } from '@tally/report';
import {
  candidateVotes,
  MissingInput,
  membership,
  type ReplayContext,
  type ReplayElection,
  regionLevel,
} from './context.ts';
import { denseFactor } from './trend_break.ts';

export const OAS_LIST = 'oas_226_multiple_filler';

export const PERSISTENCE_SOURCE =
  'No published number: the OAS Final Report (4 Dec 2019) named the late-counted actas and 226 actas filled in by persons who filled in several; the 2020 re-run (18 Oct 2020) was not compared with them per recinto in the sources we found';

interface RecintoTotals {
  favoured: number;
  rival: number;
  denominator: number;
}

function totalsByRecinto(e: ReplayElection, favouredName: string, rivalName: string): Map<string, RecintoTotals> {
  const level = regionLevel(e, 'recinto_code');
  const a = candidateVotes(e, favouredName);
  const b = candidateVotes(e, rivalName);
  const den = shareDenominator(e.table);
  const out = new Map<string, RecintoTotals>();
  for (let i = 0; i < e.table.n; i++) {
    const code = level.labels[level.codes[i]];
    if (!/^\d+$/.test(code)) continue; // blank where a 2020 mesa has no 2019 recinto
    const t = out.get(code) ?? { favoured: 0, rival: 0, denominator: 0 };
    t.favoured += a[i];
    t.rival += b[i];
    t.denominator += den[i];
    out.set(code, t);
  }
  return out;
}

/** One recinto of the comparison. */
export interface RecintoSwing {
  readonly code: string;
  readonly municipality: string;
  readonly margin2019: number;
  readonly margin2020: number;
  /** Majority of its mesas counted after the alleged cutoff. */
  readonly late: boolean;
  /** At least one of its actas on the OAS list. */
  readonly listed: boolean;
}

export function recintoSwings(ctx: ReplayContext): RecintoSwing[] {
  const e = ctx.timed;
  const other = ctx.against;
  if (!other) {
    throw new MissingInput(
      'persistence_2020 needs the later election: name it in the replays analysis as `against: <election id>`',
    );
  }
  const rival = e.rival!;
  const level = regionLevel(e, 'recinto_code');
  // The full path names a municipality: the same name recurs in different provinces and departments.
  const path = ['country', 'department', 'province', 'municipality'].map((name) => regionLevel(e, name));
  const municipalityOf = (i: number) => path.map((l) => l.labels[l.codes[i]]).join('|');
  const listed = membership(e, OAS_LIST);
  const per = new Map<string, { municipality: string; mesas: number; late: number; listed: boolean }>();
  for (let i = 0; i < e.table.n; i++) {
    const code = level.labels[level.codes[i]];
    const p = per.get(code) ?? {
      municipality: municipalityOf(i),
      mesas: 0,
      late: 0,
      listed: false,
    };
    p.mesas += 1;
    p.late += ctx.flagged[i];
    p.listed ||= listed[i] === 1;
    per.set(code, p);
  }
  const y2019 = totalsByRecinto(e, e.favoured, rival);
  if (other.rival === undefined) {
    throw new MissingInput(`${other.source}: name the rival candidate of election ${other.id}`);
  }
  const y2020 = totalsByRecinto(other, other.favoured, other.rival);
  const out: RecintoSwing[] = [];
  for (const [code, p] of per) {
    const a = y2019.get(code);
    const b = y2020.get(code);
    if (!a || !b || a.denominator <= 0 || b.denominator <= 0) continue;
    out.push({
      code,
      municipality: p.municipality,
      margin2019: (100 * (a.favoured - a.rival)) / a.denominator,
      margin2020: (100 * (b.favoured - b.rival)) / b.denominator,
      late: 2 * p.late > p.mesas,
      listed: p.listed,
    });
  }
  out.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  return out;
}

/** swing ~ flag | municipality FE, CR1 by recinto: the flagged recintos' swing minus their municipality's others. */
export function flagDifference(
  recintos: readonly RecintoSwing[],
  flag: (r: RecintoSwing) => boolean,
): CoefficientRow & { flagged: number; n: number } {
  const swing = recintos.map((r) => r.margin2020 - r.margin2019);
  const fitted = fitLinearModel({
    outcome: { name: 'swing', values: swing },
    regressors: [{ name: 'flagged', values: recintos.map((r) => (flag(r) ? 1 : 0)) }],
    fixedEffects: [
      denseFactor(
        'municipality',
        recintos.map((r) => r.municipality),
      ),
    ],
    intercept: false,
  });
  if (!fitted.ok) throw new Error(`persistence_2020: ${fitted.error.message}`);
  const clusters = denseFactor(
    'recinto',
    recintos.map((r) => r.code),
  );
  const variance = coefficientVariance(fitted.value, { type: 'CR1', clusters: [clusters] });
  if (!variance.ok) throw new Error(`persistence_2020: ${variance.error.message}`);
  const row = coefficientTable(fitted.value, variance.value)[0];
  return { ...row, flagged: recintos.filter(flag).length, n: fitted.value.n };
}

export function persistence2020(ctx: ReplayContext): ReplayInput {
  const recintos = recintoSwings(ctx);
  const late = flagDifference(recintos, (r) => r.late);
  const listed = flagDifference(recintos, (r) => r.listed);
  const signed = (v: number) => ({ kind: 'signed', value: v, digits: 2 }) as const;
  const row = (r: typeof late) => ({
    estimate: r.estimate,
    se: r.se,
    low: r.low,
    high: r.high,
    p: r.pValue,
    flagged: r.flagged,
    n: r.n,
  });
  return {
    id: 'persistence_2020',
    title: { key: 'replay.persistence_2020.title' },
    published: { value: null, unit: 'points of swing 2019 to 2020', source: PERSISTENCE_SOURCE },
    reproduced: {
      value: late.estimate,
      interval: [late.low, late.high],
      intervalKind: `95% CR1 confidence interval, clustered by recinto (${late.n} recintos)`,
      unit: 'points of swing 2019 to 2020',
    },
    note: {
      key: 'replay.persistence_2020.note',
      params: { recintos: { kind: 'count', value: late.n }, against: ctx.against!.id },
    },
    says: {
      key: 'replay.persistence_2020.says',
      params: {
        late: { kind: 'count', value: late.flagged },
        lateDiff: signed(late.estimate),
        lateLow: signed(late.low),
        lateHigh: signed(late.high),
        listed: { kind: 'count', value: listed.flagged },
        listedDiff: signed(listed.estimate),
        listedLow: signed(listed.low),
        listedHigh: signed(listed.high),
      },
    },
    details: { lateCounted: row(late), oasList: { list: OAS_LIST, ...row(listed) } },
    plot: {
      kind: 'persistence_scatter',
      electionA: ctx.timed.id,
      electionB: ctx.against!.id,
      a: recintos.map((r) => Number(r.margin2019.toFixed(2))),
      b: recintos.map((r) => Number(r.margin2020.toFixed(2))),
      flagged: recintos.map((r) => r.late),
    },
  };
}
