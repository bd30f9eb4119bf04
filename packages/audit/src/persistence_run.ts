/**
 * The audit's persistence analysis: the flagged areas' shift between the alleged election and another one, against
 * a permutation null over the areas of the same stratum (core's persistenceByUnit), with its power at the alleged size.
 */
import { clopperPearson, createRng, type MethodResult, persistence, persistenceByUnit } from '@tally/core';
import type { AnalysisSpec, ResolvedAllegation } from '@tally/ingest';
import type { Calibration, Message } from '@tally/report';
import type { AnalysisOutcome } from './analysis_outcome.ts';
import { findingIdOf, flaggedDifferAnswer } from './bottom_line.ts';

/** Runs a persistence analysis of the allegation (seeded by `seed`); `allegedVotes` sets its power scenario. */
export function persistenceRun(
  resolved: ResolvedAllegation,
  spec: Extract<AnalysisSpec, { method: 'persistence' }>,
  seed: number,
  allegedVotes: number | undefined,
): AnalysisOutcome {
  const a = resolved.alleged;
  const b = resolved.elections.get(spec.against)!;
  const replicates = spec.replicates ?? 10_000;
  const r = persistenceByUnit(
    a.table,
    b.table,
    resolved.flagged,
    {
      level: spec.level,
      levelB: spec.levelAgainst,
      flagRule: spec.flagRule,
      stratum: spec.stratum,
      candidateA: a.names.favoured,
      candidateB: b.names.favoured,
      replicates,
      allegedVotes,
      seed,
      names: spec.matchBy === 'code_then_name' ? spec.names : undefined,
    },
    createRng(seed),
  );
  if (!r.ok) return { results: [], skipped: [{ method: 'persistence', reason: r.error.message }] };
  const d = r.value.result.details;
  const power = d.powerAtAllegedShift as number | null;
  const shift = d.allegedShift as number | null;
  const calibration: Calibration = {
    falsePositiveRate: d.sizeAtAlpha05 as number,
    alpha: 0.05,
    runs: replicates,
    ...(power === null || shift === null
      ? {}
      : {
          power,
          powerScenario: `${allegedVotes ?? 0} votes switched to ${a.names.favoured} in the flagged stations, spread by their valid votes (it would move this statistic by ${shift >= 0 ? '+' : ''}${shift.toFixed(2)} points)`,
          powerScenarioMessage: {
            key: 'scenario.persistence',
            params: {
              votes: { kind: 'count', value: allegedVotes ?? 0 },
              candidate: a.names.favoured,
              shift: { kind: 'signed', value: shift, digits: 2 },
            },
          },
        }),
  };
  // The shift model: the permutation null shifted by what the alleged votes would move this statistic; its power is a
  // Monte Carlo share over the `replicates` permutations, so its interval is Clopper-Pearson over them.
  const hits = power === null ? 0 : Math.round(power * replicates);
  const estimate = clopperPearson(hits, replicates);
  const powerAtAllegedSize =
    power === null || shift === null
      ? undefined
      : {
          power,
          interval: [estimate.lower, estimate.upper] as const,
          injections: replicates,
          scenario: {
            key: 'bottomline.scenario.persistence',
            params: {
              votes: { kind: 'count', value: allegedVotes ?? 0 },
              favoured: a.names.favoured,
              shift: { kind: 'signed', value: shift, digits: 2 },
            },
          } satisfies Message,
          powerAt3x: null,
        };
  const result: MethodResult = {
    ...r.value.result,
    details: { ...d, electionA: a.spec.id, electionB: b.spec.id, allegedVotes: allegedVotes ?? null },
  };
  const interval = d.shiftInterval95 as [number, number] | undefined;
  const answer = flaggedDifferAnswer({
    statistic: result.statistic,
    pValue: result.pValue,
    interval: interval ?? null,
    electionA: a.spec.id,
    electionB: b.spec.id,
    findingId: findingIdOf(result),
    power: powerAtAllegedSize ?? null,
  });
  return {
    answers: [answer],
    results: [
      {
        result,
        context: {
          direction: 'positive',
          effectName: `difference in differences of the ${a.names.favoured} share, ${a.spec.id} minus ${b.spec.id} (points)`,
          methodTitle: persistence.title,
          family: persistence.family,
          calibration,
          ...(powerAtAllegedSize ? { powerAtAllegedSize } : {}),
          minStations: 10,
          order: 2,
          messages: {
            effectName: {
              key: 'effect.persistence',
              params: { candidate: a.names.favoured, a: a.spec.id, b: b.spec.id },
            },
          },
          plot: {
            kind: 'persistence_scatter',
            electionA: a.spec.id,
            electionB: b.spec.id,
            a: r.value.scatter.a,
            b: r.value.scatter.b,
            flagged: r.value.scatter.flagged,
          },
        },
      },
    ],
    skipped: [],
  };
}
