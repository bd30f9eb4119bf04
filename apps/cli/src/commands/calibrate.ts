/** `tally calibrate`: each method's measured false-positive rate and power on simulated elections. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CalibrationConditions,
  type CalibrationPlan,
  type CalibrationSummary,
  DIAGNOSTIC_CONDITIONS,
  defaultScenarios,
  type InjectionSpec,
  namedConditions,
  parseInjectionSpec,
  resolveSimulationOptions,
  SIZE_FLAG_THRESHOLD,
  simulationLike,
  summarizeForJson,
} from '@tally/core';
import { Command } from 'commander';
import { commitOutputs, type OutputFile } from '../atomic_output.ts';
import { EXCLUDE_INVALID_HELP, failure, loadInputOrExit, paint, printJson, UsageError } from '../cli_io.ts';
import { progressDisplay } from '../progress.ts';
import { calibrationMarkdown, methodBlock, withMethodBlock } from './calibrate_docs.ts';
import { calibratableMethods, calibrateAll, defaultWorkers, planFor } from './calibrate_run.ts';

interface CalibrateFlags {
  methods?: string;
  reps?: string;
  powerReps?: string;
  seed: string;
  alpha: string;
  stations?: string;
  like?: string;
  preset?: string;
  map?: string;
  dataset?: string;
  inject: string[];
  workers?: string;
  json?: boolean;
  quiet?: boolean;
  out?: string;
  writeDocs?: boolean;
  docsOnly?: boolean;
  conditions?: string;
}

const DEFAULT_REPS = 200;
const DEFAULT_POWER_REPS = 50;

/** Where --write-docs writes, relative to the repository root. */
const DOCS_FILE = 'docs/calibration.md';
const MEASURED_FILE = 'packages/core/src/calibrate/measured_calibrations.json';

function int(flag: string, text: string, min: number): number {
  const x = Number(text);
  if (!Number.isInteger(x) || x < min) throw new UsageError(`${flag} must be an integer >= ${min}, got "${text}"`);
  return x;
}

function fmtRate(x: number | null): string {
  return x === null ? '  n/a' : x.toFixed(3);
}

