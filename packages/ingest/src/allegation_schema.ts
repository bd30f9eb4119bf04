/**
 * The allegation file (YAML or JSON, documented in docs/allegation.md): a claim as written, the data
 * it is about, and the analyses to run. This module checks the shape and resolves paths relative to
 * the file; allegation.ts loads the data and checks names against it.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { err, ok, type Result, type TallyError } from '@tally/core';

import {
  type Allegation,
  type AllegedSpec,
  type AnalysisSpec,
  type AnnouncedSpec,
  type CandidateNames,
  type Claim,
  type CutoffInput,
  type ElectionSpec,
  type FilterOp,
  REPLAY_IDS,
  type ReplayId,
  type StationFilter,
  type StationSelector,
} from './allegation_types.ts';

export * from './allegation_types.ts';

import { fail, noExtra, num, type Obj, obj, oneOf, optNum, optStr, SchemaError, str } from './schema_fields.ts';

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO 8601 instant that carries its offset; local times without an offset are refused. */
export function parseInstant(text: string): number | null {
  const m = ISO_INSTANT.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || (m[6] !== undefined && s > 59)) return null;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) return null;
  // Date.parse rolls 31 Feb over to March; refuse dates that do not exist.
  const check = new Date(Date.UTC(y, mo - 1, d));
  return check.getUTCMonth() === mo - 1 ? ms : null;
}

function parseCutoff(v: unknown, path: string): CutoffInput {
  if (typeof v === 'string' || typeof v === 'number') {
    fail(path, 'must be a mapping with one of: snapshot (dataset id), percentile (0-100), time (ISO 8601 with offset)');
  }
  const o = obj(v, path);
  noExtra(o, ['snapshot', 'percentile', 'time'], path);
  const keys = Object.keys(o);
  if (keys.length !== 1) fail(path, 'give exactly one of: snapshot, percentile, time');
  if (o.snapshot !== undefined) return { kind: 'snapshot', snapshot: str(o.snapshot, `${path}.snapshot`) };
  if (o.percentile !== undefined) return { kind: 'percentile', value: num(o.percentile, `${path}.percentile`, 0, 100) };
  const iso = o.time instanceof Date ? o.time.toISOString() : str(o.time, `${path}.time`);
  const ms = parseInstant(iso);
  if (ms === null) {
    fail(`${path}.time`, `"${iso}" is not an ISO 8601 instant with a UTC offset, e.g. 2019-10-20T19:40:57-04:00`);
  }
  return { kind: 'time', iso, ms };
}

const FILTER_OPS: readonly FilterOp[] = ['<', '<=', '>', '>=', '==', '!=', 'in'];

function parseStations(v: unknown, path: string, base: string): StationSelector {
  const o = obj(v, path);
  noExtra(o, ['ids', 'file', 'filter'], path);
  if (Object.keys(o).length !== 1) fail(path, 'give exactly one of: ids, file, filter');
  if (o.ids !== undefined) {
    if (!Array.isArray(o.ids) || o.ids.length === 0) fail(`${path}.ids`, 'must be a non-empty list of station ids');
    return { kind: 'ids', ids: o.ids.map((x, i) => str(x, `${path}.ids[${i}]`)) };
  }
  if (o.file !== undefined) return { kind: 'file', file: resolvePath(base, str(o.file, `${path}.file`)) };
  const list = Array.isArray(o.filter) ? o.filter : [o.filter];
  const filters = list.map((f, i) => {
    const p = `${path}.filter[${i}]`;
    const fo = obj(f, p);
    noExtra(fo, ['column', 'op', 'value'], p);
    const op = oneOf(fo.op, FILTER_OPS, `${p}.op`);
    const value = fo.value;
    if (op === 'in') {
      if (!Array.isArray(value) || value.length === 0) fail(`${p}.value`, 'must be a non-empty list for op "in"');
    } else if (typeof value !== 'number' && typeof value !== 'string') {
      fail(`${p}.value`, 'must be a number or a text');
    }
    return { column: str(fo.column, `${p}.column`), op, value: value as StationFilter['value'] };
  });
  return { kind: 'filter', filters };
}

function resolvePath(base: string, p: string): string {
  return isAbsolute(p) ? p : resolve(base, p);
}

function parseCandidates(v: unknown, path: string): Partial<CandidateNames> {
  const o = obj(v, path);
  noExtra(o, ['favoured', 'rival'], path);
  return { favoured: optStr(o, 'favoured', path), rival: optStr(o, 'rival', path) };
}

