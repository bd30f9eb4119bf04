/**
 * Replay of CEPR's projection from the TREP halt (Long, Rosnick, Kharrazian & Cashman, "What Happened in Bolivia's
 * 2019 Vote Count? The Role of the OAS Electoral Observation Mission", CEPR, Nov 2019; Johnston & Rosnick's later
 * analyses): each acta missing from the announcement is filled from the actas of the same recinto that were in it
 * (the widest unit with announced actas when its recinto has none), and 500 simulations draw each missing acta's
 * margin from those announced neighbours. CEPR's text states that a first-round margin (>= 10 points) was "probable";
 * docs/methods/cepr_projection.md says which choices are Tally's.
 */
import { createRng, ok, type Result } from '@tally/core';
import type { ReplayInput } from '@tally/report';
import { leadersAndLate, marginPoints, type ReplayTable, regionFactor, round, sampleQuantile } from './replay_data.ts';

export interface CeprProjectionInput extends ReplayTable {
  readonly leader?: string;
  readonly runnerUp?: string;
  readonly lateLists?: readonly string[];
  /** Region levels to fill from, narrowest first (default recinto_code, municipality, department, country). */
  readonly levels?: readonly string[];
  readonly simulations?: number;
  readonly seed: number;
}

export const PUBLISHED_CEPR = {
  value: null,
  unit: 'points of margin',
  source:
    'Long, Rosnick, Kharrazian & Cashman, "What Happened in Bolivia\'s 2019 Vote Count?", CEPR, Nov 2019 (500 simulations from the first 83.85% of the TREP: a first-round margin was "probable")',
} as const;

/** The first-round threshold: a lead of 10 points (with 40% of valid votes). */
export const FIRST_ROUND_MARGIN = 10;

export function ceprProjection(input: CeprProjectionInput): Result<ReplayInput> {
  const { table } = input;
  const inputs = leadersAndLate(input);
  if (!inputs.ok) return inputs;
  const { leader, runnerUp, late } = inputs.value;
  const levelNames = input.levels ?? ['recinto_code', 'municipality', 'department', 'country'];
  const factors = [];
  for (const name of levelNames) {
    const f = regionFactor(input, name);
    if (!f.ok) return f;
    factors.push(f.value);
  }
  // Announced actas with valid votes, per group of each level: the donors a missing acta is filled from.
  const donors = factors.map((f) => {
    const lists: number[][] = Array.from({ length: f.count }, () => []);
    for (let i = 0; i < table.n; i++) if (late[i] === 0 && table.valid[i] > 0) lists[f.codes[i]].push(i);
    return lists;
  });
  const fillLevel = new Int32Array(table.n).fill(-1);
  const filledFrom: number[][] = new Array(table.n);
  const levelCounts = new Array<number>(factors.length).fill(0);
  let earlyDifference = 0;
  let totalValid = 0;
  let projectedDifference = 0;
  for (let i = 0; i < table.n; i++) {
    totalValid += table.valid[i];
    if (late[i] === 0) {
      earlyDifference += leader[i] - runnerUp[i];
      continue;
    }
    for (let k = 0; k < factors.length; k++) {
      const group = donors[k][factors[k].codes[i]];
      if (group.length === 0) continue;
      fillLevel[i] = k;
      filledFrom[i] = group;
      levelCounts[k]++;
      let difference = 0;
      let valid = 0;
      for (const j of group) {
        difference += leader[j] - runnerUp[j];
        valid += table.valid[j];
      }
      projectedDifference += (table.valid[i] * difference) / valid;
      break;
    }
  }
  const projected = (100 * (earlyDifference + projectedDifference)) / totalValid;
  const rng = createRng(input.seed);
  const simulations = input.simulations ?? 500;
  const draws: number[] = [];
  for (let s = 0; s < simulations; s++) {
    let difference = earlyDifference;
    for (let i = 0; i < table.n; i++) {
      if (late[i] === 0 || fillLevel[i] < 0) continue;
      const group = filledFrom[i];
      const j = group[rng.int(group.length)];
      difference += (table.valid[i] * (leader[j] - runnerUp[j])) / table.valid[j];
    }
    draws.push((100 * difference) / totalValid);
  }
  const low = sampleQuantile(draws, 0.025);
  const high = sampleQuantile(draws, 0.975);
  const firstRound = draws.filter((d) => d >= FIRST_ROUND_MARGIN).length / simulations;
  const official = marginPoints(leader, runnerUp, table.valid);
  return ok({
    id: 'cepr_projection',
    title: { key: 'replay.cepr_projection.title' },
    published: { ...PUBLISHED_CEPR },
    reproduced: {
      value: round(projected),
      interval: [round(low), round(high)],
      intervalKind: `95% interval of ${simulations} simulations, each missing acta's margin drawn from an announced acta of its recinto`,
      unit: 'points of margin',
    },
    note: { key: 'replay.cepr_projection.note' },
    says: {
      key: 'replay.cepr_projection.says',
      params: {
        projected: round(projected, 2),
        share: { kind: 'percent' as const, value: firstRound, digits: 1 },
        simulations,
        official: round(official, 2),
      },
    },
    details: {
      filledAtLevel: Object.fromEntries(levelNames.map((name, k) => [name, levelCounts[k]])),
      notFilled: levelCounts.reduce(
        (s, c) => s - c,
        late.reduce((s, v) => s + v, 0),
      ),
      shareOfSimulationsAtOrAbove10: round(firstRound),
      officialMargin: round(official),
      simulations,
      seed: input.seed,
    },
  });
}
