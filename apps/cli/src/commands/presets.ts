/** `tally presets`: the shipped column mappings. */

import { listPresets, PRESET_DIR } from '@tally/ingest';
import { Command } from 'commander';
import { paint, printJson } from '../cli_io.ts';

/** The presets command. */
export function presetsCommand(): Command {
  return new Command('presets')
    .description('list the shipped column mappings (presets)')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const presets = listPresets();
      if (opts.json) {
        printJson(presets);
        return;
      }
      for (const p of presets) process.stdout.write(`${paint(p.id.padEnd(24), 'bold')} ${p.title}\n`);
      process.stdout.write(`\nPreset files: ${PRESET_DIR}\n`);
    });
}