/** A count series (aggregate snapshots per region) of the alleged election's folder, projected from a cut. */
function parseCountSeries(o: Record<string, unknown>, path: string): AnalysisSpec {
  noExtra(o, ['method', 'dataset', 'cut', 'timezone', 'national', 'replicates'], path);
  const cut = parseCutoff({ time: o.cut }, `${path}.cut`);
  if (cut.kind !== 'time') fail(`${path}.cut`, 'must be an ISO 8601 instant with its UTC offset');
  return {
    method: 'count_series',
    dataset: str(o.dataset, `${path}.dataset`),
    cut,
    timezone: optStr(o, 'timezone', path),
    national: optStr(o, 'national', path),
    replicates: optNum(o, 'replicates', path, 100, 1e6),
  };
}

function parseAnalysis(v: unknown, path: string, electionIds: readonly string[]): AnalysisSpec {
  const o = obj(v, path);
  const method = oneOf(
    o.method,
    ['latecount', 'persistence', 'battery', 'replays', 'announced_totals', 'count_series'] as const,
    `${path}.method`,
  );
  if (method === 'replays') return parseReplays(o, path, electionIds);
  if (method === 'count_series') return parseCountSeries(o, path);
  if (method === 'announced_totals') {
    noExtra(o, ['method', 'sims', 'minDonors'], path);
    return { method, sims: optNum(o, 'sims', path, 1, 1e6), minDonors: optNum(o, 'minDonors', path, 1, 1e6) };
  }
  if (method === 'latecount') {
    noExtra(o, ['method', 'threshold', 'simulations', 'trendBreakCutoff'], path);
    const trendBreak =
      o.trendBreakCutoff === undefined ? undefined : parseCutoff(o.trendBreakCutoff, `${path}.trendBreakCutoff`);
    if (trendBreak?.kind === 'snapshot')
      fail(`${path}.trendBreakCutoff`, 'must be a time or a percentile (the snapshot cut is alleged.cutoff)');
    return {
      method,
      threshold: optNum(o, 'threshold', path, 0, 100),
      simulations: optNum(o, 'simulations', path, 1, 1e6),
      ...(trendBreak ? { trendBreakCutoff: trendBreak } : {}),
    };
  }
  if (method === 'battery') {
    noExtra(o, ['method', 'methods', 'exclude', 'fabrication', 'stations'], path);
    if (o.fabrication !== undefined && typeof o.fabrication !== 'boolean')
      fail(`${path}.fabrication`, 'must be true or false');
    const stations =
      o.stations === undefined ? undefined : oneOf(o.stations, ['flagged', 'all'] as const, `${path}.stations`);
    const list = (key: 'methods' | 'exclude'): string[] | undefined => {
      const v = o[key];
      if (v === undefined) return undefined;
      if (!Array.isArray(v)) fail(`${path}.${key}`, 'must be a list of method ids');
      return v.map((m, i) => str(m, `${path}.${key}[${i}]`));
    };
    return {
      method,
      methods: list('methods'),
      exclude: list('exclude'),
      ...(o.fabrication === true ? { fabrication: true } : {}),
      ...(stations ? { stations } : {}),
    };
  }
  noExtra(
    o,
    [
      'method',
      'against',
      'level',
      'levelAgainst',
      'matchBy',
      'nameLevel',
      'nameWithin',
      'stratum',
      'flagRule',
      'replicates',
    ],
    path,
  );
  const against = str(o.against, `${path}.against`);
  if (!electionIds.includes(against)) {
    fail(`${path}.against`, `"${against}" is not one of the elections (${electionIds.join(', ')})`);
  }
  const matchBy =
    o.matchBy === undefined ? 'code' : oneOf(o.matchBy, ['code', 'code_then_name'] as const, `${path}.matchBy`);
  const nameLevel = optStr(o, 'nameLevel', path);
  const nameWithin = optStr(o, 'nameWithin', path);
  if (matchBy === 'code_then_name' && (nameLevel === undefined || nameWithin === undefined)) {
    fail(path, 'matchBy: code_then_name needs nameLevel (e.g. recinto) and nameWithin (e.g. municipality)');
  }
  return {
    method,
    against,
    level: str(o.level, `${path}.level`),
    levelAgainst: optStr(o, 'levelAgainst', path),
    matchBy,
    names: nameLevel !== undefined && nameWithin !== undefined ? { unit: nameLevel, within: nameWithin } : undefined,
    stratum: optStr(o, 'stratum', path),
    flagRule:
      o.flagRule === undefined ? 'any' : oneOf(o.flagRule, ['any', 'majority', 'all'] as const, `${path}.flagRule`),
    replicates: optNum(o, 'replicates', path, 100, 1e7),
  };
}

