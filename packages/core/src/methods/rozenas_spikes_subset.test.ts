import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MethodResult } from '../method.ts';
import { createRng, deriveSeed } from '../rng.ts';
import { simulateElection } from '../simulate/index.ts';
import type { StationTable } from '../station_table.ts';
import { rozenasSpikesMethod } from './rozenas_spikes.ts';
import { cleanCounts, injectCoarse, table } from './rozenas_test_data.ts';

interface Details {
  fraudShare: number;
  fraudShareBiasCorrected: number;
  interval: number[];
  nullFraudShare: { mean: number };
  flagged: { share: number }[];
  resampledStationsPerReplicate?: number;
  nullShrinkFactor?: number;
}

function run(t: StationTable, options: object, seed: number): MethodResult {
  const r = rozenasSpikesMethod.run(t, { maxComponents: 2, ...options }, createRng(seed));
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value[0];
}

test('fullResampleLimit: below 1000 is refused; a table of exactly the limit is resampled in full', () => {
  const c = cleanCounts(1000, createRng(11));
  const t = table(c.N, c.T, c.V);
  const bad = rozenasSpikesMethod.run(t, { fullResampleLimit: 999 }, createRng(1));
  assert.equal(bad.ok ? '' : bad.error.kind, 'invalid_options');
  const atLimit = rozenasSpikesMethod.run(t, { replicates: 19, fullResampleLimit: 1000 }, createRng(1));
  const plain = rozenasSpikesMethod.run(t, { replicates: 19 }, createRng(1));
  assert.equal(JSON.stringify(atLimit), JSON.stringify(plain));
  assert.ok(plain.ok && !('resampledStationsPerReplicate' in plain.value[0].details));
});

test('above the limit: seeded subsets (same seed, same JSON), reported in details and warnings', () => {
  const c = cleanCounts(2500, createRng(12));
  const t = table(c.N, c.T, c.V);
  const a = run(t, { replicates: 19, fullResampleLimit: 1000 }, 5);
  const b = run(t, { replicates: 19, fullResampleLimit: 1000 }, 5);
  assert.equal(JSON.stringify(a), JSON.stringify(b));
  const d = a.details as unknown as Details;
  assert.equal(d.resampledStationsPerReplicate, 1000);
  assert.equal(d.nullShrinkFactor, Math.sqrt((1000 / 2500 + 1 / 19) / (1 + 1 / 19)));
  assert.equal(a.n, 2500);
  assert.ok(a.warnings.some((w) => w.includes('1000 of the 2500 stations')));
  const other = run(t, { replicates: 19, fullResampleLimit: 1000 }, 6);
  assert.notEqual(JSON.stringify(other), JSON.stringify(a));
});

test('subsetSize: below 1000 refused; up to the limit it changes nothing; above it, min(subsetSize, limit)', () => {
  const c = cleanCounts(2500, createRng(13));
  const t = table(c.N, c.T, c.V);
  const bad = rozenasSpikesMethod.run(t, { subsetSize: 999 }, createRng(1));
  assert.equal(bad.ok ? '' : bad.error.kind, 'invalid_options');
  const plain = run(t, { replicates: 19 }, 3);
  const small = run(t, { replicates: 19, subsetSize: 1000 }, 3);
  assert.equal(JSON.stringify(small), JSON.stringify(plain));
  const bySize = run(t, { replicates: 19, fullResampleLimit: 2000, subsetSize: 1200 }, 3);
  assert.equal((bySize.details as unknown as Details).resampledStationsPerReplicate, 1200);
  const byLimit = run(t, { replicates: 19, fullResampleLimit: 1000, subsetSize: 2000 }, 3);
  const limitOnly = run(t, { replicates: 19, fullResampleLimit: 1000 }, 3);
  assert.equal(JSON.stringify(byLimit), JSON.stringify(limitOnly));
});

test('20,000 stations, 5,000 per resample: estimate, interval and null excess track full resampling', () => {
  // Clean: the generic generator. Injected: 4% of stations written in at coarse shares (as in the power test).
  const clean = simulateElection({ stations: 20000 }, createRng(deriveSeed(2017, 0))).table;
  const full = run(clean, { replicates: 99 }, 1);
  const sub = run(clean, { replicates: 99, fullResampleLimit: 5000 }, 1);
  const df = full.details as unknown as Details;
  const ds = sub.details as unknown as Details;
  assert.ok(Math.abs(ds.fraudShare - df.fraudShare) <= 0.002, `clean: ${ds.fraudShare} vs ${df.fraudShare}`);
  const nullRatio = ds.nullFraudShare.mean / df.nullFraudShare.mean;
  assert.ok(nullRatio > 0.9 && nullRatio < 1.2, `null excess ${ds.nullFraudShare.mean} vs ${df.nullFraudShare.mean}`);
  assert.ok((sub.pValue ?? 0) > 0.05 && (full.pValue ?? 0) > 0.05);

  for (let k = 0; k < 2; k++) {
    const rng = createRng(deriveSeed(77, k));
    const c = cleanCounts(20000, rng);
    const truth = injectCoarse(c, 0.04, rng);
    const t = table(c.N, c.T, c.V);
    const f = run(t, { replicates: 99 }, k + 1);
    const s = run(t, { replicates: 99, fullResampleLimit: 5000 }, k + 1);
    const a = f.details as unknown as Details;
    const b = s.details as unknown as Details;
    assert.equal(s.pValue, 0.01);
    assert.equal(f.pValue, 0.01);
    const what = `injected ${truth}: subset ${b.fraudShare} (${b.fraudShareBiasCorrected}) vs full ${a.fraudShare} (${a.fraudShareBiasCorrected})`;
    assert.ok(Math.abs(b.fraudShare - a.fraudShare) <= 0.003, what);
    assert.ok(Math.abs(b.fraudShareBiasCorrected - a.fraudShareBiasCorrected) <= 0.003, what);
    assert.ok(
      b.interval[0] <= a.interval[1] && a.interval[0] <= b.interval[1],
      `intervals ${b.interval} / ${a.interval}`,
    );
    assert.ok(b.fraudShareBiasCorrected - 0.004 <= truth && truth <= b.fraudShare + 0.004, what);
    const flagged = b.flagged.map((x) => Math.round(x.share * 1000));
    assert.ok([500, 600, 667, 750].filter((x) => flagged.includes(x)).length >= 3, `spikes found: ${flagged}`);
  }
});

test('calibration with subsets: 20 clean elections of 8,000 stations, 1,000 per resample, reject at most 5%', () => {
  // With 19 resamples an exchangeable p-value rejects w.p. 1/20; 99% binomial band of 20 trials: [0, 4]. Shrinking
  // by sqrt(M/m) alone (ignoring the noise of the mean of the resamples) rejected 10 of 30 such elections.
  let rejections = 0;
  const trials = 20;
  for (let k = 0; k < trials; k++) {
    const seed = deriveSeed(4242, k);
    let t: StationTable;
    if (k % 2 === 0) t = simulateElection({ stations: 8000 }, createRng(seed)).table;
    else {
      const c = cleanCounts(8000, createRng(seed));
      t = table(c.N, c.T, c.V);
    }
    const r = run(t, { replicates: 19, fullResampleLimit: 1000 }, seed + 1);
    assert.equal((r.details as unknown as Details).resampledStationsPerReplicate, 1000);
    if ((r.pValue ?? 1) <= 0.05) rejections++;
  }
  assert.ok(rejections <= 4, `clean rejections ${rejections} / ${trials}`);
});
