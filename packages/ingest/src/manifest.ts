/**
 * Dataset folders: a manifest.json names each file, its preset and its role (final count, snapshot, arrival keys),
 * so a command can take the folder (e.g. examples/bolivia-2019) as its input.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { err, ok, type RegionLevel, type Result, type StationTable, type TallyError } from '@tally/core';
import type { ValidationIssue } from './issues.ts';
import { type LoadedKeys, type LoadedTable, loadKeys, loadTable } from './load_table.ts';

/** How a keys dataset enriches a results dataset, matched on station id. */
export interface AttachSpec {
  dataset: string;
  arrival?: { attribute: string; kind: 'rank' | 'percentile' | 'time' };
  regions?: { name: string; attribute: string }[];
}

/** One file in a dataset folder. */
export interface ManifestDataset {
  id: string;
  file: string;
  preset: string;
  kind: 'final' | 'snapshot' | 'arrival' | 'results' | 'keys';
  title?: string;
  /** For snapshots: the instant of the snapshot (ISO 8601 with offset). */
  time?: string;
  attach?: AttachSpec;
}

/** The manifest.json of a dataset folder. */
export interface Manifest {
  name: string;
  description?: string;
  /** The dataset a single-table command (summary, validate, run) uses. */
  default: string;
  datasets: ManifestDataset[];
}

/** A dataset folder with every file loaded. */
export interface LoadedManifest {
  name: string;
  dir: string;
  defaultId: string;
  manifest: Manifest;
  datasets: Map<string, LoadedTable>;
  keys: Map<string, LoadedKeys>;
}

/** Reads and checks `dir/manifest.json`. */
export function readManifest(dir: string): Result<Manifest, TallyError> {
  const path = join(dir, 'manifest.json');
  let value: Manifest;
  try {
    value = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no manifest.json in this folder' : (e as Error).message.split('\n')[0];
    return err({ kind: 'io_error', file: path, message: `${path}: ${why}` });
  }
  if (!Array.isArray(value.datasets) || value.datasets.length === 0) {
    return err({ kind: 'parse_error', file: path, rule: 'invalid_manifest', message: `${path}: "datasets" is empty` });
  }
  if (!value.datasets.some((d) => d.id === value.default)) {
    return err({
      kind: 'parse_error',
      file: path,
      rule: 'invalid_manifest',
      message: `${path}: "default" must name one of the datasets (${value.datasets.map((d) => d.id).join(', ')})`,
    });
  }
  return ok(value);
}

/** Loads only the named dataset of a folder (with its attachments). */
export async function loadManifestDataset(dir: string, id?: string): Promise<Result<LoadedTable, TallyError>> {
  const manifest = readManifest(dir);
  if (!manifest.ok) return manifest;
  const wanted = id ?? manifest.value.default;
  const entry = manifest.value.datasets.find((d) => d.id === wanted);
  if (!entry) {
    const ids = manifest.value.datasets.map((d) => d.id).join(', ');
    return err({ kind: 'invalid_options', option: 'dataset', message: `${dir}: no dataset "${wanted}" (has: ${ids})` });
  }
  return loadEntry(dir, manifest.value, entry, new Map());
}

/** Loads every dataset of a folder. */
export async function loadManifest(dir: string): Promise<Result<LoadedManifest, TallyError>> {
  const manifest = readManifest(dir);
  if (!manifest.ok) return manifest;
  const keys = new Map<string, LoadedKeys>();
  const datasets = new Map<string, LoadedTable>();
  for (const entry of manifest.value.datasets) {
    if (entry.kind === 'arrival' || entry.kind === 'keys') {
      const loaded = await loadKeyEntry(dir, entry, keys);
      if (!loaded.ok) return loaded;
      continue;
    }
    const loaded = await loadEntry(dir, manifest.value, entry, keys);
    if (!loaded.ok) return loaded;
    datasets.set(entry.id, loaded.value);
  }
  return ok({
    name: manifest.value.name,
    dir: resolve(dir),
    defaultId: manifest.value.default,
    manifest: manifest.value,
    datasets,
    keys,
  });
}