/** The calibrate command. */
export function calibrateCommand(): Command {
  return new Command('calibrate')
    .description("measure each method's false-positive rate and power on simulated elections")
    .option('--methods <ids>', 'comma-separated method ids (default: all)')
    .option(
      '--reps <n>',
      `clean simulated elections per method (default ${DEFAULT_REPS}; fewer for the costliest methods)`,
    )
    .option(
      '--power-reps <n>',
      `simulated elections per manipulation scenario (default: min(reps, ${DEFAULT_POWER_REPS}))`,
    )
    .option('--seed <s>', 'random seed', '1')
    .option('--alpha <a>', 'nominal level', '0.05')
    .option(
      '--conditions <names>',
      `simulated data conditions, comma-separated: ${Object.keys(namedConditions).join(', ')}`,
      'default',
    )
    .option('--stations <n>', 'stations per simulated election (default 2000, or the --like table size)')
    .option('--like <input>', 'simulate elections like this results file or dataset folder')
    .option('--preset <name>', 'column mapping for --like')
    .option('--map <file>', 'your own column mapping for --like')
    .option('--dataset <id>', 'for a --like dataset folder: which dataset')
    .option('--exclude-invalid', EXCLUDE_INVALID_HELP)
    .option(
      '--inject <kind:fraction[:intensity]>',
      'power scenarios (repeatable; default: every kind at two sizes)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--workers <n>', 'worker threads (default: CPU count, at most 4; 1 = none)')
    .option('--json', 'print JSON')
    .option('--quiet', 'no progress on stderr')
    .option('--out <file>', 'also write the JSON to this file')
    .option('--write-docs', `regenerate ${DOCS_FILE}, the measured table in core and each method page's block`)
    .option('--docs-only', `rewrite the docs from ${MEASURED_FILE} without running anything`)
    .action(async (flags: CalibrateFlags) => {
      if (flags.docsOnly) {
        await rewriteDocsFromMeasured();
        return;
      }
      const reps = flags.reps !== undefined ? int('--reps', flags.reps, 1) : DEFAULT_REPS;
      const powerReps =
        flags.powerReps !== undefined ? int('--power-reps', flags.powerReps, 0) : Math.min(reps, DEFAULT_POWER_REPS);
      const seed = int('--seed', flags.seed, 0);
      const alpha = Number(flags.alpha);
      if (!(alpha > 0 && alpha < 1)) throw new UsageError(`--alpha must be in (0, 1), got "${flags.alpha}"`);
      const workers = flags.workers !== undefined ? int('--workers', flags.workers, 1) : defaultWorkers();
      const known = calibratableMethods();
      let methods = known;
      if (flags.methods) {
        const ids = flags.methods
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s.length > 0);
        const unknown = ids.filter((id) => !known.some((m) => m.id === id));
        if (unknown.length > 0)
          throw new UsageError(`unknown method(s): ${unknown.join(', ')}; known: ${known.map((m) => m.id).join(', ')}`);
        methods = ids.map((id) => known.find((m) => m.id === id)!);
      }
      const names = (flags.conditions ?? 'default')
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x.length > 0);
      const badNames = names.filter((x) => !(x in namedConditions));
      if (badNames.length > 0 || names.length === 0)
        throw new UsageError(
          `--conditions: unknown ${badNames.join(', ')}; one of ${Object.keys(namedConditions).join(', ')}`,
        );
      let conditionSets: CalibrationConditions[] = names.map((x) => namedConditions[x]);
      if (flags.like) {
        const loaded = await loadInputOrExit(flags.like, { ...flags, quiet: true });
        conditionSets = [
          { ...namedConditions.default, label: `like ${flags.like}`, simulation: simulationLike(loaded.table) },
        ];
      } else if (flags.preset || flags.map || flags.dataset) {
        throw new UsageError('--preset/--map/--dataset describe the --like input; give --like too');
      }
      if (flags.stations !== undefined) {
        const stations = int('--stations', flags.stations, 1);
        conditionSets = conditionSets.map((c) => ({
          ...c,
          label: flags.like ? c.label : `${c.label}, ${stations} stations`,
          simulation: { ...c.simulation, stations },
        }));
      }
      for (const c of conditionSets) {
        const resolved = resolveSimulationOptions(c.simulation);
        if (!resolved.ok) throw failure(resolved.error);
      }
      let scenarios: readonly InjectionSpec[] = defaultScenarios;
      if (flags.inject.length > 0) {
        scenarios = flags.inject.map((text) => {
          const spec = parseInjectionSpec(text);
          if (!spec.ok) throw failure(spec.error);
          return spec.value;
        });
      }
      if (flags.writeDocs && !existsSync(join('packages', 'core', 'src', 'calibrate'))) {
        throw new UsageError('--write-docs must be run from the repository root');
      }
      const t0 = performance.now();
      // Progress: one line per method on a log, a bar on a terminal, nothing with --quiet or --json.
      const quiet = Boolean(flags.quiet || flags.json);
      const bar = Boolean(process.stderr.isTTY) && !quiet;
      const progress = progressDisplay({ quiet: !bar, lang: 'en' });
      const note = (line: string) => {
        if (!quiet && !bar) process.stderr.write(line);
      };
      const explicitReps = flags.reps !== undefined || flags.powerReps !== undefined || flags.inject.length > 0;
      const summaries: CalibrationSummary[][] = [];
      let plan: CalibrationPlan | undefined;
      for (const conditions of conditionSets) {
        plan = { reps, powerReps, seed, alpha, conditions, scenarios };
        const base = plan;
        note(
          `calibrating ${methods.length} method(s) under "${conditions.label}" conditions: ${reps} clean + ${powerReps} x ${scenarios.length} manipulated elections each, ${workers} worker(s)\n`,
        );
        let done = 0;
        progress.onProgress({ phase: 'calibrate', label: conditions.label, done, total: methods.length });
        const results = await calibrateAll(
          methods,
          (id) => planFor(id, base, explicitReps),
          workers,
          (c, seconds) => {
            done++;
            progress.onProgress({ phase: 'calibrate', label: c.method, done, total: methods.length });
            note(`  ${c.method}: false-positive rate ${fmtRate(c.falsePositiveRate.rate)} (${seconds.toFixed(1)} s)\n`);
          },
        );
        summaries.push(results.map(summarizeForJson));
      }
      progress.stop();
      note(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
      const primary = summaries[0];
      const all = summaries.flat();
      const flagged = [...new Set(all.filter((s) => s.sizeExceedsThreshold).map((s) => s.method))];
      const json = {
        alpha,
        reps,
        powerReps,
        seed,
        conditions: primary[0]?.conditions ?? null,
        sizeFlagThreshold: SIZE_FLAG_THRESHOLD,
        sizeExceedsThreshold: flagged,
        methods: Object.fromEntries(primary.map((s) => [s.method, s])),
        ...(summaries.length > 1
          ? {
              otherConditions: Object.fromEntries(
                summaries
                  .slice(1)
                  .map((set) => [set[0]?.conditions.label, Object.fromEntries(set.map((s) => [s.method, s]))]),
              ),
            }
          : {}),
      };
      if (flags.out) await commitOutputs([{ path: flags.out, data: `${JSON.stringify(json, null, 2)}\n` }]);
      if (flags.writeDocs && plan) await writeDocs(all, primary, plan, flags);
      if (flags.json) {
        printJson(json);
        return;
      }
      printTable(all);
    });
}

