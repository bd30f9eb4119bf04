import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseShard } from '../commands/batch.ts';
import { isJobId, shardJobs } from './batch_file.ts';

test('the shards of n partition the jobs: each job in exactly one, k in shard k mod n, file order kept', () => {
  const jobs = Array.from({ length: 11 }, (_, k) => `job${k}`);
  for (let n = 1; n <= 13; n++) {
    const seen: number[] = [];
    for (let i = 0; i < n; i++) {
      const mine = shardJobs(jobs, i, n);
      for (const { job, position } of mine) {
        assert.equal(position % n, i);
        assert.equal(job, jobs[position]);
      }
      assert.deepEqual(
        mine.map((x) => x.position),
        [...mine.map((x) => x.position)].sort((a, b) => a - b),
      );
      seen.push(...mine.map((x) => x.position));
    }
    assert.deepEqual(
      seen.sort((a, b) => a - b),
      jobs.map((_, k) => k),
    );
  }
});

test('--shard takes i/n with 0 <= i < n and nothing else', () => {
  assert.deepEqual(parseShard('0/1'), { index: 0, count: 1 });
  assert.deepEqual(parseShard('3/4'), { index: 3, count: 4 });
  for (const bad of ['4/4', '1/0', '-1/2', '1', '1/2/3', 'a/b', '0.5/2', '']) {
    assert.throws(() => parseShard(bad), /--shard must be i\/n/, bad);
  }
});

test('job ids are safe folder names: no dots, slashes, control characters or device names', () => {
  for (const good of ['a', 'bolivia-2019_oas', 'A1', 'x'.repeat(64)]) assert.ok(isJobId(good), good);
  for (const bad of ['', '.', '..', 'a.b', 'a/b', '-a', '_a', 'a b', 'nul', 'COM1', 'x'.repeat(65), 'a\u0000', 'é']) {
    assert.ok(!isJobId(bad), bad);
  }
});
