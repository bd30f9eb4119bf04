/**
 * Hartigan's dip test of unimodality for the distribution of turnout or of a candidate's share.
 *
 * What it detects: a second mode, e.g. a cluster of stations at very high turnout and share next to
 * the honest bulk (the "comet tail" or "second peak" of stuffed stations).
 * Null hypothesis: the distribution is unimodal. The p-value is computed against the uniform, the
 * least favourable unimodal distribution, from a seeded simulation table (scripts/
 * generate_dip_table.ts, 10,000 samples per size), so for peaked unimodal distributions the test is
 * conservative.
 * Assumptions: stations independent; a continuous variable (ties from small stations make the dip
 * slightly larger).
 * Innocent reasons to reject: a country made of two kinds of places (cities and villages,
 * diaspora stations, ethnic regions) with different turnout or support.
 * No bootstrap interval: the nonparametric bootstrap of the dip is inconsistent (resampling creates
 * ties, which inflate the dip), so the cell carries the statistic and its p-value only.
 * Reference: Hartigan, J. A. & Hartigan, P. M. (1985). The Dip Test of Unimodality. Annals of
 * Statistics 13(1):70-84; Hicken & Mebane (2017), EFToolkit "DipT".
 */
import { asForensicMethod } from '../battery/as_forensic_method.ts';
import type { CellMethod } from '../battery/cell.ts';
import { dipOfSorted } from '../battery/dip.ts';
import { dipMinN, dipPValue } from '../battery/dip_pvalue.ts';
import { dipTableReplicates } from '../battery/dip_table.ts';
import { err, ok } from '../result.ts';

/** Dip test of turnout or share, p-value from the simulated uniform-null table. */
export const dipTestCell: CellMethod = {
  id: 'dip_test',
  title: "Hartigan's dip test of unimodality",
  family: 'distribution',
  question: 'Is the distribution of turnout or share across stations unimodal, or does it have several peaks?',
  reference: 'Hartigan, J. A. & Hartigan, P. M. (1985). The Dip Test of Unimodality. Annals of Statistics 13(1):70-84.',
  summary:
    'Tests whether turnout or a share has more than one mode; a second mode fits a cluster of stuffed stations, and also two kinds of places.',
  appliesTo: 'both',
  options: [],
  compute(input) {
    const P = input.target.proportion;
    const values = new Float64Array(input.stations.length);
    let n = 0;
    for (let k = 0; k < input.stations.length; k++) {
      const v = P[input.stations[k]];
      if (!Number.isNaN(v)) values[n++] = v;
    }
    const undef = input.stations.length - n;
    if (n < dipMinN) {
      return err({
        kind: 'insufficient_data',
        message: `the dip test needs at least ${dipMinN} stations; got ${n}`,
        needed: dipMinN,
        got: n,
      });
    }
    const sorted = values.subarray(0, n).sort();
    const dip = dipOfSorted(sorted);
    return ok({
      statistic: dip,
      statisticName: 'dip',
      pValue: dipPValue(dip, n),
      pValueKind: 'monte_carlo',
      n,
      excluded: undef > 0 ? [{ reason: 'no proportion (denominator not positive)', count: undef }] : [],
      details: { nullDistribution: 'uniform (least favourable unimodal)', table: 'dip_table.ts' },
      warnings: [],
      replicates: dipTableReplicates,
    });
  },
};

/** The dip_test method as a registry ForensicMethod (whole table; per region with `by`). */
export const dipTestMethod = asForensicMethod(dipTestCell);
