// Type-checks every workspace folder (each folder under packages/ and apps/) with its own tsconfig*.json, so that
// core and report are checked without Node or DOM types and the web client with DOM types. Each config reports the
// files it includes; the files it imports from other packages are that package's to check. The root tsconfig.json
// (every package, Node and DOM types: the editors' and a quick `tsc -p` check) reports only the files no workspace
// config includes (bench/, scripts/). A workspace folder without a tsconfig.json is checked with tsconfig.node.json.
// One process, one cache of parsed files: about the cost of a single `tsc -p tsconfig.json`.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORKSPACE_PARENTS = ['packages', 'apps'];

function parseConfig(configPath, override) {
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) return { errors: [read.error] };
  const json = override ? { ...read.config, ...override.json } : read.config;
  const base = override ? override.basePath : dirname(configPath);
  const parsed = ts.parseJsonConfigFileContent(json, ts.sys, base, undefined, configPath);
  return { options: parsed.options, fileNames: parsed.fileNames, errors: parsed.errors };
}

/** The configs to check: every workspace folder's own tsconfig*.json, then the root one. */
function configs() {
  const found = [];
  for (const parent of WORKSPACE_PARENTS) {
    for (const name of readdirSync(join(ROOT, parent)).sort()) {
      const folder = join(ROOT, parent, name);
      if (!existsSync(join(folder, 'package.json'))) continue;
      const own = readdirSync(folder).filter((f) => /^tsconfig.*\.json$/.test(f));
      if (own.length > 0) {
        for (const f of own.sort())
          found.push({ label: relative(ROOT, join(folder, f)), ...parseConfig(join(folder, f)) });
      } else {
        const json = { include: ['src/**/*.ts', 'test/**/*.ts'] };
        const config = parseConfig(join(ROOT, 'tsconfig.node.json'), { json, basePath: folder });
        found.push({ label: `${relative(ROOT, folder)} (no tsconfig.json: tsconfig.node.json)`, ...config });
      }
    }
  }
  const claimed = new Set(found.flatMap((c) => c.fileNames));
  const root = parseConfig(join(ROOT, 'tsconfig.json'));
  found.push({ ...root, label: 'tsconfig.json', fileNames: root.fileNames.filter((f) => !claimed.has(f)) });
  return found;
}

const parsedFiles = new Map();

function host(options) {
  const h = ts.createCompilerHost(options);
  const parse = h.getSourceFile.bind(h);
  h.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    let file = parsedFiles.get(key);
    if (file === undefined) {
      file = parse(fileName, languageVersion, onError, shouldCreate);
      if (file !== undefined) parsedFiles.set(key, file);
    }
    return file;
  };
  return h;
}

const format = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => ROOT,
  getNewLine: () => '\n',
};

let errors = 0;
for (const config of configs()) {
  const diagnostics = [...config.errors];
  if (config.options !== undefined && config.fileNames.length > 0) {
    const program = ts.createProgram({
      rootNames: config.fileNames,
      options: config.options,
      host: host(config.options),
    });
    diagnostics.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
    for (const fileName of config.fileNames) {
      const file = program.getSourceFile(fileName);
      diagnostics.push(...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file));
    }
  }
  errors += diagnostics.length;
  const status = diagnostics.length === 0 ? 'ok' : `${diagnostics.length} error(s)`;
  process.stdout.write(`typecheck ${config.label}: ${config.fileNames.length} files, ${status}\n`);
  if (diagnostics.length > 0) process.stdout.write(ts.formatDiagnostics(diagnostics, format));
}
process.exit(errors === 0 ? 0 : 1);
