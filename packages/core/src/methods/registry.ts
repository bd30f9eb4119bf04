/** Every forensic method the CLI and web app can run. Adding a method adds one line here. */
import type { ForensicMethod } from '../method.ts';
import { integerPercentMethod } from './integer_percent.ts';

// biome-ignore lint/suspicious/noExplicitAny: methods have different option types; each validates its own.
export const methodRegistry: readonly ForensicMethod<any>[] = [integerPercentMethod];

/** Finds a method by id. */
// biome-ignore lint/suspicious/noExplicitAny: see methodRegistry.
export function findMethod(id: string): ForensicMethod<any> | undefined {
  return methodRegistry.find((m) => m.id === id);
}
