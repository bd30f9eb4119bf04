/** Region paths: each level's code identifies the full path down to that level, so same-named places stay apart. */
import type { RegionLevel } from '@tally/core';
import type { ValidationIssue } from './issues.ts';

/** Builds region levels from per-station labels (widest level first). */
export function buildRegions(
  levels: { name: string; column: string; labels: string[] }[],
  where: { file: string; lineOf: (i: number) => number; issues: ValidationIssue[] },
): RegionLevel[] {
  const out: RegionLevel[] = [];
  const n = levels.length > 0 ? levels[0].labels.length : 0;
  const parent = new Int32Array(n).fill(-1);
  for (const level of levels) {
    const index = new Map<string, number>();
    const labels: string[] = [];
    const codes = new Int32Array(n);
    let missing = 0;
    for (let i = 0; i < n; i++) {
      let label = level.labels[i];
      if (label === '') {
        label = '(missing)';
        missing++;
        if (missing <= 20) {
          where.issues.push({
            level: 'warning',
            file: where.file,
            row: where.lineOf(i),
            column: level.column,
            rule: 'missing_region_label',
            message: `no ${level.name} given; grouped as "(missing)"`,
          });
        }
      }
      const key = `${parent[i]}\u0000${label}`;
      let code = index.get(key);
      if (code === undefined) {
        code = labels.length;
        index.set(key, code);
        labels.push(label);
      }
      codes[i] = code;
    }
    if (missing > 20) {
      where.issues.push({
        level: 'warning',
        file: where.file,
        column: level.column,
        rule: 'missing_region_label',
        message: `${missing - 20} more rows have no ${level.name}`,
      });
    }
    parent.set(codes);
    out.push({ name: level.name, labels, codes });
  }
  return out;
}
