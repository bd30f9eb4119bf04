/** `tally simulate`: writes a seeded synthetic election (optionally with injected manipulation) and its ground truth. */
import {
  createRng,
  type InjectionSpec,
  injectFraud,
  parseInjectionSpec,
  resolveSimulationOptions,
  type SimulatedElection,
  type SimulationOptions,
  simulateElection,
  simulateElectionPair,
  simulationLike,
} from '@tally/core';
import { Command } from 'commander';
import { commitOutputs } from '../atomic_output.ts';
import { EXCLUDE_INVALID_HELP, failure, loadInputOrExit, printJson, UsageError } from '../cli_io.ts';
import { groundTruthCsv, simulatedTableCsv } from './simulate_csv.ts';

interface SimulateFlags {
  stations?: string;
  like?: string;
  preset?: string;
  map?: string;
  dataset?: string;
  inject: string[];
  seed: string;
  out?: string;
  truth?: string;
  previous?: string;
  noise?: string;
  json?: boolean;
}

function parseInteger(flag: string, text: string, min: number): number {
  const x = Number(text);
  if (!Number.isInteger(x) || x < min) throw new UsageError(`${flag} must be an integer >= ${min}, got "${text}"`);
  return x;
}

/** The path of the ground-truth file next to `out`: data.csv -> data.truth.csv. */
export function truthPathFor(out: string): string {
  return out.toLowerCase().endsWith('.csv') ? `${out.slice(0, -4)}.truth.csv` : `${out}.truth.csv`;
}

/** The simulate command. */
export function simulateCommand(): Command {
  return new Command('simulate')
    .description('write a seeded synthetic election (clean, or with injected manipulation) and its ground truth')
    .option('--stations <n>', 'number of stations (default 2000, or the --like table size)')
    .option('--like <input>', 'take station count, sizes, turnout and shares from this results file or dataset folder')
    .option('--preset <name>', 'column mapping for --like (see `tally presets`)')
    .option('--map <file>', 'your own column mapping for --like')
    .option('--dataset <id>', 'for a --like dataset folder: which dataset')
    .option('--exclude-invalid', EXCLUDE_INVALID_HELP)
    .option(
      '--inject <kind:fraction[:intensity]>',
      'manipulate a fraction of stations (repeatable): ballot_stuffing, vote_switching, rounding, fabricated_digits, late_count, extreme',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--noise <model>', 'binomial or beta_binomial (default)')
    .option('--seed <s>', 'random seed', '1')
    .option('--out <file>', 'CSV to write (read it back with --preset tally-simulated)')
    .option('--truth <file>', 'ground-truth CSV to write (default: next to --out, .truth.csv)')
    .option('--previous <file>', 'also write an earlier clean election on the same stations (a realistic swing apart)')
    .option('--json', 'print a JSON summary instead of text')
    .action(async (flags: SimulateFlags) => {
      if (!flags.out) throw new UsageError('--out <file> is required');
      const seed = parseInteger('--seed', flags.seed, 0);
      let options: Partial<SimulationOptions> = {};
      if (flags.like) {
        const loaded = await loadInputOrExit(flags.like, { ...flags, quiet: true });
        options = simulationLike(loaded.table);
      } else if (flags.preset || flags.map || flags.dataset) {
        throw new UsageError('--preset/--map/--dataset describe the --like input; give --like too');
      }
      if (flags.stations !== undefined)
        options = { ...options, stations: parseInteger('--stations', flags.stations, 1) };
      if (flags.noise !== undefined) {
        if (flags.noise !== 'binomial' && flags.noise !== 'beta_binomial')
          throw new UsageError(`--noise must be binomial or beta_binomial, got "${flags.noise}"`);
        options = { ...options, noise: flags.noise };
      }
      const resolved = resolveSimulationOptions(options);
      if (!resolved.ok) throw failure(resolved.error);
      const specs: InjectionSpec[] = [];
      for (const text of flags.inject) {
        const spec = parseInjectionSpec(text);
        if (!spec.ok) throw failure(spec.error);
        specs.push(spec.value);
      }
      const rng = createRng(seed);
      let previous: SimulatedElection | null = null;
      let election: SimulatedElection;
      if (flags.previous) {
        const pair = simulateElectionPair(resolved.value, rng);
        previous = pair.first;
        election = pair.second;
      } else election = simulateElection(resolved.value, rng);
      for (const spec of specs) election = injectFraud(election, spec, rng);
      const truthPath = flags.truth ?? truthPathFor(flags.out);
      await commitOutputs([
        { path: flags.out, data: simulatedTableCsv(election.table) },
        { path: truthPath, data: groundTruthCsv(election.table, election.truth) },
        ...(previous && flags.previous ? [{ path: flags.previous, data: simulatedTableCsv(previous.table) }] : []),
      ]);
      let manipulated = 0;
      for (let i = 0; i < election.table.n; i++) manipulated += election.truth.fraudulent[i];
      const summary = {
        out: flags.out,
        truth: truthPath,
        previous: flags.previous ?? null,
        preset: 'tally-simulated',
        seed,
        stations: election.table.n,
        candidates: election.table.candidates.map((c) => c.name),
        like: flags.like ?? null,
        injections: election.truth.injections,
        stationsManipulated: manipulated,
      };
      if (flags.json) {
        printJson(summary);
        return;
      }
      process.stdout.write(
        `wrote ${summary.stations} simulated stations to ${flags.out} (seed ${seed})\n` +
          `ground truth: ${truthPath} (${manipulated} station(s) manipulated)\n`,
      );
      for (const r of election.truth.injections) {
        process.stdout.write(
          `  ${r.kind}: fraction ${r.fraction}, intensity ${r.intensity}, for ${r.beneficiary}: ${r.stationsChanged} station(s) changed\n`,
        );
      }
      if (flags.previous) process.stdout.write(`earlier clean election on the same stations: ${flags.previous}\n`);
      process.stdout.write(`read it with: tally summary ${flags.out} --preset tally-simulated\n`);
    });
}
