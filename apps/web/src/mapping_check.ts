/**
 * Checks a column mapping from the web editor against a file's header: ingest's shape check first, then every
 * column the mapping names must be in the header, and no column may hold two count roles. Problems are structured
 * (rule, field, column) so the page words them in its own language.
 */
import {
  type ColumnRef,
  type CountSpec,
  columnRefProblem,
  countSpecRefs,
  findColumn,
  isOptional,
  mappingShapeProblem,
} from '@tally/ingest';

/** One problem with a mapping, for the editor. */
export interface MappingProblem {
  /** shape: ingest's own check failed (message says why); missing_column; shared_column. */
  rule: 'shape' | 'missing_column' | 'shared_column';
  /** The mapping field: station, regions, registered, ballotsCast, valid, invalid, candidates, arrival. */
  field?: string;
  column?: string;
  message: string;
}

type Refs = { field: string; refs: unknown[] }[];

/** The problems of `mapping` for a file with columns `header`; empty when it fits. */
export function mappingProblems(mapping: unknown, header: readonly string[]): MappingProblem[] {
  const shape = mappingShapeProblem(mapping);
  if (shape !== undefined) return [{ rule: 'shape', message: shape }];
  const m = mapping as Record<string, unknown>;
  const problems: MappingProblem[] = [];
  const owner = new Map<string, string>();
  for (const { field, refs } of fieldRefs(m)) {
    for (const ref of refs) {
      if (columnRefProblem(ref) !== undefined) continue;
      const column = findColumn(ref as ColumnRef, header);
      if (column === undefined) {
        if (isOptional(ref as ColumnRef)) continue;
        const name = typeof ref === 'string' ? ref : JSON.stringify(ref);
        problems.push({ rule: 'missing_column', field, column: name, message: `${field}: no column ${name}` });
        continue;
      }
      const before = owner.get(column);
      if (before !== undefined && before !== field && isCount(field) && isCount(before)) {
        problems.push({
          rule: 'shared_column',
          field,
          column,
          message: `${field}: column "${column}" is already used for ${before}`,
        });
      }
      if (before === undefined) owner.set(column, field);
    }
  }
  return problems;
}

const COUNT_FIELDS = new Set(['registered', 'ballotsCast', 'valid', 'invalid', 'candidates']);
const isCount = (field: string) => COUNT_FIELDS.has(field);

function fieldRefs(m: Record<string, unknown>): Refs {
  const count = (spec: unknown): unknown[] => countSpecRefs(spec as CountSpec);
  const out: Refs = [{ field: 'station', refs: m.station as unknown[] }];
  const regions = (m.regions as { column: unknown }[] | undefined) ?? [];
  out.push({ field: 'regions', refs: regions.map((r) => r.column) });
  out.push({ field: 'registered', refs: count(m.registered) });
  if (m.ballotsCast !== 'ballotsFound') out.push({ field: 'ballotsCast', refs: count(m.ballotsCast) });
  if (m.valid !== 'candidates') out.push({ field: 'valid', refs: count(m.valid) });
  if (m.invalid !== undefined) out.push({ field: 'invalid', refs: count(m.invalid) });
  const c = m.candidates as { columns?: unknown[] };
  if (Array.isArray(c.columns)) out.push({ field: 'candidates', refs: c.columns });
  if (m.arrival !== undefined) out.push({ field: 'arrival', refs: [(m.arrival as { column: unknown }).column] });
  return out;
}
