/**
 * `tally run`: the standard forensic battery (Election Forensics Toolkit statistics and friends) on
 * turnout and the main candidates, overall and per region, with bootstrap intervals and
 * Benjamini-Hochberg adjusted p-values across every (method, region, target) cell (computed by @tally/audit's
 * runBattery; this file reads the arguments and prints).
 */
import { type AdjustedResult, type OnProgress, rowAccount, runBattery } from '@tally/audit';
import {
  type BatteryReport,
  type CellMethod,
  defaultBatteryIds,
  type ForensicMethod,
  findBatteryMethod,
  findMethod,
  methodRegistry,
  resolveMethodOptions,
  type StationTable,
  shareStationTable,
} from '@tally/core';
import type { LoadedTable } from '@tally/ingest';
import { formatNumber, type Lang, translate } from '@tally/report';
import { Command } from 'commander';
import {
  DataError,
  EXCLUDE_INVALID_HELP,
  failure,
  loadInputOrExit,
  paint,
  printJson,
  rowAccountLine,
  UsageError,
} from '../cli_io.ts';
import { flaggedLine, writeRunFlagged } from '../flagged_csv.ts';
import { LANG_HELP, resolveLang } from '../lang.ts';
import { progressDisplay } from '../progress.ts';

const say = (text: string) => process.stdout.write(text);

/** The options of `tally run`, as strings from the command line. */
export interface RunOptions {
  preset?: string;
  map?: string;
  dataset?: string;
  methods?: string;
  by?: string;
  bootstrap: string;
  seed: string;
  candidates?: string;
  threads?: string;
  json?: boolean;
  lang?: string;
  option: string[];
  out?: string;
  flaggedCsv?: string;
  quiet?: boolean;
  excludeInvalid?: boolean;
}

function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return items.length > 0 ? items : undefined;
}

