/**
 * `tally batch <batch.yaml> --out DIR [--shard i/n]`: runs a list of audits and runs, one shard of it per process, so
 * that a scheduler (a shell loop, GNU parallel, a Slurm array, a Kubernetes Indexed Job) spreads a batch over
 * machines; `tally batch merge DIR... --out DIR` gathers the shards. See docs/scale.md.
 */
import { translate } from '@tally/report';
import { Command } from 'commander';
import { readBatchFile } from '../batch/batch_file.ts';
import { mergeShards } from '../batch/merge.ts';
import { runShard } from '../batch/run_jobs.ts';
import { DataError, UsageError } from '../cli_io.ts';
import { resolveLang } from '../lang.ts';

/** Parses `i/n` (0 <= i < n); a mistake is a usage error. */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || count < 1 || index >= count) {
    throw new UsageError(`--shard must be i/n with 0 <= i < n (e.g. 0/4, the first of four), got "${text}"`);
  }
  return { index, count };
}

const count = (value: number) => ({ kind: 'count' as const, value });

function parseSeed(text: string): number {
  const seed = Number(text);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new UsageError(`--seed must be an integer between 0 and 4294967295, got "${text}"`);
  }
  return seed;
}

/** Parses --threads: an integer >= 1, as `tally run --threads`; a mistake is a usage error. */
export function parseThreads(text: string): number {
  const threads = Number(text);
  if (!Number.isInteger(threads) || threads < 1) {
    throw new UsageError(`--threads must be an integer >= 1, got "${text}"`);
  }
  return threads;
}

const THREADS_OPTION =
  "worker threads of every job's bootstrap and Monte Carlo, as tally run --threads (default: the cores, at most 8, " +
  'where the work repays them); several shards on one machine: cores/shards each, e.g. 1. Same outputs whatever N';

const LANG_OPTION =
  "language of the HTML: en, es or ru (default: each allegation's lang, then en; never the locale, so every machine of a cluster writes the same bytes)";

function mergeCommand(): Command {
  return new Command('merge')
    .description('gather shard folders into one: every job folder, index.json, index.html and findings.csv')
    .argument('<dirs...>', 'the --out folders of the shards (all of them, each once)')
    .requiredOption('--out <dir>', 'the merged folder (created if missing; may be one of the shard folders)')
    .option('--lang <code>', 'language of index.html: en, es or ru (default en)')
    .action(async (dirs: string[], opts: { out: string; lang?: string }) => {
      const lang = opts.lang === undefined ? 'en' : resolveLang(opts.lang);
      const index = await mergeShards(dirs, opts.out, lang);
      const { ok, failed } = index.counts;
      const line = translate(resolveLang(opts.lang), 'batch.merged', {
        jobs: count(index.jobs.length),
        ok: count(ok),
        failed: count(failed),
        out: opts.out,
      });
      process.stdout.write(`${line}\n`);
    });
}

/** The options of `tally batch`, as strings from the command line. */
interface BatchOptions {
  out?: string;
  shard: string;
  seed: string;
  threads?: string;
  lang?: string;
}

/** The `batch` command and its `merge` subcommand. */
export function batchCommand(): Command {
  return new Command('batch')
    .description('run the jobs of a batch file (audits and runs), or one shard of them; exit 1 when a job failed')
    .argument('[batch]', 'batch file, YAML (see docs/scale.md)')
    .option('--out <dir>', 'folder for batch.json and one folder per job (created if missing)')
    .option('--shard <i/n>', 'run only the jobs at positions k with k mod n = i (from 0)', '0/1')
    .option('--seed <n>', 'seed of every job that names none (same seed, same bytes)', '1')
    .option('--threads <N>', THREADS_OPTION)
    .option('--lang <code>', LANG_OPTION)
    .enablePositionalOptions()
    .addCommand(mergeCommand())
    .action(async (file: string | undefined, opts: BatchOptions) => {
      if (file === undefined) throw new UsageError('give a batch file: tally batch <batch.yaml> --out DIR');
      if (opts.out === undefined) throw new UsageError("required option '--out <dir>' not specified");
      const shard = parseShard(opts.shard);
      const seed = parseSeed(opts.seed);
      const threads = opts.threads === undefined ? undefined : parseThreads(opts.threads);
      const lang = opts.lang === undefined ? undefined : resolveLang(opts.lang);
      const batch = readBatchFile(file);
      const done = await runShard(batch, {
        out: opts.out,
        ...shard,
        seed,
        threads,
        lang,
        log: (line) => process.stderr.write(`${line}\n`),
      });
      const line = translate(resolveLang(opts.lang), 'batch.shard_done', {
        shard: `${shard.index}/${shard.count}`,
        jobs: count(done.ok + done.failed),
        total: count(batch.jobs.length),
        ok: count(done.ok),
        failed: count(done.failed),
        out: opts.out,
      });
      process.stdout.write(`${line}\n`);
      if (done.failed > 0) {
        throw new DataError(`${done.failed} job(s) failed; see ${opts.out}/<job>/status.json`);
      }
    });
}
