/** Tagged, expected failures. Programmer bugs throw instead (see assert.ts). */
export type TallyError =
  | { kind: 'insufficient_data'; message: string; needed?: number; got?: number }
  | { kind: 'missing_column'; message: string; column: string }
  | { kind: 'degenerate_input'; message: string }
  | { kind: 'invalid_options'; message: string; option?: string }
  | { kind: 'parse_error'; message: string; file?: string; row?: number; column?: string; rule?: string }
  | { kind: 'io_error'; message: string; file?: string };

/** Success or a tagged error: the return type of everything that can fail on user data. */
export type Result<T, E = TallyError> = { ok: true; value: T } | { ok: false; error: E };

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Wraps an error as a failed Result. */
export function err<E = TallyError>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
