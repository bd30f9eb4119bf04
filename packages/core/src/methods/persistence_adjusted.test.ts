import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { tableFromUnits, type UnitRow } from '../../test/persistence_support.ts';
import { clopperPearson } from '../calibrate/intervals.ts';
import { createRng, type Rng } from '../rng.ts';
import { persistenceTest } from './persistence.ts';
import { adjustedPermutationNull } from './persistence_adjusted.ts';

const ref = JSON.parse(
  readFileSync(new URL('../../test/fixtures/persistence_adjusted_reference.json', import.meta.url), 'utf8'),
) as {
  cellSizes: number[];
  w: number[];
  x1: number[];
  x2: number[];
  d: number[];
  flagged: number[];
  coefficient: number;
  covariateCoefficients: number[];
  coefficientNoCovariates: number;
  exactPGreaterNoCovariates: number;
  freedmanLanePGreater: number;
  freedmanLaneReplicates: number;
};

function referenceUnits(d = ref.d, withCovariates = true) {
  const starts = [0];
  for (const s of ref.cellSizes) starts.push(starts[starts.length - 1] + s);
  return {
    d: Float64Array.from(d),
    w: Float64Array.from(ref.w),
    flagged: Uint8Array.from(ref.flagged),
    starts: Int32Array.from(starts),
    covariates: withCovariates ? [Float64Array.from(ref.x1), Float64Array.from(ref.x2)] : [],
  };
}

function pGreater(null_: Float64Array, observed: number): number {
  let ge = 0;
  for (const v of null_) if (v >= observed - 1e-9 * Math.max(1, Math.abs(observed))) ge++;
  return ge / null_.length;
}

test('adjusted coefficient and covariate coefficients equal the numpy WLS reference; Freedman-Lane p agrees with numpy', () => {
  const B = 20_000;
  const r = adjustedPermutationNull(referenceUnits(), B, createRng(7));
  assert.ok(r !== null);
  assert.ok(Math.abs(r.observed - ref.coefficient) < 1e-9, `${r.observed} vs ${ref.coefficient}`);
  for (let j = 0; j < 2; j++)
    assert.ok(Math.abs(r.covariateCoefficients[j] - ref.covariateCoefficients[j]) < 1e-9, `covariate ${j}`);
  const p = pGreater(r.null, r.observed);
  // Both are Monte Carlo shares: 4 sd of their difference.
  const q = ref.freedmanLanePGreater;
  const sd = Math.sqrt(q * (1 - q) * (1 / B + 1 / ref.freedmanLaneReplicates));
  assert.ok(Math.abs(p - q) < 4 * sd, `p ${p} vs numpy ${q}`);
});

test('without covariates: cell fixed effects only, flags permuted within cells; p agrees with exact enumeration', () => {
  const B = 20_000;
  const r = adjustedPermutationNull(referenceUnits(ref.d, false), B, createRng(8));
  assert.ok(r !== null);
  assert.ok(Math.abs(r.observed - ref.coefficientNoCovariates) < 1e-9);
  const p = pGreater(r.null, r.observed);
  const q = ref.exactPGreaterNoCovariates;
  assert.ok(Math.abs(p - q) < 4 * Math.sqrt((q * (1 - q)) / B), `p ${p} vs exact ${q}`);
});

test('adding delta to the flagged units moves the adjusted coefficient by exactly delta', () => {
  const shifted = ref.d.map((v, i) => v + (ref.flagged[i] ? 2.5 : 0));
  const a = adjustedPermutationNull(referenceUnits(), 0, createRng(1));
  const b = adjustedPermutationNull(referenceUnits(shifted), 0, createRng(1));
  assert.ok(a !== null && b !== null);
  assert.ok(Math.abs(b.observed - a.observed - 2.5) < 1e-9);
});

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Two clean elections over 30 regions x 40 units: rural units swing `ruralSwing` (logit) more toward the
 * favoured candidate from B to A, and rural units are flagged 5 times as often as urban ones (as late
 * mesas are rural more often): no manipulation anywhere.
 */