async function loadKeyEntry(
  dir: string,
  entry: ManifestDataset,
  cache: Map<string, LoadedKeys>,
): Promise<Result<LoadedKeys, TallyError>> {
  const cached = cache.get(entry.id);
  if (cached) return ok(cached);
  const loaded = await loadKeys(join(dir, entry.file), { preset: entry.preset });
  if (loaded.ok) cache.set(entry.id, loaded.value);
  return loaded;
}

async function loadEntry(
  dir: string,
  manifest: Manifest,
  entry: ManifestDataset,
  keyCache: Map<string, LoadedKeys>,
): Promise<Result<LoadedTable, TallyError>> {
  const loaded = await loadTable(join(dir, entry.file), { preset: entry.preset });
  if (!loaded.ok || !entry.attach) return loaded;
  const keyEntry = manifest.datasets.find((d) => d.id === entry.attach?.dataset);
  if (!keyEntry) {
    return err({
      kind: 'parse_error',
      file: join(dir, 'manifest.json'),
      rule: 'invalid_manifest',
      message: `dataset "${entry.id}" attaches unknown dataset "${entry.attach.dataset}"`,
    });
  }
  const keys = await loadKeyEntry(dir, keyEntry, keyCache);
  if (!keys.ok) return keys;
  const attached = attachKeys(loaded.value.table, keys.value, entry.attach);
  const meta = { ...attached.table.meta, snapshotTime: entry.time };
  return ok({
    ...loaded.value,
    table: { ...attached.table, meta },
    issues: [...loaded.value.issues, ...attached.issues],
  });
}

/** Adds arrival and extra region levels from a keys table, matched on station id; unmatched stations are listed. */
export function attachKeys(
  table: StationTable,
  keys: LoadedKeys,
  spec: AttachSpec,
): { table: StationTable; issues: ValidationIssue[] } {
  const index = new Map<string, number>();
  for (let i = 0; i < keys.ids.length; i++) index.set(keys.ids[i], i);
  const rows = new Int32Array(table.n);
  const issues: ValidationIssue[] = [];
  let unmatched = 0;
  for (let i = 0; i < table.n; i++) {
    const k = index.get(table.ids[i]);
    rows[i] = k ?? -1;
    if (k === undefined) {
      unmatched++;
      if (unmatched <= 20) {
        issues.push({
          level: 'warning',
          file: keys.file,
          rule: 'unmatched_key',
          message: `station "${table.ids[i]}" has no row in the keys file`,
        });
      }
    }
  }
  if (unmatched > 20) {
    issues.push({
      level: 'warning',
      file: keys.file,
      rule: 'unmatched_key',
      message: `${unmatched - 20} more stations unmatched`,
    });
  }
  let arrival = table.arrival;
  if (spec.arrival) {
    const source = keys.attributes[spec.arrival.attribute];
    const values = new Float64Array(table.n);
    for (let i = 0; i < table.n; i++) values[i] = rows[i] < 0 ? Number.NaN : Number(source[rows[i]]);
    arrival = { kind: spec.arrival.kind, column: spec.arrival.attribute, values };
  }
  const regions: RegionLevel[] = [...table.regions];
  for (const r of spec.regions ?? []) {
    const source = keys.attributes[r.attribute];
    const labels: string[] = [];
    const codeOf = new Map<string, number>();
    const codes = new Int32Array(table.n);
    for (let i = 0; i < table.n; i++) {
      const label = rows[i] < 0 ? '(unmatched)' : String(source[rows[i]]);
      let c = codeOf.get(label);
      if (c === undefined) {
        c = labels.length;
        codeOf.set(label, c);
        labels.push(label);
      }
      codes[i] = c;
    }
    regions.push({ name: r.name, labels, codes });
  }
  return { table: { ...table, arrival, regions }, issues };
}
