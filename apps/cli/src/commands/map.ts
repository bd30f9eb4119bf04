/** `tally map FILE`: a suggested mapping file from a results file's header, to check and pass to `--map`. */
import { basename } from 'node:path';
import {
  type LoadedTable,
  loadTableMapped,
  type MappingNote,
  type MappingSuggestion,
  previewFile,
  type ResultsMapping,
  suggestionYaml,
  suggestMapping,
} from '@tally/ingest';
import { type Lang, translate } from '@tally/report';
import { Command } from 'commander';
import { commitOutputs } from '../atomic_output.ts';
import { DataError, failure, printJson } from '../cli_io.ts';
import { LANG_HELP, resolveLang } from '../lang.ts';

/** Rows read to tell count columns from text ones. */
const SAMPLE_ROWS = 200;

/** The map command. */
export function mapCommand(): Command {
  return new Command('map')
    .description('suggest a column mapping (YAML) from a results file header; check it, then use --map FILE')
    .argument('<file>', 'results file (CSV, TSV, gzip CSV, Parquet, JSON, XLSX)')
    .option('--out <mapping>', 'write the mapping to this file (.yaml, or .json for JSON) instead of printing it')
    .option('--json', 'print the mapping as JSON')
    .option('--lang <code>', LANG_HELP)
    .action(async (file: string, opts: { out?: string; json?: boolean; lang?: string }) => {
      const lang = resolveLang(opts.lang);
      const printNotes = (notes: readonly string[]) => {
        for (const text of notes) process.stderr.write(`${translate(lang, 'cli.map.note', { text })}\n`);
      };
      const preview = await previewFile(file, SAMPLE_ROWS);
      if (!preview.ok) throw failure(preview.error);
      const title = basename(file).replace(/(\.(csv|tsv|txt|json|parquet|xlsx|gz))+$/i, '');
      const suggestion = await checked(file, suggestMapping(preview.value.columns, preview.value.rows, title), lang);
      const asJson = opts.json || opts.out?.toLowerCase().endsWith('.json');
      const { id: _id, ...mapping } = suggestion.mapping;
      const comments = [translate(lang, 'cli.map.yaml_header', { source: basename(file) }), ...suggestion.notes];
      const text = asJson ? `${JSON.stringify(mapping, null, 2)}\n` : suggestionYaml(suggestion.mapping, comments);
      if (opts.out === undefined) {
        if (opts.json) printJson(mapping);
        else process.stdout.write(text);
        if (opts.json) printNotes(suggestion.notes);
        return;
      }
      try {
        await commitOutputs([{ path: opts.out, data: text }]);
      } catch (e) {
        throw new DataError(`cannot write ${opts.out}: ${(e as Error).message}`);
      }
      printNotes(suggestion.notes);
      process.stdout.write(`${translate(lang, 'cli.map.wrote', { out: opts.out, file })}\n`);
    });
}

/**
 * Loads the file with the suggestion. A station number that restarts within regions is joined with them; when it is
 * unique on its own, the shorter id is kept. The result's row count and problems become a note. Notes are in `lang`.
 */
async function checked(
  file: string,
  s: MappingSuggestion,
  lang: Lang,
): Promise<{ mapping: ResultsMapping; notes: string[] }> {
  let { mapping } = s;
  const notes = s.notes.map((note) => noteText(note, lang));
  if (mapping.station.length > 1) {
    const alone = { ...mapping, station: [mapping.station[mapping.station.length - 1]] };
    const tried = await loadTableMapped(file, alone);
    if (tried.ok && !tried.value.issues.some((i) => i.rule === 'duplicate_station_id')) {
      mapping = alone;
      notes[0] = translate(lang, 'cli.map.station_unique', { column: String(alone.station[0]) });
    }
  }
  const loaded = await loadTableMapped(file, mapping);
  if (loaded.ok) notes.push(checkNote(loaded.value, lang));
  else notes.push(translate(lang, 'cli.map.check_failed', { reason: loaded.error.message }));
  return { mapping, notes };
}

/**
 * A note of the suggestion in `lang`. Column names go in as they are (printing escapes their control characters);
 * a list of them is quoted the language's way and joined with " + "; counts are written as plain digits.
 */
function noteText(note: MappingNote, lang: Lang): string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(note.params)) {
    if (typeof value === 'string') params[name] = value;
    else if (typeof value === 'number') params[name] = String(value);
    else params[name] = value.map((column) => translate(lang, 'cli.map.column', { column })).join(' + ');
  }
  return translate(lang, `cli.map.suggest.${note.key}`, params);
}

function checkNote(l: LoadedTable, lang: Lang): string {
  const errors = l.issues.filter((i) => i.level === 'error').length;
  const count = (value: number) => ({ kind: 'count', value }) as const;
  return translate(lang, 'cli.map.check', {
    rows: count(l.rows),
    stations: count(l.table.n),
    candidates: count(l.table.candidates.length),
    errors: count(errors),
    warnings: count(l.issues.length - errors),
  });
}
