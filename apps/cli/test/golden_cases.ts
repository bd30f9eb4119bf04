/**
 * The golden reports: which commands are run on the bundled examples, and how their JSON is produced. Shared by
 * `golden.test.ts` (re-runs and compares byte for byte) and `golden_update.ts` (`npm run golden:update`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CliRun, ROOT, runCli } from './run_cli.ts';

/** Where the checked-in golden files live. */
export const GOLDEN_DIR = join(ROOT, 'apps', 'cli', 'test', 'golden');

/** One golden report: a file name and the `tally` arguments that produce it (`{out}` is a fresh temporary folder). */
export interface GoldenCase {
  name: string;
  args: string[];
  /** When set, the golden text is this file inside `{out}` instead of stdout. */
  outFile?: string;
}

const SUMMARIES: [string, string][] = [
  ['bolivia-2019', 'computo'],
  ['bolivia-2019', 'trep-2019-10-20'],
  ['bolivia-2019', 'trep-2019-10-21'],
  ['bolivia-2020', 'computo-partial'],
  ['bolivia-2020', 'recinto-final'],
  ['russia-2011', 'uik'],
  ['russia-2012', 'uik'],
  ['russia-2018', 'uik'],
];

/** Every golden case. (bolivia-2019's `arrival` dataset is a keys file with no votes: `summary` refuses it.) */
export const GOLDEN_CASES: GoldenCase[] = [
  ...SUMMARIES.map(([folder, dataset]) => ({
    name: `summary_${folder}_${dataset}.json`,
    args: ['summary', `examples/${folder}`, '--dataset', dataset, '--json'],
  })),
  {
    name: 'latecount_bolivia-2019_trep-2019-10-20.json',
    // Bolivia's run-off line, stated as the allegation file states it (the command's default is 0: who is ahead).
    args: [
      'latecount',
      'examples/bolivia-2019',
      '--cutoff',
      'trep-2019-10-20',
      '--threshold',
      '10',
      '--seed',
      '1',
      '--json',
    ],
  },
  {
    name: 'run_russia-2018_bootstrap200.json',
    args: ['run', 'examples/russia-2018', '--seed', '1', '--bootstrap', '200', '--json'],
  },
  {
    name: 'audit_bolivia-2019_report.json',
    args: ['audit', 'examples/bolivia-2019/allegation.yaml', '--seed', '1', '--out', '{out}'],
    outFile: 'report.json',
  },
];

/** Runs one case through the real binary and returns its JSON text, or throws with the command's stderr. */
export async function produceGolden(c: GoldenCase): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tally-golden-'));
  try {
    const run: CliRun = await runCli(c.args.map((a) => (a === '{out}' ? dir : a)));
    if (run.code !== 0) throw new Error(`tally ${c.args.join(' ')} exited ${run.code}: ${run.stderr}`);
    return c.outFile ? readFileSync(join(dir, c.outFile), 'utf8') : run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `fn` over `items` with at most `limit` at a time (the machine has two cores). */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
