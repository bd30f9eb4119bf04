/** `tally serve`: the local web workbench, bound to 127.0.0.1 unless told otherwise. */
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAllegation, resolveAllegation } from '@tally/ingest';
import { buildReport, renderHtml, renderJson } from '@tally/report';
import { type AuditRunner, startServer } from '@tally/web';
import { Command } from 'commander';
import { runAudit } from '../audit/run_audit.ts';
import { failure, UsageError } from '../cli_io.ts';
import { TALLY_VERSION } from '../version.ts';

const EXAMPLES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'examples');

/** The audit pipeline of `tally audit`, for the web app. */
export const auditForWeb: AuditRunner = async (allegationPath, { seed, lang, onProgress }) => {
  onProgress(0, 3, 'reading the allegation and its data');
  // An edited allegation comes from the page: it may name only files of the bundled examples.
  const allegation = readAllegation(allegationPath, { roots: [EXAMPLES_DIR] });
  if (!allegation.ok) throw failure(allegation.error);
  const resolved = await resolveAllegation(allegation.value);
  if (!resolved.ok) throw failure(resolved.error);
  onProgress(1, 3, 'running the analyses');
  await new Promise((r) => setImmediate(r));
  const run = runAudit(resolved.value, seed, TALLY_VERSION);
  onProgress(2, 3, 'writing the report');
  const report = buildReport({ ...run.input, lang });
  if (!report.ok) throw failure(report.error);
  return { report: report.value, reportJson: renderJson(report.value), html: await renderHtml(report.value, lang) };
};

/** The serve command. */
export function serveCommand(): Command {
  return new Command('serve')
    .description('start the local web workbench (upload or pick data, run methods and audits, see the evidence)')
    .option('--port <n>', 'port (0 = any free port)', '8737')
    .option('--host <address>', 'address to bind; anything but loopback is reachable by others', '127.0.0.1')
    .option('--root <dir...>', 'folders whose files may be loaded by path (default: the current folder)')
    .option('--max-upload-mb <n>', 'largest upload accepted', '512')
    .option('--open', 'open the app in the default browser')
    .action(async (opts: { port: string; host: string; root?: string[]; maxUploadMb: string; open?: boolean }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port must be 0-65535, got ${opts.port}`);
      const maxMb = Number(opts.maxUploadMb);
      if (!(maxMb > 0)) throw new UsageError('--max-upload-mb must be a positive number');
      const roots = (opts.root ?? [process.cwd()]).map((r) => resolve(r));
      const { url } = await startServer({
        port,
        host: opts.host,
        examplesDir: EXAMPLES_DIR,
        roots: [...roots, EXAMPLES_DIR],
        version: TALLY_VERSION,
        maxUploadBytes: Math.floor(maxMb * 1024 * 1024),
        audit: auditForWeb,
      });
      process.stdout.write(`Tally is running at ${url}  (Ctrl-C to stop)\n`);
      if (opts.open) {
        const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'start' : 'xdg-open';
        spawn(opener, [url], { stdio: 'ignore', detached: true })
          .on('error', () => {})
          .unref();
      }
      await new Promise(() => {});
    });
}

/** The bundled examples folder (used by tests). */
export const examplesDir = (): string => EXAMPLES_DIR;
