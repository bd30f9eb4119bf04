/**
 * The import graph of the workspace's sources: every module under each package's src/ and the modules it imports
 * (static imports, `import type`, re-exports and dynamic `import()`, as TypeScript's own pre-processor lists them).
 * Used by import_graph.test.ts to forbid cycles between modules and arrows from a lower package to a higher one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** A workspace package: its name (@tally/x), folder and the files its package.json exports. */
export interface WorkspacePackage {
  readonly name: string;
  readonly dir: string;
  /** Export subpath ('.', './multiple_testing') to an absolute file path. */
  readonly exports: ReadonlyMap<string, string>;
}

/** One import of one module: the specifier as written, and the file it resolves to (null: outside the workspace). */
export interface ImportEdge {
  readonly from: string;
  readonly specifier: string;
  readonly to: string | null;
}

/** Reads a workspace package's name and exports from its folder. */
export function readWorkspacePackage(dir: string): WorkspacePackage {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    exports?: Record<string, string>;
  };
  const exports = new Map<string, string>();
  for (const [subpath, file] of Object.entries(manifest.exports ?? {})) exports.set(subpath, resolve(dir, file));
  return { name: manifest.name, dir, exports };
}

/** Every .ts file under `dir`, sorted, test files included. */
export function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts')) files.push(path);
  }
  return files;
}

/** The specifiers a TypeScript source imports, in order, type-only and dynamic imports included. */
export function importSpecifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/**
 * The file a specifier of `from` names: a relative path, or a workspace package's export; null for anything else
 * (node: built-ins, third-party packages). Throws on a relative or workspace import that names no file, so that a
 * resolution gap cannot hide an arrow.
 */
export function resolveSpecifier(
  from: string,
  specifier: string,
  packages: readonly WorkspacePackage[],
): string | null {
  if (specifier.startsWith('.')) {
    const path = resolve(dirname(from), specifier);
    if (!existsSync(path)) throw new Error(`${from}: import "${specifier}" names no file`);
    return path;
  }
  for (const p of packages) {
    if (specifier !== p.name && !specifier.startsWith(`${p.name}/`)) continue;
    const subpath = specifier === p.name ? '.' : `./${specifier.slice(p.name.length + 1)}`;
    const file = p.exports.get(subpath);
    if (file === undefined) throw new Error(`${from}: import "${specifier}" is not among ${p.name}'s exports`);
    return file;
  }
  return null;
}

/** The edges out of every file, read from disk. */
export function importEdges(files: readonly string[], packages: readonly WorkspacePackage[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of files) {
    for (const specifier of importSpecifiers(readFileSync(from, 'utf8'))) {
      edges.push({ from, specifier, to: resolveSpecifier(from, specifier, packages) });
    }
  }
  return edges;
}

/**
 * The cycles of a directed graph: each strongly connected component with more than one node, or one node that
 * imports itself, as a sorted list of nodes (Tarjan 1972, "Depth-first search and linear graph algorithms",
 * SIAM J. Comput. 1(2):146-160). Iterative, so a long import chain cannot overflow the stack.
 */
export function cycles(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    lowLink.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const targets = edges.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++];
        if (!index.has(target)) {
          index.set(target, counter);
          lowLink.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) lowLink.set(parent.node, Math.min(lowLink.get(parent.node)!, lowLink.get(frame.node)!));
      if (lowLink.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      if (component.length > 1 || targets.includes(frame.node)) found.push(component.sort());
    }
  }
  return found;
}

/** The package (by folder) a file belongs to, or undefined. */
export function packageOf(file: string, packages: readonly WorkspacePackage[]): WorkspacePackage | undefined {
  return packages.find((p) => !relative(p.dir, file).startsWith('..'));
}

/** An import that goes against the layering: to a higher package, or sideways to another package of the same layer. */
export interface LayerViolation {
  readonly from: string;
  readonly specifier: string;
  readonly fromPackage: string;
  readonly toPackage: string;
}

/**
 * The imports between packages that do not go strictly down `layers` (package name to layer; 0 is the bottom). A
 * package missing from `layers` is itself a violation, so a new package has to be placed before it can be imported.
 */
export function layerViolations(
  edges: readonly ImportEdge[],
  packages: readonly WorkspacePackage[],
  layers: ReadonlyMap<string, number>,
): LayerViolation[] {
  const violations: LayerViolation[] = [];
  for (const edge of edges) {
    if (edge.to === null) continue;
    const from = packageOf(edge.from, packages);
    const to = packageOf(edge.to, packages);
    if (from === undefined || to === undefined || from === to) continue;
    const fromLayer = layers.get(from.name);
    const toLayer = layers.get(to.name);
    if (fromLayer === undefined || toLayer === undefined || toLayer >= fromLayer)
      violations.push({ from: edge.from, specifier: edge.specifier, fromPackage: from.name, toPackage: to.name });
  }
  return violations;
}
