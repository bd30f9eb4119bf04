import assert from 'node:assert/strict';
import { test } from 'node:test';
import { klimekElection } from '../../test/klimek_election.ts';
import { candidateOrLeaderIndex } from '../station_table.ts';
import { fitKlimek, RANK_STATIONS, SEARCH_SEED } from './klimek_fit.ts';
import type { KlimekData } from './klimek_model.ts';

const SETTINGS = { alpha: 1, bins: 50, draws: 6, maxMode: 0.85 };

function klimekData(stations: number, fi: number, fe: number, seed: number): KlimekData {
  const table = klimekElection(stations, fi, fe, seed);
  const winner = table.candidates[candidateOrLeaderIndex(table, undefined)].votes;
  return {
    registered: Float64Array.from(table.registered),
    valid: Float64Array.from(table.valid),
    winner: Float64Array.from(winner),
  };
}

test('a table above rankStations ranks the candidates on a subsample and keeps the full ranking choice and fit', () => {
  const data = klimekData(3000, 0.3, 0.03, 41);
  const full = fitKlimek(data, SETTINGS, SEARCH_SEED);
  const ranked = fitKlimek(data, { ...SETTINGS, rankStations: 1500 }, SEARCH_SEED);
  assert.ok(full !== undefined && ranked !== undefined);
  // Every 2nd station: 1500 stations ranked; all 3000 without a subsample.
  assert.equal(full.rankedStations, 3000);
  assert.equal(ranked.rankedStations, 1500);
  // Here the modes are far from the fit (distance about 410 against 190) and the three searches are within Monte Carlo
  // noise of one another; ranked on a third of the table (1000 stations) this table picks search 3 instead of 2.
  // The same candidate is chosen, and simulated for every station with the same seed: the same fit.
  assert.equal(ranked.peaks, full.peaks);
  assert.deepEqual(ranked.fair, full.fair);
  assert.deepEqual(ranked.fit, full.fit);
  assert.deepEqual(ranked.comps, full.comps);
  // The candidate distances are then those of the subsample, and the chosen one is the smallest.
  assert.equal(ranked.candidateDistances.length, 4);
  assert.notDeepEqual(ranked.candidateDistances, full.candidateDistances);
  const smallest = ranked.candidateDistances.indexOf(Math.min(...ranked.candidateDistances));
  assert.equal(ranked.peaks, smallest === 0 ? 'modes' : `search ${smallest}`);
  // The fit found the clear fraud.
  assert.ok(Math.abs(full.fit.fi - 0.3) <= 0.05 && Math.abs(full.fit.fe - 0.03) <= 0.01, JSON.stringify(full.fit));
});

test('a table of at most rankStations stations keeps the full ranking: the fit is the distance-minimal candidate', () => {
  const data = klimekData(1500, 0.2, 0.02, 42);
  const atLimit = fitKlimek(data, { ...SETTINGS, rankStations: 1500 }, SEARCH_SEED);
  const byDefault = fitKlimek(data, SETTINGS, SEARCH_SEED);
  assert.ok(atLimit !== undefined && byDefault !== undefined);
  assert.ok(1500 <= RANK_STATIONS);
  assert.equal(atLimit.rankedStations, 1500);
  assert.deepEqual(atLimit, byDefault);
  assert.equal(atLimit.fit.distance, Math.min(...atLimit.candidateDistances));
});
