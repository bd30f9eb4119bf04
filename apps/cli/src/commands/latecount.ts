/** `tally latecount`: the late-count analysis of a count cut at a snapshot, a percentile of arrival or a time. */
import { statSync } from 'node:fs';
import {
  type CutoffSpec,
  createRng,
  type LateCountReport,
  marginsBySite,
  type OtherElection,
  type ProjectionOptions,
  parseInstant,
  runLateCount,
  type StationTable,
} from '@tally/core';
import { readManifest } from '@tally/ingest';
import { Command } from 'commander';
import { failure, loadInputOrExit, paint, printJson, UsageError } from '../cli_io.ts';
import { type RowAccount, rowAccount } from '../row_account.ts';

interface LatecountOptions {
  cutoff: string;
  candidates?: string;
  threshold: string;
  sims: string;
  seed: string;
  rule: string;
  scale: string;
  minDonors: string;
  bandwidth?: string;
  feLevel?: string;
  clusterLevel?: string;
  utcOffset?: string;
  dataset?: string;
  preset?: string;
  map?: string;
  changes?: boolean;
  other?: string;
  otherCandidates?: string;
  otherKey?: string;
  json?: boolean;
}

function number(name: string, text: string, integer = false): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || (integer && !Number.isInteger(v)))
    throw new UsageError(`--${name} must be ${integer ? 'an integer' : 'a number'}, got "${text}"`);
  return v;
}

const PERCENT = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/;

/** Loads the table to cut and turns --cutoff into a CutoffSpec. */
async function resolveInputs(
  input: string,
  opts: LatecountOptions,
): Promise<{ final: StationTable; cutoff: CutoffSpec; accounts: RowAccount[] }> {
  let isDir = false;
  try {
    isDir = statSync(input).isDirectory();
  } catch {
    isDir = false;
  }
  const quiet = { quiet: opts.json };
  if (isDir) {
    const manifest = readManifest(input);
    if (!manifest.ok) throw failure(manifest.error);
    const m = manifest.value;
    const snap = m.datasets.find((d) => d.id === opts.cutoff);
    if (snap !== undefined) {
      if (snap.kind !== 'snapshot' && snap.kind !== 'results')
        throw new UsageError(`--cutoff ${opts.cutoff}: dataset is a ${snap.kind}, not a snapshot`);
      const finalId = opts.dataset ?? m.datasets.find((d) => d.kind === 'final')?.id ?? m.default;
      if (finalId === snap.id)
        throw new UsageError(`--cutoff ${snap.id} is the table being cut; name the final count with --dataset`);
      const final = await loadInputOrExit(input, { dataset: finalId, ...quiet });
      const snapshot = await loadInputOrExit(input, { dataset: snap.id, ...quiet });
      return {
        final: final.table,
        cutoff: { kind: 'snapshot', snapshot: snapshot.table, label: snap.id },
        accounts: [rowAccount(final), rowAccount(snapshot)],
      };
    }
    const final = await loadInputOrExit(input, { dataset: opts.dataset ?? m.default, ...quiet });
    return {
      final: final.table,
      cutoff: cutoffValue(
        opts,
        m.datasets.filter((d) => d.kind === 'snapshot').map((d) => d.id),
      ),
      accounts: [rowAccount(final)],
    };
  }
  const final = await loadInputOrExit(input, { preset: opts.preset, map: opts.map, ...quiet });
  return { final: final.table, cutoff: cutoffValue(opts, []), accounts: [rowAccount(final)] };
}

function cutoffValue(opts: LatecountOptions, snapshots: string[]): CutoffSpec {
  const pct = PERCENT.exec(opts.cutoff);
  if (pct !== null) return { kind: 'percentile', value: Number(pct[1]) };
  const t = parseInstant(opts.cutoff, opts.utcOffset === undefined ? {} : { defaultOffset: opts.utcOffset });
  if (t.ok) return { kind: 'time', ms: t.ms, label: opts.cutoff };
  const known = snapshots.length > 0 ? ` Snapshots in this folder: ${snapshots.join(', ')}.` : '';
  const hint = t.reason === 'missing_offset' ? ' Add an offset (e.g. 2020-10-19T12:00-04:00) or --utc-offset.' : '';
  throw new UsageError(
    `--cutoff "${opts.cutoff}" is not a snapshot id, a percentile (e.g. 83.85) or a time: ${t.message}.${hint}${known}`,
  );
}

