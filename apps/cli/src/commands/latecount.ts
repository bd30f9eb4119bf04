/** `tally latecount`: the late-count analysis of a count cut at a snapshot, a percentile of arrival or a time. */
import { statSync } from 'node:fs';
import { type RowAccount, rowAccount } from '@tally/audit';
import {
  type CutoffSpec,
  createRng,
  marginsBySite,
  type OtherElection,
  type ProjectionOptions,
  parseInstant,
  runLateCount,
  type StationTable,
} from '@tally/core';
import { readManifest } from '@tally/ingest';
import { Command } from 'commander';
import { EXCLUDE_INVALID_HELP, failure, loadInputOrExit, printJson, rowAccountLine, UsageError } from '../cli_io.ts';
import { flaggedLine, writeLatecountFlagged } from '../flagged_csv.ts';
import { LANG_HELP, resolveLang } from '../lang.ts';
import { latecountSummary } from '../latecount_text.ts';
import { progressDisplay } from '../progress.ts';

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
  lang?: string;
  flaggedCsv?: string;
  quiet?: boolean;
  excludeInvalid?: boolean;
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
  const quiet = { quiet: opts.json, excludeInvalid: opts.excludeInvalid };
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
  const loaded = await loadInputOrExit(path, { dataset, quiet: opts.json, excludeInvalid: opts.excludeInvalid });
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
    .option(
      '--threshold <points>',
      'report the share of projections at or above this margin (0 = who is ahead; Bolivia’s run-off line is 10)',
      '0',
    )
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
    .option('--exclude-invalid', EXCLUDE_INVALID_HELP)
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
    .option('--lang <code>', LANG_HELP)
    .option('--flagged-csv <file>', 'also write the late stations (not counted at the cutoff) to this CSV')
    .option('--quiet', 'no progress on stderr')
    .action(async (input: string, opts: LatecountOptions) => {
      const lang = resolveLang(opts.lang);
      const projection: ProjectionOptions = {
        sims: number('sims', opts.sims, true),
        threshold: number('threshold', opts.threshold),
        rule: opts.rule as 'donor',
        scale: opts.scale as 'registered',
        minDonors: number('min-donors', opts.minDonors, true),
      };
      const seed = number('seed', opts.seed, true);
      const candidates = opts.candidates?.split(',').map((s) => s.trim());
      const progress = progressDisplay({ quiet: Boolean(opts.quiet || opts.json), lang });
      progress.phase('load', input);
      const { final, cutoff, accounts } = await resolveInputs(input, { ...opts, json: opts.json || opts.quiet });
      const otherElection = await loadOther(final, { ...opts, json: opts.json || opts.quiet }, accounts);
      progress.phase('latecount', opts.cutoff);
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
      const flagged =
        opts.flaggedCsv === undefined
          ? undefined
          : await writeLatecountFlagged(opts.flaggedCsv, final, cutoff, candidates, report.value.cutoff);
      progress.stop();
      if (opts.json) printJson({ input, election: final.meta.name, rowAccounting: accounts, ...report.value });
      else {
        process.stdout.write(`${latecountSummary(final, report.value, lang)}\n`);
        for (const a of accounts) process.stdout.write(`${rowAccountLine(a, lang)}\n`);
      }
      if (flagged !== undefined && !opts.json)
        process.stdout.write(`${flaggedLine(lang, flagged.rows, flagged.file)}\n`);
    });
}
