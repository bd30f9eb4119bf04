/** Finding and reading column mappings: shipped presets (data files in ../presets) or a user's JSON/YAML file. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { err, ok, type Result, type TallyError } from '@tally/core';
import { parse as parseYaml } from 'yaml';
import type { Mapping } from './preset_schema.ts';
import { compileColumnPattern } from './safe_pattern.ts';
import { readSmallText } from './safe_read.ts';

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
  const read = readSmallText(path, 'the mapping file');
  if (!read.ok) return read;
  const text = read.value;
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
  // The id is shown (JSON "preset", report inputs): the file's name, never the folder it sits in (a temp path).
  return ok({ ...mapping, id: mapping.id ?? `mapping:${basename(path)}` });
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
  return deepShapeProblem(m);
}

/** Checks the types inside a results mapping, so a hand-written file cannot reach the loader malformed. */
function deepShapeProblem(m: Record<string, unknown>): string | undefined {
  for (const [i, ref] of (m.station as unknown[]).entries()) {
    const p = columnRefProblem(ref);
    if (p) return `"station"[${i}]: ${p}`;
  }
  const counts: [string, unknown][] = [['registered', m.registered]];
  if (m.valid !== 'candidates') counts.push(['valid', m.valid]);
  if (m.ballotsCast !== 'ballotsFound') counts.push(['ballotsCast', m.ballotsCast]);
  for (const key of ['blank', 'invalid']) if (m[key] !== undefined) counts.push([key, m[key]]);
  for (const [key, spec] of counts) {
    const p = countSpecProblem(spec);
    if (p) return `"${key}": ${p}`;
  }
  const c = m.candidates as Record<string, unknown>;
  if (typeof c !== 'object' || c === null || Array.isArray(c)) {
    return '"candidates" must be { "columns": [...] } or { "rest": true }';
  }
  const list = Array.isArray(c.columns) ? c.columns : c.rest === true ? (c.exclude ?? []) : undefined;
  if (!Array.isArray(list)) return '"candidates" must be { "columns": [...] } or { "rest": true, "exclude": [...] }';
  for (const ref of list) {
    const p = columnRefProblem(ref);
    if (p) return `"candidates": ${p}`;
  }
  for (const key of ['ignore', 'regions']) {
    if (m[key] !== undefined && !Array.isArray(m[key])) return `"${key}" must be a list`;
  }
  for (const ref of (m.ignore as unknown[] | undefined) ?? []) {
    const p = columnRefProblem(ref);
    if (p) return `"ignore": ${p}`;
  }
  for (const r of (m.regions as unknown[] | undefined) ?? []) {
    const level = r as Record<string, unknown>;
    if (typeof level !== 'object' || level === null || typeof level.name !== 'string') {
      return '"regions" entries need a "name" and a "column"';
    }
    const p = columnRefProblem(level.column);
    if (p) return `"regions" ${level.name}: ${p}`;
  }
  if (m.registeredMayBeEmpty !== undefined && typeof m.registeredMayBeEmpty !== 'boolean') {
    return '"registeredMayBeEmpty" must be true or false';
  }
  for (const key of ['lat', 'lon']) {
    const p = m[key] === undefined ? undefined : columnRefProblem(m[key]);
    if (p) return `"${key}": ${p}`;
  }
  if (m.arrival !== undefined) {
    const a = m.arrival as Record<string, unknown>;
    if (typeof a !== 'object' || a === null || !['rank', 'percentile', 'time'].includes(a.kind as string)) {
      return '"arrival" needs a "column" and a "kind" (rank, percentile or time)';
    }
    const p = columnRefProblem(a.column);
    if (p) return `"arrival": ${p}`;
  }
  return undefined;
}

function countSpecProblem(spec: unknown): string | undefined {
  if (typeof spec === 'object' && spec !== null && 'sum' in spec) {
    const parts = (spec as { sum: unknown }).sum;
    if (!Array.isArray(parts) || parts.length === 0) return '"sum" must list columns';
    for (const ref of parts) {
      const p = columnRefProblem(ref);
      if (p) return p;
    }
    return undefined;
  }
  return columnRefProblem(spec);
}

/** Names what is wrong with a column reference (a name, { anyOf: [...] } or { pattern: "regex" }), or undefined. */
export function columnRefProblem(ref: unknown): string | undefined {
  if (typeof ref === 'string') return ref.length > 0 ? undefined : 'a column name is empty';
  if (typeof ref !== 'object' || ref === null || Array.isArray(ref)) {
    return 'a column must be a name, { "anyOf": [names] } or { "pattern": "regex" }';
  }
  const r = ref as Record<string, unknown>;
  if (Array.isArray(r.anyOf)) {
    return r.anyOf.length > 0 && r.anyOf.every((x) => typeof x === 'string') ? undefined : '"anyOf" must list names';
  }
  if (typeof r.pattern === 'string') {
    const compiled = compileColumnPattern(r.pattern);
    return 'problem' in compiled ? compiled.problem : undefined;
  }
  return 'a column must be a name, { "anyOf": [names] } or { "pattern": "regex" }';
}