function commandLine(plan: CalibrationPlan, flags: CalibrateFlags): string {
  const parts = ['npx tally calibrate'];
  if (flags.methods) parts.push(`--methods ${flags.methods}`);
  if (flags.reps) parts.push(`--reps ${plan.reps}`);
  if (flags.powerReps) parts.push(`--power-reps ${plan.powerReps}`);
  parts.push(`--seed ${plan.seed}`);
  if (flags.conditions && flags.conditions !== 'default') parts.push(`--conditions ${flags.conditions}`);
  if (flags.stations) parts.push(`--stations ${flags.stations}`);
  parts.push('--write-docs');
  return parts.join(' ');
}

async function writeDocs(
  summaries: CalibrationSummary[],
  pages: CalibrationSummary[],
  plan: CalibrationPlan,
  flags: CalibrateFlags,
): Promise<void> {
  // Keep measured records of methods not re-run this time (e.g. --methods a subset).
  let previous: CalibrationSummary[] = [];
  if (existsSync(MEASURED_FILE)) previous = JSON.parse(readFileSync(MEASURED_FILE, 'utf8')) as CalibrationSummary[];
  const fresh = new Set(summaries.map((s) => `${s.method}|${s.conditions.label}`));
  const merged = [...previous.filter((p) => !fresh.has(`${p.method}|${p.conditions.label}`)), ...summaries].sort(
    (a, b) => a.method.localeCompare(b.method) || a.conditions.label.localeCompare(b.conditions.label),
  );
  await renderDocs(merged, pages, commandLine(plan, flags));
}

/** `--docs-only`: the docs again from the measured table (e.g. after a change to their wording). */
async function rewriteDocsFromMeasured(): Promise<void> {
  if (!existsSync(MEASURED_FILE))
    throw new UsageError(`--docs-only needs ${MEASURED_FILE}: run from the repository root`);
  const records = JSON.parse(readFileSync(MEASURED_FILE, 'utf8')) as CalibrationSummary[];
  const labels = [...new Set(records.map((r) => r.conditions.label))];
  const command = `npx tally calibrate --seed ${records[0]?.seed ?? 1}${labels.length > 1 || labels[0] !== 'default' ? ` --conditions ${labels.join(',')}` : ''} --write-docs`;
  // Pages quote the realistic record of each method, the `default` one when there is one.
  const pages = new Map<string, CalibrationSummary>();
  for (const r of records) {
    if (DIAGNOSTIC_CONDITIONS.includes(r.conditions.label)) continue;
    const seen = pages.get(r.method);
    if (!seen || r.conditions.label === 'default') pages.set(r.method, r);
  }
  await renderDocs(records, [...pages.values()], command);
}

async function renderDocs(records: CalibrationSummary[], pages: CalibrationSummary[], command: string): Promise<void> {
  const files: OutputFile[] = [
    { path: MEASURED_FILE, data: `${JSON.stringify(records, null, 2)}\n` },
    { path: DOCS_FILE, data: `${calibrationMarkdown(records, command)}\n` },
  ];
  // Method pages quote the first (realistic) conditions of the run.
  for (const s of pages) {
    if (DIAGNOSTIC_CONDITIONS.includes(s.conditions.label)) continue;
    const page = join('docs', 'methods', `${s.method}.md`);
    if (!existsSync(page)) continue;
    files.push({ path: page, data: withMethodBlock(readFileSync(page, 'utf8'), methodBlock(s, command)) });
  }
  await commitOutputs(files);
  process.stderr.write(`wrote ${DOCS_FILE}, ${MEASURED_FILE} and the calibration block of each method page\n`);
}

function printTable(summaries: CalibrationSummary[]): void {
  const out = process.stdout;
  out.write(`${paint('method'.padEnd(32), 'bold')} false-positive rate (95 % interval)\n`);
  for (const s of summaries) {
    const i = s.falsePositiveInterval;
    const flag = s.sizeExceedsThreshold ? paint(`  size above ${SIZE_FLAG_THRESHOLD}`, 'red') : '';
    out.write(
      `${s.method.padEnd(32)} ${fmtRate(s.falsePositiveRate)} (${i.lower.toFixed(3)}-${i.upper.toFixed(3)})${flag}\n`,
    );
    for (const p of s.power) {
      out.write(
        `    power ${`${p.kind} ${p.fraction}${p.kind === 'late_count' ? `:${p.intensity}` : ''}`.padEnd(26)} ${fmtRate(p.detectionRate)}\n`,
      );
    }
  }
}