function parseReplays(o: Obj, path: string, electionIds: readonly string[]): AnalysisSpec {
  noExtra(o, ['method', 'ids', 'election', 'against'], path);
  let ids: ReplayId[] = [...REPLAY_IDS];
  if (o.ids !== undefined) {
    if (!Array.isArray(o.ids) || o.ids.length === 0) fail(`${path}.ids`, 'must be a non-empty list of replay ids');
    ids = o.ids.map((v, i) => {
      const id = str(v, `${path}.ids[${i}]`);
      if (!(REPLAY_IDS as readonly string[]).includes(id)) {
        fail(`${path}.ids[${i}]`, `"${id}" is not a replay (known: ${REPLAY_IDS.join(', ')})`);
      }
      return id as ReplayId;
    });
  }
  const election = (key: 'election' | 'against'): string | undefined => {
    const id = optStr(o, key, path);
    if (id !== undefined && !electionIds.includes(id)) {
      fail(`${path}.${key}`, `"${id}" is not one of the elections (${electionIds.join(', ')})`);
    }
    return id;
  };
  return { method: 'replays', ids, election: election('election'), against: election('against') };
}

function parseAnnounced(v: unknown, path: string, base: string): AnnouncedSpec {
  const o = obj(v, path);
  const keys = [
    'by',
    'date',
    'source',
    'favoured',
    'rival',
    'ballotsCast',
    'registered',
    'coverage',
    'totalStations',
    'missing',
  ];
  noExtra(o, keys, path);
  const count = (key: string): number => {
    const x = num(o[key], `${path}.${key}`, 0);
    if (!Number.isInteger(x)) fail(`${path}.${key}`, `must be a whole number, got ${x}`);
    return x;
  };
  const date = o.date instanceof Date ? o.date.toISOString().slice(0, 10) : optStr(o, 'date', path);
  const coverage = optNum(o, 'coverage', path, 0, 1);
  if (coverage === 0) fail(`${path}.coverage`, 'must be above 0 (the share of stations the totals cover)');
  return {
    by: str(o.by, `${path}.by`),
    ...(date === undefined ? {} : { date }),
    ...(o.source === undefined ? {} : { source: str(o.source, `${path}.source`) }),
    favoured: count('favoured'),
    rival: count('rival'),
    ballotsCast: count('ballotsCast'),
    registered: count('registered'),
    ...(coverage === undefined ? {} : { coverage }),
    ...(o.totalStations === undefined ? {} : { totalStations: count('totalStations') }),
    ...(o.missing === undefined ? {} : { missing: resolvePath(base, str(o.missing, `${path}.missing`)) }),
  };
}

/** Checks a parsed allegation object; `file` is its path (relative paths inside resolve against its folder). */
export function checkAllegation(value: unknown, file: string): Result<Allegation, TallyError> {
  try {
    return ok(checkOrThrow(value, file));
  } catch (e) {
    if (e instanceof SchemaError) {
      return err({ kind: 'parse_error', file, rule: 'invalid_allegation', message: `${file}: ${e.message}` });
    }
    throw e;
  }
}

