/**
 * The projection and difference-in-differences replays (issue #15, part B), listed with the inputs each needs so the
 * replay registry can wire them in one place. Each reads the `computo-trep-time` dataset of examples/bolivia-2019
 * (arrival = TREP verification time; the acta lists, recinto and municipality levels, urban/rural, census and the
 * 2016 referendum attached).
 */
import type { Result } from '@tally/core';
import type { ReplayInput } from '@tally/report';
import { ceprProjection } from './cepr_projection.ts';
import { curielWilliamsProjection } from './curiel_williams_projection.ts';
import { escobariHooverDid } from './escobari_hoover_did.ts';
import type { ReplayTable } from './replay_data.ts';

export interface ProjectionDidReplay {
  readonly id: string;
  /** The dataset of the Bolivia 2019 example it reads. */
  readonly dataset: string;
  /** Columns of that table it reads: candidates, region levels, attributes and station lists. */
  readonly needs: readonly string[];
  /** Another table the replay reads when given, and how to pass it. */
  readonly optional?: string;
  readonly run: (input: ReplayTable & { readonly seed: number }) => Result<ReplayInput>;
}

const ANNOUNCEMENT_LISTS = ['trep_final_not_in_194057', 'computo_not_in_trep'];

export const PROJECTION_DID_REPLAYS: readonly ProjectionDidReplay[] = [
  {
    id: 'curiel_williams_projection',
    dataset: 'computo-trep-time',
    needs: ['MAS - IPSP', 'CC', 'arrival (time)', ...ANNOUNCEMENT_LISTS],
    run: curielWilliamsProjection,
  },
  {
    id: 'cepr_projection',
    dataset: 'computo-trep-time',
    needs: ['MAS - IPSP', 'CC', 'recinto_code', 'municipality', 'department', 'country', ...ANNOUNCEMENT_LISTS],
    run: ceprProjection,
  },
  {
    id: 'escobari_hoover_did',
    dataset: 'computo-trep-time',
    needs: [
      'MAS - IPSP',
      'CC',
      'referendum_2016_si',
      'referendum_2016_no',
      'referendum_2016_valid',
      'recinto_code',
      'urban_rural',
      'census_pct_urban',
      'census_literacy_rate_15plus',
      ...ANNOUNCEMENT_LISTS,
    ],
    optional:
      "election2014: examples/bolivia-2014 dataset 'mesa' as { table, file, name: '2014 election', leaderSide: 'MAS-IPSP', otherSide: 'UD' }, joined by recinto_code",
    run: escobariHooverDid,
  },
];
