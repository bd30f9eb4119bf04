/**
 * The parsing child process: reads one user file (DuckDB, exceljs) and sends the result back over IPC, then exits.
 * A crash or exhausted memory here ends this process only; the server turns it into an error for that request.
 */
import { loadTable, type MappingChoice, previewFile } from '@tally/ingest';
import type { ParseRequest } from './isolated_parse.ts';

process.once('message', async (message: unknown) => {
  const request = message as ParseRequest;
  const result =
    request.op === 'preview'
      ? await previewFile(request.path)
      : await loadTable(request.path, request.choice as MappingChoice);
  process.send?.(result, () => process.exit(0));
});
