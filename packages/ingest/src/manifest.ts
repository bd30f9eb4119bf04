/**
 * Dataset folders: a manifest.json names each file, its preset and its role (final count, snapshot, arrival keys),
 * so a command can take the folder (e.g. examples/bolivia-2019) as its input.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { err, ok, type Result, type TallyError } from '@tally/core';
import { type AttachSpec, attachKeys } from './attach.ts';
import type { JoinSpec } from './join_check.ts';
import { type LoadedKeys, type LoadedTable, loadKeys, loadTable } from './load_table.ts';

/** One file in a dataset folder. */
export interface ManifestDataset {
  id: string;
  file: string;
  preset: string;
  kind: 'final' | 'snapshot' | 'arrival' | 'results' | 'keys';
  title?: string;
  /** For snapshots: the instant of the snapshot (ISO 8601 with offset). */
  time?: string;
  /** Keys files to attach, in order (a later one may match on what an earlier one attached). */
  attach?: AttachSpec | AttachSpec[];
  /** For another election's results: how its stations join the stations of the election it is compared with. */
  join?: JoinSpec;
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

/** The attachments of a dataset entry, as a list. */
export function attachList(entry: ManifestDataset): AttachSpec[] {
  if (entry.attach === undefined) return [];
  return Array.isArray(entry.attach) ? entry.attach : [entry.attach];
}

async function loadEntry(
  dir: string,
  manifest: Manifest,
  entry: ManifestDataset,
  keyCache: Map<string, LoadedKeys>,
): Promise<Result<LoadedTable, TallyError>> {
  const loaded = await loadTable(join(dir, entry.file), { preset: entry.preset });
  if (!loaded.ok || !entry.attach) return loaded;
  let table = loaded.value.table;
  const issues = [...loaded.value.issues];
  for (const spec of attachList(entry)) {
    const keyEntry = manifest.datasets.find((d) => d.id === spec.dataset);
    if (!keyEntry) {
      return err({
        kind: 'parse_error',
        file: join(dir, 'manifest.json'),
        rule: 'invalid_manifest',
        message: `dataset "${entry.id}" attaches unknown dataset "${spec.dataset}"`,
      });
    }
    const keys = await loadKeyEntry(dir, keyEntry, keyCache);
    if (!keys.ok) return keys;
    const attached = attachKeys(table, keys.value, spec);
    if (!attached.ok) {
      const where = `${join(dir, 'manifest.json')}: dataset "${entry.id}" attaching "${spec.dataset}"`;
      return err({ ...attached.error, message: `${where}: ${attached.error.message}` } as TallyError);
    }
    table = attached.value.table;
    for (const item of attached.value.issues) issues.push(item);
  }
  return ok({ ...loaded.value, table: { ...table, meta: { ...table.meta, snapshotTime: entry.time } }, issues });
}
