import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const examples = readdirSync(join(ROOT, 'examples')).filter((d) => statSync(join(ROOT, 'examples', d)).isDirectory());

/** NOTICE's block for one example: from its "examples/NAME" line to the next such line. */
function noticeBlock(notice: string, name: string): string | undefined {
  const lines = notice.split('\n');
  const start = lines.findIndex((l) => l.trim() === `examples/${name}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((l, k) => k > start && /^examples\//.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

test('LICENSE is a standard permissive licence naming "The Tally authors", and the README names LICENSE and NOTICE', () => {
  const licence = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
  assert.match(licence, /^MIT License\n/);
  assert.match(licence, /Copyright \(c\) \d{4} The Tally authors/);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.match(readme, /^## Licence$/m);
  assert.match(readme, /\[LICENSE\]\(LICENSE\)/);
  assert.match(readme, /\[NOTICE\]\(NOTICE\)/);
});

test('every bundled data set has a licence notice in NOTICE (each data file named) and in its README', () => {
  assert.ok(examples.length >= 7, `examples: ${examples.join(', ')}`);
  const notice = readFileSync(join(ROOT, 'NOTICE'), 'utf8');
  for (const name of examples) {
    const block = noticeBlock(notice, name);
    assert.ok(block !== undefined, `NOTICE has no "examples/${name}" section`);
    assert.match(block, /Licence: /, `NOTICE, examples/${name}: no "Licence:" line`);
    const data = readdirSync(join(ROOT, 'examples', name)).filter((f) =>
      /\.(csv|csv\.gz|parquet|json\.gz|xlsx)$/.test(f),
    );
    assert.ok(data.length > 0, `examples/${name} has no data file`);
    for (const file of data) assert.ok(block.includes(file), `NOTICE, examples/${name}: ${file} is not named`);
    const readme = readFileSync(join(ROOT, 'examples', name, 'README.md'), 'utf8');
    assert.match(readme, /^## Licence\n\n\S/m, `examples/${name}/README.md has no "## Licence" section`);
  }
});
