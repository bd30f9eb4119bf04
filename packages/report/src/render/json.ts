/** JSON rendering with a stable key order, so the same report always gives the same bytes. */
import type { Report } from '../model.ts';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** JSON with object keys sorted at every depth, 2-space indented, with a final newline. */
export function stableStringify(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

/** The report as stable, 2-space JSON (byte-identical for identical reports). */
export function renderJson(report: Report): string {
  return stableStringify(report);
}
