/** Wraps a battery CellMethod as a registry ForensicMethod that runs on the whole table. */
import type { BaseMethodOptions, ForensicMethod, MethodResult } from '../method.ts';
import { err, ok } from '../result.ts';
import type { CellMethod } from './cell.ts';
import { runByRegion } from './run_battery.ts';

/** Options every battery method accepts when run alone. */
export interface BatteryMethodOptions extends BaseMethodOptions {
  /** Candidates by source name (default: national share >= 5%). */
  candidates?: string[];
  /** Region level to run per region as well as overall. */
  by?: string;
}

/** The ForensicMethod face of a battery method: overall (and per region with `by`), bootstrap with `replicates`. */
export function asForensicMethod(cell: CellMethod): ForensicMethod<BatteryMethodOptions> {
  return {
    id: cell.id,
    title: cell.title,
    reference: cell.reference,
    summary: cell.summary,
    family: cell.family,
    question: cell.question,
    requires:
      cell.appliesTo === 'turnout' ? ['registered', 'ballotsCast'] : ['registered', 'ballotsCast', 'candidates'],
    options: [
      ...cell.options,
      { name: 'replicates', description: 'bootstrap replicates (0 = none)', type: 'number', default: 0 },
    ],
    run(table, options, rng) {
      const candidates = options.candidates ?? (options.candidate ? [options.candidate] : undefined);
      const r = runByRegion(table, {
        methods: [cell],
        candidates,
        by: options.by,
        bootstrap: options.replicates ?? 0,
        seed: rng.nextUint32(),
      });
      if (!r.ok) return r;
      const results: MethodResult[] = [...r.value.results];
      if (results.length === 0) {
        if (r.value.skipped.length > 0) return err(r.value.skipped[0].error);
        return err({ kind: 'missing_column', message: `${cell.id} needs candidate columns`, column: 'candidates' });
      }
      return ok(results);
    },
  };
}
