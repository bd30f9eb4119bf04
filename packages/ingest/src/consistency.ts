/** Row-level arithmetic checks. These are warnings, never drops: an impossible count is itself a forensic signal. */
import type { CandidateColumn } from '@tally/core';
import type { ValidationIssue } from './issues.ts';

interface Columns {
  registered: Float64Array;
  valid: Float64Array;
  candidateSum: Float64Array;
  ballotsFound: Float64Array;
  ballotsCast: Float64Array;
  candidates: readonly CandidateColumn[];
  validIsColumn: boolean;
}

interface Where {
  file: string;
  lineOf: (i: number) => number;
  registeredColumn: string;
}

/** Checks sums and bounds on every station. */
export function checkConsistency(c: Columns, where: Where): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const n = c.registered.length;
  const castDiffers = c.ballotsCast !== c.ballotsFound;
  for (let i = 0; i < n; i++) {
    const row = where.lineOf(i);
    if (c.validIsColumn && c.candidateSum[i] !== c.valid[i]) {
      issues.push({
        level: 'warning',
        file: where.file,
        row,
        rule: 'valid_sum_mismatch',
        message: `candidate votes add up to ${c.candidateSum[i]} but valid votes are ${c.valid[i]}`,
      });
    }
    if (c.validIsColumn) {
      for (const cand of c.candidates) {
        if (cand.votes[i] > c.valid[i]) {
          issues.push({
            level: 'warning',
            file: where.file,
            row,
            column: cand.name,
            rule: 'votes_exceed_valid',
            message: `${cand.votes[i]} votes for one candidate exceed the ${c.valid[i]} valid votes`,
          });
        }
      }
    }
    if (c.ballotsFound[i] > c.registered[i]) {
      issues.push({
        level: 'warning',
        file: where.file,
        row,
        column: where.registeredColumn,
        rule: 'ballots_exceed_registered',
        message: `${c.ballotsFound[i]} ballots found but ${c.registered[i]} registered voters`,
      });
    }
    if (castDiffers && c.ballotsCast[i] > c.registered[i]) {
      issues.push({
        level: 'warning',
        file: where.file,
        row,
        column: where.registeredColumn,
        rule: 'ballots_cast_exceed_registered',
        message: `${c.ballotsCast[i]} ballots cast but ${c.registered[i]} registered voters`,
      });
    }
  }
  return issues;
}

/** Lists every repeated station id after its first occurrence, and marks the repeats as bad rows. */
export function findDuplicateIds(
  ids: readonly string[],
  bad: Set<number>,
  lineOf: (rowid: number) => number,
  file: string,
  column: string,
): ValidationIssue[] {
  const first = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (bad.has(i)) continue;
    const seen = first.get(ids[i]);
    if (seen === undefined) {
      first.set(ids[i], i);
      continue;
    }
    bad.add(i);
    issues.push({
      level: 'error',
      file,
      row: lineOf(i),
      column,
      rule: 'duplicate_station_id',
      message: `station id "${ids[i]}" already appears at row ${lineOf(seen)}`,
    });
  }
  return issues;
}