function integerOption(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer >= ${min}, got "${value}"`);
  return n;
}

/** The methods named by --methods (default: the battery without first-digit Benford), split by kind. */
export function chooseMethods(ids: string[] | undefined): {
  battery: CellMethod[];
  other: ForensicMethod[];
} {
  const wanted = ids ?? [...defaultBatteryIds];
  const battery: CellMethod[] = [];
  const other: ForensicMethod[] = [];
  for (const id of wanted) {
    const b = findBatteryMethod(id);
    if (b) {
      battery.push(b);
      continue;
    }
    const m = findMethod(id);
    if (!m) {
      const known = methodRegistry.map((x) => x.id).join(', ');
      throw new UsageError(`--methods: unknown method "${id}"; methods: ${known}`);
    }
    other.push(m);
  }
  return { battery, other };
}

/** The run command. */
export function runCommand(): Command {
  return new Command('run')
    .description(
      'the standard forensic battery (2BL, last digits, C05s, P05s, shape, dip, correlation, Sobyanin-Sukhovolsky)',
    )
    .argument('<input>', 'results file or dataset folder (e.g. examples/russia-2018)')
    .option('--preset <name>', 'a shipped column mapping (see `tally presets`)')
    .option('--map <file>', 'your own column mapping (JSON or YAML)')
    .option('--dataset <id>', 'for a dataset folder: which dataset (default: the manifest default)')
    .option('--exclude-invalid', EXCLUDE_INVALID_HELP)
    .option('--methods <ids>', `comma-separated method ids (default: the battery, ${defaultBatteryIds.join(',')})`)
    .option('--by <level>', 'also run every method in each region of this level (e.g. region, department, tik)')
    .option('--bootstrap <B>', 'bootstrap replicates for the intervals (0 = none)', '1000')
    .option('--seed <S>', 'random seed', '1')
    .option('--candidates <names>', 'comma-separated candidates (default: every candidate with >= 5% nationally)')
    .option(
      '--threads <N>',
      'worker threads for the bootstrap and Monte Carlo (default: the cores, at most 8, when the work is large enough ' +
        'to repay starting them; 1 = none; results do not depend on it)',
    )
    .option(
      '--option <name=value>',
      "a method's option, e.g. alpha=2.3 or klimek_fraud_model.min_voters=100 (repeatable; see the method's page)",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--json', 'print one JSON object')
    .option('--lang <code>', LANG_HELP)
    .option('--out <dir>', 'also write report.html, report.json, findings.csv and battery.xlsx to this folder')
    .option('--flagged-csv <file>', 'write the stations behind the findings (integer_percent: whole percentages)')
    .option('--quiet', 'no progress on stderr')
    .action(async (input: string, opts: RunOptions) => {
      const lang = resolveLang(opts.lang);
      const progress = progressDisplay({ quiet: Boolean(opts.quiet || opts.json), lang });
      progress.phase('load', input);
      const run = await computeRun(input, opts, progress.onProgress);
      const { loaded, table, report, results } = run;
      if (opts.out !== undefined || opts.flaggedCsv !== undefined)
        progress.phase('write', opts.out ?? opts.flaggedCsv ?? '');
      const flagged =
        opts.flaggedCsv === undefined
          ? undefined
          : await writeRunFlagged(
              opts.flaggedCsv,
              table,
              results,
              run.methodOptions.get('integer_percent'),
              run.candidates,
            );
      const written =
        opts.out === undefined
          ? []
          : // Loaded only for --out: the report renderer and the workbook are most of the CLI's code.
            await (await import('../run_outputs.ts')).writeRunOutputs(opts.out, {
              loaded,
              table,
              results,
              methodIds: run.methodIds,
              by: opts.by,
              seed: run.seed,
              replicates: report.replicates,
              rows: [rowAccount(loaded)],
              lang,
            });
      progress.stop();
      if (opts.json) {
        printJson(run.json);
        return;
      }
      printTable(table.meta.name, rowAccountLine(loaded, lang), report, results, lang);
      if (written.length > 0) say(`${translate(lang, 'cli.run.wrote', { files: written.join(', ') })}\n`);
      if (flagged !== undefined) say(`${flaggedLine(lang, flagged.rows, flagged.file)}\n`);
    });
}

/** What `tally run` computed: the JSON it prints with --json, and the parts its table is drawn from. */
export interface ComputedRun {
  readonly json: Record<string, unknown>;
  readonly loaded: LoadedTable;
  readonly table: StationTable;
  readonly report: BatteryReport;
  readonly results: AdjustedResult[];
  readonly methodIds: string[];
  readonly methodOptions: Map<string, Record<string, number | string | boolean>>;
  readonly candidates: string[] | undefined;
  readonly seed: number;
}

/**
 * Loads the input and runs the chosen methods as `tally run` does (the batch runner calls it too); a bad option is a
 * UsageError, a data problem a DataError.
 */
export async function computeRun(input: string, opts: RunOptions, onProgress?: OnProgress): Promise<ComputedRun> {
  const methods = chooseMethods(list(opts.methods));
  const methodOptions = resolveMethodOptions(methods.other, opts.option);
  if (!methodOptions.ok) throw new UsageError(`--option ${methodOptions.error.message}`);
  const bootstrap = integerOption('bootstrap', opts.bootstrap, 0);
  const seed = integerOption('seed', opts.seed, 0);
  const threads = opts.threads !== undefined ? integerOption('threads', opts.threads, 1) : undefined;
  const loaded = sharedColumns(
    await loadInputOrExit(input, { ...opts, quiet: opts.json || opts.quiet, lang: resolveLang(opts.lang) }),
    threads,
  );
  const table = loaded.table;
  if (opts.by !== undefined && !table.regions.some((r) => r.name === opts.by)) {
    const levels = table.regions.map((r) => r.name).join(', ') || '(none)';
    throw new UsageError(`--by ${opts.by}: no such region level; this table has: ${levels}`);
  }
  const candidates = list(opts.candidates);
  const run = await runBattery(table, {
    ...methods,
    by: opts.by,
    bootstrap,
    seed,
    candidates,
    methodOptions: methodOptions.value,
    threads,
    onProgress,
  });
  if (!run.ok) throw failure(run.error);
  const { report, results } = run.value;
  if (report.results.length === 0) throw new DataError('no cell could be computed', skippedLines(report));
  const json = {
    input: loaded.file,
    sha256: loaded.sha256,
    preset: loaded.mapping.id,
    election: table.meta,
    stations: table.n,
    rowAccounting: [rowAccount(loaded)],
    methods: [...methods.battery, ...methods.other].map((m) => m.id),
    by: report.by,
    seed: report.seed,
    bootstrap: { replicates: report.replicates, level: report.level, method: 'percentile' },
    multipleTesting: { method: 'benjamini-hochberg', over: 'every (method, region, target) cell with a p-value' },
    targets: report.targets,
    results,
    skipped: report.skipped,
  };
  const methodIds = [...methods.battery, ...methods.other].map((m) => m.id);
  return { json, loaded, table, report, results, methodIds, methodOptions: methodOptions.value, candidates, seed };
}

/**
 * The loaded table with its columns on shared memory, unless the run has one thread: worker threads then read this
 * one copy, and the table as read, no longer referenced once this returns, is left to the garbage collector.
 */
function sharedColumns(loaded: LoadedTable, threads: number | undefined): LoadedTable {
  return threads === 1 ? loaded : { ...loaded, table: shareStationTable(loaded.table) };
}

function skippedLines(report: BatteryReport): string[] {
  return report.skipped
    .slice(0, 20)
    .map((s) => `${s.method} / ${s.target}${s.region ? ` / ${s.region}` : ''}: ${s.error.message}`);
}

function num(x: number | null | undefined, lang: Lang, digits = 4): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  if (x !== 0 && Math.abs(x) < 1e-3) return x.toExponential(1).replace('.', lang === 'en' ? '.' : ',');
  return formatNumber(x, lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const TARGET_WIDTH = 22;

/**
 * Names too long for their column are cut and tagged "… [k]", and the key lists each in full below the table, so that
 * two parties whose names start alike ("7. Политическая партия ...") can still be told apart.
 */
export function abbreviations(width: number): { cell(name: string): string; key(): [number, string][] } {
  const keys = new Map<string, number>();
  return {
    cell(name) {
      if (name.length <= width) return name;
      const k = keys.get(name) ?? keys.size + 1;
      keys.set(name, k);
      const tag = `… [${k}]`;
      return `${name.slice(0, width - tag.length).trimEnd()}${tag}`;
    },
    key: () => [...keys].map(([name, k]) => [k, name]),
  };
}

function printTable(name: string, file: string, report: BatteryReport, results: AdjustedResult[], lang: Lang): void {
  const out = process.stdout;
  out.write(`${paint(name, 'bold')}\n${file}\n`);
  out.write(
    `${translate(lang, 'cli.run.header', {
      replicates: { kind: 'count', value: report.replicates },
      seed: String(report.seed),
      level: { kind: 'percent', value: report.level, digits: 0 },
    })}\n`,
  );
  let region: string | undefined | null = null;
  const col = (key: 'col_target' | 'col_method' | 'col_statistic' | 'col_interval') =>
    translate(lang, `cli.run.${key}`);
  const names = abbreviations(TARGET_WIDTH);
  const header = `  ${col('col_target').padEnd(TARGET_WIDTH)} ${col('col_method').padEnd(26)} ${col('col_statistic').padEnd(34)} ${col('col_interval').padEnd(21)} ${'p'.padStart(8)} ${'p(BH)'.padStart(8)} ${'n'.padStart(7)}`;
  for (const r of results) {
    if (r.region !== region) {
      region = r.region;
      out.write(`\n${paint(region ?? translate(lang, 'label.whole_data'), 'bold')}\n${paint(header, 'dim')}\n`);
    }
    const boot = r.details.bootstrap as
      | { intervals: Record<string, { lower: number | null; upper: number | null }> }
      | undefined;
    const iv = boot?.intervals[r.statisticName];
    const sep = lang === 'en' ? ', ' : '; ';
    const interval = iv && iv.lower !== null ? `[${num(iv.lower, lang)}${sep}${num(iv.upper, lang)}]` : '';
    const stat = `${r.statisticName} ${num(r.statistic, lang)}`;
    const target = r.target === 'turnout' ? translate(lang, 'target.turnout') : (r.target ?? '');
    const flag = r.warnings.length > 0 ? paint(' !', 'yellow') : '';
    out.write(
      `  ${names.cell(target).padEnd(TARGET_WIDTH)} ${r.method.padEnd(26)} ${stat.slice(0, 34).padEnd(34)} ${interval.padEnd(21)} ${num(r.pValue, lang).padStart(8)} ${num(r.pAdjusted, lang).padStart(8)} ${String(r.n).padStart(7)}${flag}\n`,
    );
    // The reason for the mark, right under the row it marks.
    for (const w of r.warnings) out.write(`${paint(`    ! ${w}`, 'yellow')}\n`);
  }
  const key = names.key();
  if (key.length > 0) {
    out.write(`\n${translate(lang, 'cli.run.names_key')}\n`);
    for (const [k, name] of key) out.write(`  [${k}] ${name}\n`);
  }
  const warned = results.filter((r) => r.warnings.length > 0).length;
  if (warned > 0) out.write(`\n${translate(lang, 'cli.run.warned', { n: { kind: 'count', value: warned } })}\n`);
  if (report.skipped.length > 0) {
    out.write(`${translate(lang, 'cli.run.skipped', { n: { kind: 'count', value: report.skipped.length } })}\n`);
  }
  out.write(`${translate(lang, 'cli.run.footer')}\n`);
}