/** Loads `--other` (a folder, folder:dataset, or file) and its margins per site key. */
async function loadOther(
  final: StationTable,
  opts: LatecountOptions,
  accounts: RowAccount[],
): Promise<OtherElection | undefined> {
  if (opts.other === undefined) return undefined;
  const levels = final.regions.map((r) => r.name);
  const level = opts.otherKey ?? (levels.includes('recinto_code') ? 'recinto_code' : levels[levels.length - 1]);
  if (level === undefined || !levels.includes(level))
    throw new UsageError(
      `--other-key ${level}: no such region level; this table has: ${levels.join(', ') || '(none)'}`,
    );
  const m = /^(.*):([^:/\\]+)$/.exec(opts.other);
  const [path, dataset] = m !== null && !/^[A-Za-z]$/.test(m[1]) ? [m[1], m[2]] : [opts.other, undefined];
  const loaded = await loadInputOrExit(path, { dataset, quiet: opts.json });
  accounts.push(rowAccount(loaded));
  const names = opts.otherCandidates?.split(',').map((x) => x.trim());
  const margins = marginsBySite(loaded.table, level, names);
  if (!margins.ok) throw failure(margins.error);
  const [a, b] = margins.value.candidates;
  return { level, marginByKey: margins.value.margins, name: `${loaded.table.meta.name}, ${a} - ${b}` };
}

/** The latecount command. */
export function latecountCommand(): Command {
  return new Command('latecount')
    .description(
      'late-count analysis: margin curve, counterfactual projection, discontinuity at the cutoff with placebos, composition of the late shift, snapshot diff',
    )
    .argument('<input>', 'dataset folder (e.g. examples/bolivia-2019) or results file with an arrival column')
    .requiredOption(
      '--cutoff <cutoff>',
      'a snapshot dataset id (e.g. trep-2019-10-20), a percentile of arrival (e.g. 83.85) or a time (ISO 8601)',
    )
    .option('--candidates <A,B>', 'the two candidates whose margin A - B is followed (default: the top two)')
    .option('--threshold <points>', 'report the share of projections at or above this margin', '10')
    .option('--sims <n>', 'projection simulations', '1000')
    .option('--seed <n>', 'random seed (same seed, same output)', '1')
    .option(
      '--rule <rule>',
      'projection rule: donor (draw a counted station of the area) or mean (area rates)',
      'donor',
    )
    .option('--scale <scale>', 'registered (copy rates per registered voter) or none (copy raw votes)', 'registered')
    .option('--min-donors <n>', 'fewest counted stations an area needs to be used for projection', '3')
    .option('--bandwidth <points>', 'discontinuity bandwidth in percent of stations (default: Imbens-Kalyanaraman)')
    .option('--fe-level <level>', 'region level for the fixed-effects repeat (default: the narrowest; none to skip)')
    .option(
      '--cluster-level <level>',
      'region level of clusters for standard errors (default: the narrowest; none = HC0)',
    )
    .option('--utc-offset <offset>', 'UTC offset for a --cutoff time written without one, e.g. -04:00')
    .option('--dataset <id>', 'for a dataset folder: the table to cut (default: the final count, else the default)')
    .option('--preset <name>', 'for a file: a shipped column mapping')
    .option('--map <file>', 'for a file: your own column mapping')
    .option('--no-changes', 'leave the list of changed stations out of the snapshot diff (totals only)')
    .option(
      '--other <input>',
      'another election at the same sites for the composition: folder, folder:dataset, or file',
    )
    .option('--other-candidates <A,B>', "the other election's two candidates (default: its top two)")
    .option(
      '--other-key <level>',
      'region level whose labels join the two elections (default: recinto_code, else the narrowest)',
    )
    .option('--json', 'print one JSON object')
    .action(async (input: string, opts: LatecountOptions) => {
      const projection: ProjectionOptions = {
        sims: number('sims', opts.sims, true),
        threshold: number('threshold', opts.threshold),
        rule: opts.rule as 'donor',
        scale: opts.scale as 'registered',
        minDonors: number('min-donors', opts.minDonors, true),
      };
      const seed = number('seed', opts.seed, true);
      const candidates = opts.candidates?.split(',').map((s) => s.trim());
      const { final, cutoff, accounts } = await resolveInputs(input, opts);
      const otherElection = await loadOther(final, opts, accounts);
      const report = runLateCount(
        final,
        cutoff,
        {
          candidates,
          projection,
          discontinuity: {
            bandwidth: opts.bandwidth === undefined ? undefined : number('bandwidth', opts.bandwidth),
            feLevel: opts.feLevel,
            clusterLevel: opts.clusterLevel,
          },
          listChanges: opts.changes !== false,
          otherElection,
          seed,
        },
        createRng(seed),
      );
      if (!report.ok) throw failure(report.error);
      if (opts.json) printJson({ input, election: final.meta.name, rowAccounting: accounts, ...report.value });
      else printSummary(final, report.value);
    });
}

