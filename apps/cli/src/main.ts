/** The `tally` command: builds the commander program and maps failures to exit codes (0 ok, 1 data, 2 usage). */
import { Command, CommanderError } from 'commander';
import { installCancellation } from './atomic_output.ts';
import { DataError, paint, UsageError, useColor } from './cli_io.ts';
import { auditCommand } from './commands/audit.ts';
import { calibrateCommand } from './commands/calibrate.ts';
import { latecountCommand } from './commands/latecount.ts';
import { presetsCommand } from './commands/presets.ts';
import { runCommand } from './commands/run.ts';
import { serveCommand } from './commands/serve.ts';
import { simulateCommand } from './commands/simulate.ts';
import { summaryCommand } from './commands/summary.ts';
import { validateCommand } from './commands/validate.ts';
import { TALLY_VERSION } from './version.ts';

/** Builds the program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('tally')
    .description('Election forensics from polling-station results: what the data say about an allegation.')
    .version(TALLY_VERSION)
    .showHelpAfterError('(run with --help for usage)');
  program.addCommand(auditCommand());
  program.addCommand(validateCommand());
  program.addCommand(summaryCommand());
  program.addCommand(latecountCommand());
  program.addCommand(presetsCommand());
  program.addCommand(runCommand());
  program.addCommand(simulateCommand());
  program.addCommand(calibrateCommand());
  program.addCommand(serveCommand());
  return program;
}

function configure(command: Command): void {
  command.exitOverride();
  command.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const sub of command.commands) configure(sub);
}

/** Runs the CLI with `argv` (process.argv shape) and returns the exit code. The only top-level catch. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  configure(program);
  const uninstallCancellation = installCancellation();
  try {
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
    uninstallCancellation();
  }
}
