/** Finding and reading column mappings: shipped presets (data files in ../presets) or a user's JSON/YAML file. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { err, ok, type Result, type TallyError } from '@tally/core';
import { parse as parseYaml } from 'yaml';
import type { Mapping } from './preset_schema.ts';

/** The folder holding the shipped presets. */
export const PRESET_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'presets');

/** Lists the shipped presets (id, title, description). */
export function listPresets(): { id: string; title: string; description: string; kind: string }[] {
  return readdirSync(PRESET_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const m = JSON.parse(readFileSync(join(PRESET_DIR, f), 'utf8')) as Mapping;
      return { id: m.id, title: m.title ?? '', description: m.description ?? '', kind: m.kind ?? 'results' };
    });
}

/** Loads a shipped preset by id. */
export function loadPreset(id: string): Result<Mapping, TallyError> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    return err({ kind: 'invalid_options', option: 'preset', message: `unknown preset "${id}"` });
  }
  const known = listPresets().map((p) => p.id);
  if (!known.includes(id)) {
    return err({
      kind: 'invalid_options',
      option: 'preset',
      message: `unknown preset "${id}"; known presets: ${known.join(', ')}`,
    });
  }
  return ok(JSON.parse(readFileSync(join(PRESET_DIR, `${id}.json`), 'utf8')) as Mapping);
}

/** Reads a user's mapping file (JSON or YAML) and checks its shape. */
export function loadMappingFile(path: string): Result<Mapping, TallyError> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return err({ kind: 'io_error', file: path, message: `${path}: cannot read the mapping file` });
  }
  let value: unknown;
  try {
    value = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return err({ kind: 'parse_error', file: path, rule: 'invalid_mapping', message: `${path}: ${message}` });
  }
  const problem = mappingShapeProblem(value);
  if (problem !== undefined) {
    return err({ kind: 'parse_error', file: path, rule: 'invalid_mapping', message: `${path}: ${problem}` });
  }
  const mapping = value as Mapping;
  return ok({ ...mapping, id: mapping.id ?? `mapping:${path}` });
}

/** Names the first problem with a mapping's shape, or undefined. */
export function mappingShapeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'a mapping must be an object';
  const m = value as Record<string, unknown>;
  if (!Array.isArray(m.station) || m.station.length === 0) return '"station" must list the id column(s)';
  if (m.kind === 'keys') {
    return typeof m.attributes === 'object' && m.attributes !== null ? undefined : '"attributes" is required';
  }
  for (const key of ['registered', 'candidates', 'valid', 'ballotsCast', 'shareOf']) {
    if (m[key] === undefined) return `"${key}" is required`;
  }
  if (m.shareOf !== 'valid' && m.shareOf !== 'ballots_found') return '"shareOf" must be "valid" or "ballots_found"';
  return undefined;
}
