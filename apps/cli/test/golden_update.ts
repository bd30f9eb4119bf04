/**
 * `npm run golden:update`: regenerates apps/cli/test/golden/ from the current code. Legitimate only after a deliberate
 * change to a method or an output format, with the reason in the commit message (see docs/reliability.md).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN_CASES, GOLDEN_DIR, mapLimited, produceGolden } from './golden_cases.ts';

await mapLimited(GOLDEN_CASES, 2, async (c) => {
  writeFileSync(join(GOLDEN_DIR, c.name), await produceGolden(c));
  process.stdout.write(`wrote ${join('apps/cli/test/golden', c.name)}\n`);
});
