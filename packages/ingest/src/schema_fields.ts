/** Field checks of the allegation schema: each names the key path at fault and throws SchemaError. */

/** A YAML mapping as read. */
export type Obj = Record<string, unknown>;

/** A shape error, caught at the schema's top and turned into a parse_error naming the key. */
export class SchemaError extends Error {}

export function fail(path: string, message: string): never {
  throw new SchemaError(`${path}: ${message}`);
}
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
export function obj(v: unknown, path: string): Obj {
  if (!isObj(v)) fail(path, 'must be a mapping (key: value)');
  return v;
}
export function str(v: unknown, path: string): string {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string' || v.trim() === '') fail(path, 'must be a non-empty text');
  return v;
}
export function optStr(o: Obj, key: string, path: string): string | undefined {
  return o[key] === undefined ? undefined : str(o[key], `${path}.${key}`);
}
export function num(v: unknown, path: string, min = -Infinity, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, `must be a number, got ${JSON.stringify(v)}`);
  if (v < min || v > max) fail(path, `must be between ${min} and ${max}, got ${v}`);
  return v;
}
export function optNum(o: Obj, key: string, path: string, min?: number, max?: number): number | undefined {
  return o[key] === undefined ? undefined : num(o[key], `${path}.${key}`, min, max);
}
export function noExtra(o: Obj, allowed: readonly string[], path: string): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) fail(path, `unknown key "${k}" (allowed: ${allowed.join(', ')})`);
  }
}
export function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T {
  if (typeof v !== 'string' || !allowed.includes(v as T)) {
    fail(path, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
  }
  return v as T;
}
