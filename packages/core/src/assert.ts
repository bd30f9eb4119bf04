/** Throws when a programmer's invariant does not hold; never used for bad user data. */
export function assert(condition: unknown, message = 'assertion failed'): asserts condition {
  if (!condition) throw new Error(`internal error: ${message}`);
}

/** Marks a branch the type checker proves unreachable. */
export function unreachable(value: never): never {
  throw new Error(`internal error: unreachable value ${JSON.stringify(value)}`);
}
