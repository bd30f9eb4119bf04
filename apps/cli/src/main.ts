/** The `tally` command: builds the commander program and maps failures to exit codes (0 ok, 1 data, 2 usage). */
import { Command, CommanderError } from 'commander';
import { DataError, paint, UsageError, useColor } from './cli_errors.ts';
import { guardTerminalOutput } from './terminal_safe.ts';
import { TALLY_VERSION } from './version.ts';

// Each command's module is imported only when that command runs (in the bundle each is its own chunk), so a run
// does not load the code of the others (report rendering, the web server, ...). Order = order in --help.
const COMMANDS: readonly (readonly [string, () => Promise<Command>])[] = [
  ['audit', async () => (await import('./commands/audit.ts')).auditCommand()],
  ['validate', async () => (await import('./commands/validate.ts')).validateCommand()],
  ['summary', async () => (await import('./commands/summary.ts')).summaryCommand()],
  ['latecount', async () => (await import('./commands/latecount.ts')).latecountCommand()],
  ['presets', async () => (await import('./commands/presets.ts')).presetsCommand()],
  ['run', async () => (await import('./commands/run.ts')).runCommand()],
  ['simulate', async () => (await import('./commands/simulate.ts')).simulateCommand()],
  ['calibrate', async () => (await import('./commands/calibrate.ts')).calibrateCommand()],
  ['serve', async () => (await import('./commands/serve.ts')).serveCommand()],
  ['batch', async () => (await import('./commands/batch.ts')).batchCommand()],
  ['map', async () => (await import('./commands/map.ts')).mapCommand()],
  ['cache', async () => (await import('./commands/cache.ts')).cacheCommand()],
];

/**
 * Builds the program: with only the command that `argv` names when its first argument is a command name, else with
 * every command (for help, --version and unknown-command messages).
 */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('tally')
    .description('Election forensics from polling-station results: what the data say about an allegation.')
    .version(TALLY_VERSION)
    .showHelpAfterError('(run with --help for usage)');
  const named = COMMANDS.filter(([name]) => name === argv[2]);
  // `tally --version` prints the version and nothing else: no command needs loading.
  const versionOnly = argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V');
  // `tally batch merge ... --out` must reach merge's --out, not batch's: the options of a command stop at its
  // subcommand only when every command above it stops there too.
  if (argv[2] === 'batch') program.enablePositionalOptions();
  const wanted = named.length === 1 ? named : versionOnly ? [] : COMMANDS;
  const commands = await Promise.all(wanted.map(([, load]) => load()));
  if (commands.length > 0) {
    const { CACHED_COMMANDS, withCacheOption } = await import('./cache_choice.ts');
    for (const command of commands) {
      program.addCommand(CACHED_COMMANDS.has(command.name()) ? withCacheOption(command) : command);
    }
  }
  return program;
}

function configure(command: Command): void {
  command.exitOverride();
  command.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const sub of command.commands) configure(sub);
}

/** Runs the CLI with `argv` (process.argv shape) and returns the exit code. The only top-level catch. */
export async function main(argv: string[]): Promise<number> {
  // Imported here rather than at start-up: atomic_output.ts loads @tally/ingest, which `tally --version` never needs.
  const { installCancellation } = await import('./atomic_output.ts');
  const uninstallCancellation = installCancellation();
  const unguard = guardTerminalOutput({ stdout: useColor(process.stdout), stderr: useColor(process.stderr) });
  try {
    const program = await buildProgram(argv);
    configure(program);
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    const color = useColor(process.stderr);
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
        return 0;
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`${paint('usage error:', 'red', color)} ${e.message}\n`);
      return 2;
    }
    if (e instanceof DataError) {
      process.stderr.write(`${paint('error:', 'red', color)} ${e.message}\n`);
      for (const line of e.details) process.stderr.write(`  ${line}\n`);
      return 1;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`${paint('internal error:', 'red', color)} ${message}\n`);
    if (process.env.TALLY_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    else
      process.stderr.write('This is a bug in Tally, not in your data. Set TALLY_DEBUG=1 for details and report it.\n');
    return 1;
  } finally {
    unguard();
    uninstallCancellation();
  }
}
