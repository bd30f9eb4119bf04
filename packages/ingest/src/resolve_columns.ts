/** Resolves a mapping's column references against a file's header. */
import type { ColumnRef, CountSpec } from './preset_schema.ts';
import { compileColumnPattern } from './safe_pattern.ts';

/** Finds the header column a reference names, or undefined. */
export function findColumn(ref: ColumnRef, header: readonly string[]): string | undefined {
  if (typeof ref === 'string') return header.find((h) => h === ref) ?? header.find((h) => h.trim() === ref.trim());
  if ('anyOf' in ref) {
    for (const name of ref.anyOf) {
      const found = findColumn(name, header);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const re = compileColumnPattern(ref.pattern);
  // Mappings are checked before use (columnRefProblem), so an invalid pattern here matches nothing.
  if ('problem' in re) return undefined;
  return header.find((h) => re.test(h));
}

/** True when the reference may be absent. */
export function isOptional(ref: ColumnRef): boolean {
  return typeof ref !== 'string' && ref.optional === true;
}

/** Describes a reference for error messages. */
export function describeRef(ref: ColumnRef): string {
  if (typeof ref === 'string') return `"${ref}"`;
  if ('anyOf' in ref) return ref.anyOf.map((n) => `"${n}"`).join(' or ');
  return `a column matching /${ref.pattern}/`;
}

/** The columns of a count spec (one, or the parts of a sum). */
export function countSpecRefs(spec: CountSpec): ColumnRef[] {
  return typeof spec === 'object' && 'sum' in spec ? spec.sum : [spec];
}

/** Collects every column a reference list resolves to, and the references that resolve to none. */
export function resolveAll(
  refs: readonly ColumnRef[],
  header: readonly string[],
): { columns: string[]; missing: ColumnRef[] } {
  const columns: string[] = [];
  const missing: ColumnRef[] = [];
  for (const ref of refs) {
    const c = findColumn(ref, header);
    if (c !== undefined) columns.push(c);
    else if (!isOptional(ref)) missing.push(ref);
  }
  return { columns, missing };
}
