/**
 * Every flag the docs write exists: README.md and docs/**\/*.md are scanned for `tally <command>` usages and `--flags`;
 * a flag written after `tally <command>` (on its line, or on the indented lines that continue it in a code block)
 * must be an option of that command's commander definition, any other `--flag` an option of some command, and an
 * `--option name=value` must name an option a registered method declares (`name` itself is the placeholder). Lines that run another program (node,
 * npm, git, ...) are skipped.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { methodRegistry } from '@tally/core';
import { buildProgram } from '../src/main.ts';
import { ROOT } from './run_cli.ts';

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) markdownFiles(path, out);
    else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}

const FLAG = /(?<![\w-])--([a-zA-Z][a-zA-Z0-9-]*)/g;
const OTHER_PROGRAM =
  /(^|[\s`(])(node|npm|git|nice|taskset|Rscript|python3|tsx|biome|sbatch|kubectl|docker)\s|execArgv/;
/** Flags of commander itself. */
const BUILT_IN = new Set(['help', 'version']);

interface Usage {
  file: string;
  line: number;
  command: string | undefined;
  flag: string;
  text: string;
}

/** Every flag in a markdown text, with the `tally` command it is written after (if any). */
function usagesOf(file: string, text: string, commands: ReadonlySet<string>): Usage[] {
  const out: Usage[] = [];
  let inFence = false;
  let fenceCommand: string | undefined;
  text.split('\n').forEach((raw, k) => {
    if (raw.trimStart().startsWith('```')) {
      inFence = !inFence;
      fenceCommand = undefined;
      return;
    }
    const line = raw.replaceAll('\\|', '|');
    const spans: { start: number; end: number; command: string }[] = [];
    const re = /\btally\s+([a-z]+)\b/g;
    for (let m = re.exec(line); m !== null; m = re.exec(line)) {
      if (!commands.has(m[1])) continue;
      const after = m.index + m[0].length;
      const tick = line.indexOf('`', after);
      const next = line.slice(after).search(/\btally\s/);
      const end = Math.min(tick < 0 ? line.length : tick, next < 0 ? line.length : after + next);
      spans.push({ start: after, end, command: m[1] });
    }
    if (inFence) {
      if (spans.length > 0) fenceCommand = spans[spans.length - 1].command;
      else if (fenceCommand !== undefined && /^\s/.test(raw))
        spans.push({ start: 0, end: line.length, command: fenceCommand });
      else fenceCommand = undefined;
    }
    for (const m of line.matchAll(FLAG)) {
      const at = m.index ?? 0;
      const span = spans.find((s) => at >= s.start && at < s.end);
      if (span === undefined && OTHER_PROGRAM.test(line)) continue;
      out.push({ file, line: k + 1, command: span?.command, flag: m[1], text: line.trim() });
    }
  });
  return out;
}

test('every --flag in README.md and docs/ exists in the CLI, on the command it is written after', async () => {
  const program = await buildProgram();
  const flagsOf = new Map<string, Set<string>>();
  for (const c of program.commands) {
    // A command's flags and those of its subcommands (`tally cache info --json`, `tally batch merge --out`).
    const options = [c, ...c.commands].flatMap((x) => x.options);
    flagsOf.set(c.name(), new Set(options.map((o) => (o.long ?? '').replace(/^--/, ''))));
  }
  const all = new Set([...flagsOf.values()].flatMap((s) => [...s]));
  const files = [join(ROOT, 'README.md'), ...markdownFiles(join(ROOT, 'docs'))];
  const usages = files.flatMap((f) => usagesOf(relative(ROOT, f), readFileSync(f, 'utf8'), new Set(flagsOf.keys())));
  assert.ok(usages.length > 100, `the docs were scanned (${usages.length} flags)`);
  assert.ok(
    usages.some((u) => u.command === 'latecount' && u.flag === 'cluster-level'),
    'a flag on a continuation line of a code block is attributed to its command',
  );
  const wrong = usages
    .filter((u) => !BUILT_IN.has(u.flag))
    .filter((u) => (u.command === undefined ? !all.has(u.flag) : !flagsOf.get(u.command)?.has(u.flag)))
    .map((u) => `${u.file}:${u.line}: --${u.flag}${u.command ? ` (tally ${u.command})` : ''}: ${u.text}`);
  assert.deepEqual(wrong, [], 'flags written in the docs that the CLI does not have');
});

test('every --option name=value in the docs names an option some method declares', () => {
  const squash = (s: string) => s.replaceAll('_', '').toLowerCase();
  const declared = new Set(methodRegistry.flatMap((m) => m.options.map((o) => squash(o.name))));
  const files = [join(ROOT, 'README.md'), ...markdownFiles(join(ROOT, 'docs'))];
  const wrong: string[] = [];
  let seen = 0;
  for (const f of files) {
    for (const m of readFileSync(f, 'utf8').matchAll(/--option[ =]([A-Za-z_][\w.]*)=/g)) {
      seen++;
      const name = m[1].split('.').pop() ?? '';
      if (name !== 'name' && !declared.has(squash(name))) wrong.push(`${relative(ROOT, f)}: --option ${m[1]}=`);
    }
  }
  assert.ok(seen >= 3, `--option usages found (${seen})`);
  assert.deepEqual(wrong, []);
});