const f2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const int = (x: number): string => x.toLocaleString('en-US');
const signed = (x: number): string => (x >= 0 ? `+${f2(x)}` : f2(x));

function printSummary(final: StationTable, r: LateCountReport): void {
  const out: string[] = [];
  out.push(paint(`Late-count analysis: ${final.meta.name}, cut at ${r.cutoff}`, 'bold'));
  out.push(`Margin followed: ${r.candidates.a} minus ${r.candidates.b}, in points of the official denominator`);
  out.push(
    `Counted at the cutoff: ${int(r.countedStations)} of ${int(r.stations)} stations (${f2(r.countedStationsPct)}%), ` +
      `${f2(r.countedRegisteredPct)}% of registered voters`,
  );
  out.push(
    `Margin of counted stations ${f2(r.countedMargin)}; final ${f2(r.finalMargin)}; late shift ${signed(r.lateShift)} ` +
      `(late stations alone: ${f2(r.lateMargin)})`,
  );
  const p = r.projection;
  if ('skipped' in p) out.push(`Projection: not run (${p.skipped})`);
  else {
    out.push(
      `Projection from counted stations (${int(p.sims)} sims, ${p.rule} rule, ${p.scale} scaling, areas with >= ${p.minDonors} counted): ` +
        `median ${f2(p.median)}, 95% interval [${f2(p.lo)}, ${f2(p.hi)}]; at or above ${p.threshold} in ${f2(100 * p.shareAbove)}% of sims`,
    );
    out.push(
      `  actual final ${f2(p.actualFinalMargin)} (${signed(p.gap)} from the median); stations projected by area: ${p.levels.map((l) => `${l.level} ${int(l.stations)}`).join(', ')}`,
    );
  }
  const d = r.discontinuity;
  if ('skipped' in d) out.push(`Discontinuity: not run (${d.skipped})`);
  else {
    const pl = d.placebo;
    out.push(
      `Discontinuity at position ${f2(d.cutoff)}: jump ${signed(d.estimate)} points (SE ${f2(d.se)}, p = ${d.pValue.toPrecision(2)}), bandwidth ${f2(d.bandwidth)}` +
        (pl ? `; placebo cutoffs with a jump as large: ${f2(100 * pl.shareAtLeast)}% of ${pl.estimates.length}` : ''),
    );
    if (d.fixedEffects)
      out.push(
        `  with ${d.fixedEffects.level} fixed effects: ${signed(d.fixedEffects.estimate)} (SE ${f2(d.fixedEffects.se)})`,
      );
  }
  const c = r.composition;
  if ('skipped' in c) out.push(`Composition: not run (${c.skipped})`);
  else {
    const narrow = c.regions[c.regions.length - 1];
    if (narrow)
      out.push(
        `Composition: late stations voting like early ones of their own ${narrow.level} explain ${f2(100 * narrow.shareExplained)}% of the late shift`,
      );
    const o = c.otherElection;
    if (o)
      out.push(
        `  with ${o.name} at the same sites (${int(o.matchedEarly)} early, ${int(o.matchedLate)} late stations matched): ` +
          `${f2(100 * o.shareExplained)}% of the matched late-minus-early difference explained`,
      );
  }
  const s = r.snapshotDiff;
  if (s !== null) {
    if ('skipped' in s) out.push(`Snapshot diff: not run (${s.skipped})`);
    else
      out.push(
        `Snapshot vs final: ${int(s.changedStations)} of ${int(s.common)} common stations changed; totals ${
          Object.entries(s.totals)
            .filter(([, v]) => v !== 0)
            .map(([k, v]) => `${k} ${v > 0 ? '+' : ''}${int(v)}`)
            .join(', ') || 'none'
        }`,
      );
  }
  for (const w of r.warnings) out.push(paint(`warning: ${w}`, 'yellow'));
  out.push(
    paint(
      'A late shift alone does not show manipulation: late stations are often rural or remote and vote differently ' +
        '(Bolivia 2020 is the negative control). See docs/methods/latecount.md.',
      'dim',
    ),
  );
  process.stdout.write(`${out.join('\n')}\n`);
}