function ruralSwingPair(rng: Rng, ruralSwing: number) {
  const rowsA: UnitRow[] = [];
  const rowsB: UnitRow[] = [];
  const urban: number[] = [];
  const flagged: number[] = [];
  for (let r = 0; r < 30; r++) {
    const mu = 0.6 * rng.normal();
    const swing = 0.2 * rng.normal();
    for (let i = 0; i < 40; i++) {
      const u = rng.uniform() < 0.5 ? 1 : 0;
      const latent = mu + 0.4 * (1 - u) + 0.5 * rng.normal();
      const size = 200 + rng.int(300);
      const validA = rng.binomial(size, 0.85);
      const validB = rng.binomial(size, 0.85);
      const id = `${r}-${i}`;
      const pa = logistic(latent + swing + ruralSwing * (1 - u) + 0.1 * rng.normal());
      rowsA.push({ id, region: `R${r}`, valid: validA, votes: rng.binomial(validA, pa) });
      rowsB.push({ id, region: `R${r}`, valid: validB, votes: rng.binomial(validB, logistic(latent)) });
      urban.push(u);
      flagged.push(rng.uniform() < (u ? 0.05 : 0.25) ? 1 : 0);
    }
  }
  return {
    a: tableFromUnits(rowsA, 'F', 'A'),
    b: tableFromUnits(rowsB, 'F', 'B'),
    urban: Float64Array.from(urban),
    flagged: Uint8Array.from(flagged),
  };
}

test('calibration: a rural swing (~1.2 points) with rural-heavy flags: unadjusted over-rejects, urban/rural cells hold the size', (t) => {
  const sims = 200;
  let unadjusted = 0;
  let adjusted = 0;
  for (let s = 1; s <= sims; s++) {
    const rng = createRng(s);
    const pair = ruralSwingPair(rng, 0.05);
    const options = { stratum: 'region', replicates: 199 };
    const u = persistenceTest(pair.a, pair.b, pair.flagged, options, rng);
    const a = persistenceTest(pair.a, pair.b, pair.flagged, { ...options, covariates: { urban: pair.urban } }, rng);
    assert.ok(u.ok && a.ok, JSON.stringify((!u.ok && u.error) || (!a.ok && a.error)));
    if ((u.value.pValue ?? 1) <= 0.05) unadjusted++;
    if ((a.value.pValue ?? 1) <= 0.05) adjusted++;
  }
  const sizeU = clopperPearson(unadjusted, sims);
  const sizeA = clopperPearson(adjusted, sims);
  t.diagnostic(
    `size at 0.05: unadjusted ${unadjusted}/${sims} [${sizeU.lower.toFixed(3)}, ${sizeU.upper.toFixed(3)}], ` +
      `urban/rural-adjusted ${adjusted}/${sims} [${sizeA.lower.toFixed(3)}, ${sizeA.upper.toFixed(3)}]`,
  );
  // The adjusted test's interval must contain 0.05 (or lie below it: permutation tests may be conservative).
  assert.ok(sizeA.lower <= 0.05, `adjusted size ${adjusted}/${sims}`);
  assert.ok(sizeU.lower > 0.05, `unadjusted size ${unadjusted}/${sims}: the scenario should defeat it`);
});

test('a numeric covariate (earlier share) that drives the swing is adjusted for; bad covariates are errors', (t) => {
  const sims = 100;
  let adjusted = 0;
  for (let s = 1; s <= sims; s++) {
    const rng = createRng(1000 + s);
    const pair = ruralSwingPair(rng, 0.05);
    // The same information as a number: 1 - urban plus noise that does not matter to the swing.
    const earlier = Float64Array.from(pair.urban, (u) => 50 - 20 * u);
    const a = persistenceTest(
      pair.a,
      pair.b,
      pair.flagged,
      { stratum: 'region', replicates: 199, covariates: { numeric: [{ name: 'earlier', values: earlier }] } },
      rng,
    );
    assert.ok(a.ok);
    assert.equal(a.value.statisticName, 'adjusted_did_share_points');
    if ((a.value.pValue ?? 1) <= 0.05) adjusted++;
  }
  t.diagnostic(`size at 0.05 with the numeric covariate: ${adjusted}/${sims}`);
  assert.ok(clopperPearson(adjusted, sims).lower <= 0.05, `${adjusted}/${sims}`);
  const pair = ruralSwingPair(createRng(1), 0.05);
  const short = persistenceTest(
    pair.a,
    pair.b,
    pair.flagged,
    { stratum: 'region', replicates: 9, covariates: { urban: new Float64Array(3) } },
    createRng(1),
  );
  assert.ok(!short.ok && short.error.kind === 'invalid_options');
  const missing = Float64Array.from(pair.urban);
  missing[0] = Number.NaN;
  const m = persistenceTest(
    pair.a,
    pair.b,
    pair.flagged,
    { stratum: 'region', replicates: 9, covariates: { urban: missing } },
    createRng(1),
  );
  assert.ok(m.ok);
  assert.deepEqual(
    m.value.excluded.find((e) => e.reason === 'missing covariate'),
    { reason: 'missing covariate', count: 1 },
  );
});
