/**
 * Dataset folders: a manifest.json names each file, its preset and its role (final count, snapshot, arrival keys),
 * so a command can take the folder (e.g. examples/bolivia-2019) as its input.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { err, ok, type Result, type TallyError } from '@tally/core';
import { type AttachSpec, attachKeys } from './attach.ts';
import { isInside } from './contain.ts';
import type { JoinSpec } from './join_check.ts';
import { type LoadedKeys, type LoadedTable, loadKeys, loadTable, type MappingChoice } from './load_table.ts';
import { listPresets } from './mapping.ts';
import { readSmallText } from './safe_read.ts';

/** One file in a dataset folder. */
export interface ManifestDataset {
  id: string;
  file: string;
  /** A shipped preset id; or, in its place, `map`. */
  preset?: string;
  /** A mapping file (JSON or YAML) in the manifest's folder, for a user's own election. */
  map?: string;
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
  /** The name in the web app's languages (en, es, ru), where it differs from `name`. */
  titles?: Partial<Record<'en' | 'es' | 'ru', string>>;
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
  const text = readSmallText(path, 'manifest.json');
  if (!text.ok) {
    const missing = text.error.kind === 'io_error' && text.error.message.endsWith('no such file');
    return missing ? err({ kind: 'io_error', file: path, message: `${path}: no manifest.json in this folder` }) : text;
  }
  let value: Manifest;
  try {
    value = JSON.parse(text.value) as Manifest;
  } catch (e) {
    const why = (e as Error).message.split('\n')[0];
    return err({ kind: 'parse_error', file: path, rule: 'invalid_manifest', message: `${path}: ${why}` });
  }
  if (typeof value !== 'object' || value === null) {
    return err({ kind: 'parse_error', file: path, rule: 'invalid_manifest', message: `${path}: not a JSON object` });
  }
  const titles = value.titles as unknown;
  if (
    titles !== undefined &&
    (typeof titles !== 'object' ||
      titles === null ||
      Object.entries(titles).some(([k, v]) => !['en', 'es', 'ru'].includes(k) || typeof v !== 'string'))
  ) {
    const message = `${path}: "titles" must map en, es or ru to a text`;
    return err({ kind: 'parse_error', file: path, rule: 'invalid_manifest', message });
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
  const presets = listPresets().map((p) => p.id);
  for (const d of value.datasets) {
    const problem = datasetEntryProblem(dir, d, presets);
    if (problem !== undefined) {
      return err({ kind: 'parse_error', file: path, rule: 'invalid_manifest', message: `${path}: ${problem}` });
    }
  }
  return ok(value);
}

/**
 * Names what is wrong with one dataset entry: its file must be a path that, after following symbolic links, stays
 * inside the manifest's folder (a manifest must not make Tally read ../../etc/passwd), and its preset must exist.
 */
function datasetEntryProblem(dir: string, d: ManifestDataset, presets: readonly string[]): string | undefined {
  const name = `dataset "${String(d?.id)}"`;
  if (typeof d !== 'object' || d === null || typeof d.id !== 'string') return 'each dataset needs an "id"';
  if (typeof d.file !== 'string' || d.file === '') return `${name}: "file" must name a file in this folder`;
  // A missing file is left to the reader (its usual "no such file"); an existing one must really be inside.
  if (!insideFolder(dir, d.file)) {
    return `${name}: "file" ${JSON.stringify(d.file)} is outside the manifest's folder (after following links); a manifest may only name files in its own folder`;
  }
  if ((d.preset === undefined) === (d.map === undefined)) return `${name}: give either "preset" or "map"`;
  if (d.map !== undefined) {
    if (typeof d.map !== 'string' || d.map === '') return `${name}: "map" must name a mapping file in this folder`;
    if (!insideFolder(dir, d.map)) {
      return `${name}: "map" ${JSON.stringify(d.map)} is outside the manifest's folder (after following links); a manifest may only name files in its own folder`;
    }
    return undefined;
  }
  if (typeof d.preset !== 'string' || !presets.includes(d.preset)) {
    return `${name}: unknown preset ${JSON.stringify(d.preset)}; known presets: ${presets.join(', ')}`;
  }
  return undefined;
}

/** True when `file`, relative to `dir`, stays inside `dir` (lexically, and after following links if it exists). */
function insideFolder(dir: string, file: string): boolean {
  const target = resolve(dir, file);
  const lexical = relative(resolve(dir), target);
  const escapes = lexical === '..' || lexical.startsWith(`..${sep}`) || isAbsolute(lexical);
  return !escapes && (!existsSync(target) || isInside(target, [dir]));
}

/** How to read a dataset entry's file: its preset, or its mapping file (a path inside the folder). */
export function entryMapping(dir: string, entry: ManifestDataset): MappingChoice {
  return entry.map !== undefined ? { map: join(dir, entry.map) } : { preset: entry.preset };
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
  const loaded = await loadKeys(join(dir, entry.file), entryMapping(dir, entry));
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
  // The keys files load while the results file does (DuckDB reads on its own threads); they attach in order below.
  const keyLoads = new Map<string, Promise<Result<LoadedKeys, TallyError>>>();
  for (const spec of attachList(entry)) {
    const keyEntry = manifest.datasets.find((d) => d.id === spec.dataset);
    if (keyEntry && !keyLoads.has(keyEntry.id)) keyLoads.set(keyEntry.id, loadKeyEntry(dir, keyEntry, keyCache));
  }
  const loaded = await loadTable(join(dir, entry.file), entryMapping(dir, entry));
  const result = loaded.ok && entry.attach ? await attachAll(dir, manifest, entry, loaded.value, keyLoads) : loaded;
  // A load not awaited (an earlier step failed) must not fail the process later; its result is not needed.
  for (const pending of keyLoads.values()) pending.catch(() => undefined);
  return result;
}

/** Attaches the entry's keys files, in order, to its loaded results. */
async function attachAll(
  dir: string,
  manifest: Manifest,
  entry: ManifestDataset,
  loaded: LoadedTable,
  keyLoads: Map<string, Promise<Result<LoadedKeys, TallyError>>>,
): Promise<Result<LoadedTable, TallyError>> {
  let table = loaded.table;
  const issues = [...loaded.issues];
  for (const spec of attachList(entry)) {
    const keyEntry = manifest.datasets.find((d) => d.id === spec.dataset);
    const keyLoad = keyEntry === undefined ? undefined : keyLoads.get(keyEntry.id);
    if (keyLoad === undefined) {
      return err({
        kind: 'parse_error',
        file: join(dir, 'manifest.json'),
        rule: 'invalid_manifest',
        message: `dataset "${entry.id}" attaches unknown dataset "${spec.dataset}"`,
      });
    }
    const keys = await keyLoad;
    if (!keys.ok) return keys;
    const attached = attachKeys(table, keys.value, spec);
    if (!attached.ok) {
      const where = `${join(dir, 'manifest.json')}: dataset "${entry.id}" attaching "${spec.dataset}"`;
      return err({ ...attached.error, message: `${where}: ${attached.error.message}` } as TallyError);
    }
    table = attached.value.table;
    for (const item of attached.value.issues) issues.push(item);
  }
  return ok({ ...loaded, table: { ...table, meta: { ...table.meta, snapshotTime: entry.time } }, issues });
}
