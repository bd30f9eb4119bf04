import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createRng } from '../rng.ts';
import { type CleanPeakBins, countingResampler, makeCleanPeakResampler } from './clean_peak_excess_resample.ts';

function emptyBins(nb: number): CleanPeakBins {
  return { votes: new Float64Array(nb), leader: new Float64Array(nb), others: new Float64Array(nb) };
}

/** The definition: add each drawn station to its bin, in draw order. */
function naive(bin: Int32Array, leader: Float64Array, others: Float64Array, nb: number, seed: number, reps: number) {
  const rng = createRng(seed);
  const m = bin.length;
  const all: CleanPeakBins[] = [];
  for (let r = 0; r < reps; r++) {
    const out = emptyBins(nb);
    for (let k = 0; k < m; k++) {
      const i = rng.int(m);
      out.votes[bin[i]] += leader[i] + others[i];
      out.leader[bin[i]] += leader[i];
      out.others[bin[i]] += others[i];
    }
    all.push(out);
  }
  return all;
}

function fast(
  bin: Int32Array,
  leader: Float64Array,
  others: Float64Array,
  nb: number,
  seed: number,
  reps: number,
  path: 'auto' | 'ordered',
) {
  const resample = makeCleanPeakResampler(bin, leader, others, path);
  const rng = createRng(seed);
  const out = emptyBins(nb);
  const all: CleanPeakBins[] = [];
  for (let r = 0; r < reps; r++) {
    resample(rng, out); // reuses `out`, as the method does, so stale sums would show
    all.push({ votes: out.votes.slice(), leader: out.leader.slice(), others: out.others.slice() });
  }
  return all;
}

/** Bit-for-bit comparison (Object.is tells 0 from -0 and compares NaN with itself). */
function assertSameBits(a: CleanPeakBins[], b: CleanPeakBins[]): void {
  assert.equal(a.length, b.length);
  for (let r = 0; r < a.length; r++)
    for (const key of ['votes', 'leader', 'others'] as const)
      for (let j = 0; j < a[r][key].length; j++)
        assert.ok(Object.is(a[r][key][j], b[r][key][j]), `replicate ${r} ${key}[${j}]`);
}

function stations(seed: number, m: number, nb: number, value: (g: ReturnType<typeof createRng>) => number) {
  const g = createRng(seed);
  const bin = new Int32Array(m);
  const leader = new Float64Array(m);
  const others = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    bin[i] = g.int(nb);
    leader[i] = value(g);
    others[i] = value(g);
  }
  return { bin, leader, others };
}

test('whole vote counts: the counting resampler gives the same bits as adding draws in order', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 1e6 }), (m, seed) => {
      const s = stations(seed, m, 7, (g) => g.int(2000));
      assertSameBits(fast(s.bin, s.leader, s.others, 7, seed, 3, 'auto'), naive(s.bin, s.leader, s.others, 7, seed, 3));
    }),
    { numRuns: 60 },
  );
});

test('fractional votes and sums past 2^53 take the ordered path and still match bit for bit', () => {
  const frac = stations(3, 500, 9, (g) => g.uniform() * 1000);
  assertSameBits(
    fast(frac.bin, frac.leader, frac.others, 9, 5, 4, 'auto'),
    naive(frac.bin, frac.leader, frac.others, 9, 5, 4),
  );
  // Whole numbers so large that partial sums round: order matters, and the guard must notice.
  const big = stations(4, 300, 3, (g) => 2 ** 50 + 2 * g.int(1000) + 1);
  const ref = naive(big.bin, big.leader, big.others, 3, 6, 4);
  assertSameBits(fast(big.bin, big.leader, big.others, 3, 6, 4, 'auto'), ref);
  assertSameBits(fast(big.bin, big.leader, big.others, 3, 6, 4, 'ordered'), ref);
});

test('forced ordered path on whole counts matches too', () => {
  const s = stations(8, 1000, 20, (g) => g.int(500));
  assertSameBits(fast(s.bin, s.leader, s.others, 20, 9, 3, 'ordered'), naive(s.bin, s.leader, s.others, 20, 9, 3));
});

test('counts that wrap carry exactly, and the stream is left where draws one at a time leave it', () => {
  for (const wrap of [1, 2, 255]) {
    const s = stations(11, 700, 5, (g) => g.int(300));
    const resample = countingResampler(s.bin, s.leader, s.others, wrap);
    const rng = createRng(12);
    const out = emptyBins(5);
    const all: CleanPeakBins[] = [];
    for (let r = 0; r < 3; r++) {
      resample(rng, out);
      all.push({ votes: out.votes.slice(), leader: out.leader.slice(), others: out.others.slice() });
    }
    assertSameBits(all, naive(s.bin, s.leader, s.others, 5, 12, 3));
    const reference = createRng(12);
    for (let k = 0; k < 3 * 700; k++) reference.int(700);
    assert.equal(rng.nextUint32(), reference.nextUint32(), `wrap ${wrap}`);
  }
});