function checkOrThrow(value: unknown, file: string): Allegation {
  const base = dirname(resolve(file));
  const root = obj(value, 'allegation');
  noExtra(root, ['version', 'lang', 'claim', 'elections', 'candidates', 'alleged', 'analyses'], 'allegation');
  const lang = root.lang === undefined ? undefined : oneOf(root.lang, ['en', 'es', 'ru'] as const, 'lang');
  if (root.version !== undefined && root.version !== 1) fail('version', `unsupported version ${String(root.version)}`);
  const c = obj(root.claim, 'claim');
  noExtra(c, ['text', 'by', 'date', 'source'], 'claim');
  const date = c.date instanceof Date ? c.date.toISOString().slice(0, 10) : str(c.date, 'claim.date');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || parseInstant(`${date}T00:00Z`) === null) {
    fail('claim.date', `"${date}" is not a date in the form YYYY-MM-DD`);
  }
  const claim: Claim = {
    text: str(c.text, 'claim.text'),
    by: str(c.by, 'claim.by'),
    date,
    source: optStr(c, 'source', 'claim'),
  };

  const e = obj(root.elections, 'elections');
  const elections: ElectionSpec[] = [];
  for (const [id, spec] of Object.entries(e)) {
    const p = `elections.${id}`;
    const o = obj(spec, p);
    noExtra(o, ['title', 'data', 'dataset', 'preset', 'map', 'candidates'], p);
    elections.push({
      id,
      title: optStr(o, 'title', p),
      data: resolvePath(base, str(o.data, `${p}.data`)),
      dataset: optStr(o, 'dataset', p),
      preset: optStr(o, 'preset', p),
      map: o.map === undefined ? undefined : resolvePath(base, str(o.map, `${p}.map`)),
      candidates: o.candidates === undefined ? undefined : parseCandidates(o.candidates, `${p}.candidates`),
    });
  }
  if (elections.length === 0) fail('elections', 'name at least one election');
  const ids = elections.map((x) => x.id);

  const cand = parseCandidates(root.candidates, 'candidates');
  if (cand.favoured === undefined) fail('candidates.favoured', 'name the candidate the allegation says was favoured');
  const candidates: CandidateNames = { favoured: cand.favoured, rival: cand.rival };

  const a = obj(root.alleged, 'alleged');
  noExtra(a, ['election', 'stations', 'cutoff', 'region', 'whole', 'size', 'announced'], 'alleged');
  const election = a.election === undefined && ids.length === 1 ? ids[0] : str(a.election, 'alleged.election');
  if (!ids.includes(election))
    fail('alleged.election', `"${election}" is not one of the elections (${ids.join(', ')})`);
  let region: AllegedSpec['region'];
  if (a.region !== undefined) {
    const r = obj(a.region, 'alleged.region');
    noExtra(r, ['level', 'label'], 'alleged.region');
    region = { level: str(r.level, 'alleged.region.level'), label: str(r.label, 'alleged.region.label') };
  }
  let size: AllegedSpec['size'];
  if (a.size !== undefined) {
    const s = obj(a.size, 'alleged.size');
    noExtra(s, ['votes', 'threshold', 'note'], 'alleged.size');
    size = {
      votes: optNum(s, 'votes', 'alleged.size', 0),
      threshold: optNum(s, 'threshold', 'alleged.size', -100, 100),
      note: optStr(s, 'note', 'alleged.size'),
    };
  }
  if (a.whole !== undefined && typeof a.whole !== 'boolean') fail('alleged.whole', 'must be true or false');
  const alleged: AllegedSpec = {
    election,
    stations: a.stations === undefined ? undefined : parseStations(a.stations, 'alleged.stations', base),
    cutoff: a.cutoff === undefined ? undefined : parseCutoff(a.cutoff, 'alleged.cutoff'),
    region,
    whole: a.whole as boolean | undefined,
    size,
    ...(a.announced === undefined ? {} : { announced: parseAnnounced(a.announced, 'alleged.announced', base) }),
  };
  if (!alleged.stations && !alleged.cutoff && !alleged.region && !alleged.whole) {
    fail('alleged', 'say what is alleged: stations, cutoff, region, or whole: true');
  }
  if (!Array.isArray(root.analyses) || root.analyses.length === 0) {
    fail(
      'analyses',
      'list at least one analysis (latecount, persistence, battery, replays, announced_totals, count_series)',
    );
  }
  const analyses = root.analyses.map((x, i) => parseAnalysis(x, `analyses[${i}]`, ids));
  for (const an of analyses) {
    if (an.method === 'persistence' && an.against === election) {
      fail(
        'analyses',
        'persistence compares the alleged election with ANOTHER election; "against" names the alleged one',
      );
    }
  }
  if (analyses.some((x) => x.method === 'announced_totals') && (!alleged.announced || !candidates.rival)) {
    fail('analyses', 'announced_totals needs alleged.announced (the announced totals) and candidates.rival');
  }
  if (analyses.some((x) => x.method === 'latecount') && !alleged.cutoff) {
    fail('analyses', 'latecount needs alleged.cutoff (a snapshot, percentile or time)');
  }
  return {
    file: resolve(file),
    version: 1,
    ...(lang ? { lang } : {}),
    claim,
    elections,
    candidates,
    alleged,
    analyses,
  };
}
