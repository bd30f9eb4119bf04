/** The files an allegation reads, for the report's list of inputs and their hashes. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Allegation } from './allegation_schema.ts';
import { attachList, readManifest } from './manifest.ts';

/** Every file or folder an allegation names, with the key that names it. */
export function namedFiles(allegation: Allegation): { key: string; path: string }[] {
  const files: { key: string; path: string }[] = [];
  for (const e of allegation.elections) {
    files.push({ key: `elections.${e.id}.data`, path: e.data });
    if (e.map !== undefined) files.push({ key: `elections.${e.id}.map`, path: e.map });
  }
  const stations = allegation.alleged.stations;
  if (stations?.kind === 'file') files.push({ key: 'alleged.stations.file', path: stations.file });
  const missing = allegation.alleged.announced?.missing;
  if (missing !== undefined) files.push({ key: 'alleged.announced.missing', path: missing });
  return files;
}

/** The SHA-256 of a file's bytes, in hex. */
export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Files a dataset of a folder reads: manifest.json, the dataset and the keys it attaches. */
export function datasetFiles(dir: string, id: string | undefined): string[] {
  const m = readManifest(dir);
  if (!m.ok) return [];
  const entry = m.value.datasets.find((d) => d.id === (id ?? m.value.default));
  if (!entry) return [];
  const files = [join(dir, 'manifest.json'), join(dir, entry.file)];
  if (entry.map !== undefined) files.push(join(dir, entry.map));
  for (const spec of attachList(entry)) {
    const keys = m.value.datasets.find((d) => d.id === spec.dataset);
    if (keys && !files.includes(join(dir, keys.file))) files.push(join(dir, keys.file));
  }
  return files;
}
