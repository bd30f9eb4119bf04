/** `tally map FILE`: a suggested mapping file from a results file's header, to check and pass to `--map`. */
import { basename } from 'node:path';
import {
  type LoadedTable,
  loadTableMapped,
  type MappingSuggestion,
  previewFile,
  suggestionYaml,
  suggestMapping,
} from '@tally/ingest';
import { Command } from 'commander';
import { commitOutputs } from '../atomic_output.ts';
import { DataError, failure, printJson } from '../cli_io.ts';

/** Rows read to tell count columns from text ones. */
const SAMPLE_ROWS = 200;

/** The map command. */
export function mapCommand(): Command {
  return new Command('map')
    .description('suggest a column mapping (YAML) from a results file header; check it, then use --map FILE')
    .argument('<file>', 'results file (CSV, TSV, gzip CSV, Parquet, JSON, XLSX)')
    .option('--out <mapping>', 'write the mapping to this file (.yaml, or .json for JSON) instead of printing it')
    .option('--json', 'print the mapping as JSON')
    .action(async (file: string, opts: { out?: string; json?: boolean }) => {
      const preview = await previewFile(file, SAMPLE_ROWS);
      if (!preview.ok) throw failure(preview.error);
      const title = basename(file).replace(/(\.(csv|tsv|txt|json|parquet|xlsx|gz))+$/i, '');
      const suggestion = await checked(file, suggestMapping(preview.value.columns, preview.value.rows, title));
      const asJson = opts.json || opts.out?.toLowerCase().endsWith('.json');
      const { id: _id, ...mapping } = suggestion.mapping;
      const text = asJson ? `${JSON.stringify(mapping, null, 2)}\n` : suggestionYaml(suggestion, basename(file));
      if (opts.out === undefined) {
        if (opts.json) printJson(mapping);
        else process.stdout.write(text);
        if (opts.json) for (const n of suggestion.notes) process.stderr.write(`note: ${n}\n`);
        return;
      }
      try {
        await commitOutputs([{ path: opts.out, data: text }]);
      } catch (e) {
        throw new DataError(`cannot write ${opts.out}: ${(e as Error).message}`);
      }
      for (const n of suggestion.notes) process.stderr.write(`note: ${n}\n`);
      process.stdout.write(`wrote ${opts.out}; check it, then: tally validate ${file} --map ${opts.out}\n`);
    });
}

/**
 * Loads the file with the suggestion. A station number that restarts within regions is joined with them; when it is
 * unique on its own, the shorter id is kept. The result's row count and problems become a note.
 */
async function checked(file: string, s: MappingSuggestion): Promise<MappingSuggestion> {
  let { mapping } = s;
  const notes = [...s.notes];
  if (mapping.station.length > 1) {
    const alone = { ...mapping, station: [mapping.station[mapping.station.length - 1]] };
    const tried = await loadTableMapped(file, alone);
    if (tried.ok && !tried.value.issues.some((i) => i.rule === 'duplicate_station_id')) {
      mapping = alone;
      notes[0] = `station id: "${String(alone.station[0])}" (unique in this file on its own)`;
    }
  }
  const loaded = await loadTableMapped(file, mapping);
  if (loaded.ok) notes.push(checkNote(loaded.value));
  else notes.push(`check: the file does not load with this mapping yet: ${loaded.error.message}`);
  return { mapping, notes };
}

function checkNote(l: LoadedTable): string {
  const errors = l.issues.filter((i) => i.level === 'error').length;
  const warnings = l.issues.length - errors;
  return `check: ${l.rows} rows, ${l.table.n} stations, ${l.table.candidates.length} candidates; ${errors} error(s), ${warnings} warning(s) (tally validate lists them)`;
}
