/**
 * Method options given as text (`name=value` or `method.name=value`, e.g. from the CLI's `--option`),
 * checked against what each method declares: the name must be declared by a chosen method, the
 * value must have the declared type and lie in the declared range. Names match with or without
 * underscores and in any case, so `min_voters` names the option `minVoters`.
 */
import type { MethodOptionSpec } from './method.ts';
import { err, ok, type Result } from './result.ts';

/** A method as far as its options go. */
export interface OptionHolder {
  readonly id: string;
  readonly options: readonly MethodOptionSpec[];
}

/** Why an option was refused: the text as given and a sentence naming the option. */
export interface OptionError {
  readonly option: string;
  readonly message: string;
}

const canonical = (name: string) => name.replaceAll('_', '').toLowerCase();

/** The value of `text` for `spec`, or a sentence saying why it is not acceptable. */
export function parseOptionValue(spec: MethodOptionSpec, text: string): Result<number | string | boolean, string> {
  if (spec.type === 'string') return ok(text);
  if (spec.type === 'boolean') {
    if (text === 'true') return ok(true);
    if (text === 'false') return ok(false);
    return err(`must be true or false, got "${text}"`);
  }
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) return err(`must be a number, got "${text}"`);
  if (spec.integer && !Number.isInteger(value)) return err(`must be a whole number, got "${text}"`);
  if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
    const range = `${spec.min ?? '-inf'} to ${spec.max ?? 'inf'}`;
    return err(`must be between ${range}, got "${text}"`);
  }
  return ok(value);
}

/**
 * Options per method id from `name=value` texts. An unqualified name goes to every chosen method
 * that declares it; `method.name` only to that method. A name no chosen method declares, a malformed
 * text or a bad value is an error naming the option.
 */
export function resolveMethodOptions(
  methods: readonly OptionHolder[],
  texts: readonly string[],
): Result<Map<string, Record<string, number | string | boolean>>, OptionError> {
  const out = new Map<string, Record<string, number | string | boolean>>(methods.map((m) => [m.id, {}]));
  for (const text of texts) {
    const eq = text.indexOf('=');
    if (eq <= 0) return err({ option: text, message: `option "${text}" must be written name=value` });
    const key = text.slice(0, eq).trim();
    const valueText = text.slice(eq + 1);
    const dot = key.lastIndexOf('.');
    const methodId = dot > 0 ? key.slice(0, dot) : undefined;
    const name = dot > 0 ? key.slice(dot + 1) : key;
    if (methodId !== undefined && !out.has(methodId)) {
      const chosen = methods.map((m) => m.id).join(', ') || '(none)';
      return err({
        option: key,
        message: `option "${key}": method "${methodId}" is not among the chosen methods (${chosen})`,
      });
    }
    const targets = methods.filter((m) => methodId === undefined || m.id === methodId);
    let matched = 0;
    for (const method of targets) {
      const spec = method.options.find((o) => canonical(o.name) === canonical(name));
      if (spec === undefined) continue;
      const value = parseOptionValue(spec, valueText);
      if (!value.ok) return err({ option: key, message: `option "${key}" of ${method.id} ${value.error}` });
      (out.get(method.id) as Record<string, number | string | boolean>)[spec.name] = value.value;
      matched++;
    }
    if (matched === 0) {
      const known = targets
        .filter((m) => m.options.length > 0)
        .map((m) => `${m.id}: ${m.options.map((o) => o.name).join(', ')}`)
        .join('; ');
      return err({
        option: key,
        message: `unknown option "${key}": no chosen method declares it${known ? ` (options: ${known})` : ''}`,
      });
    }
  }
  return ok(out);
}
