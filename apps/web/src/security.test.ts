import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { guardPath, hostAllowed, isLoopbackHost } from './security.ts';

test('guardPath allows files below a root and refuses traversal, absolute escapes and symlinks out', () => {
  const base = mkdtempSync(join(tmpdir(), 'tally-guard-'));
  const root = join(base, 'root');
  mkdirSync(join(root, 'sub'), { recursive: true });
  writeFileSync(join(root, 'sub', 'a.csv'), 'x');
  writeFileSync(join(base, 'secret.txt'), 'x');
  symlinkSync(join(base, 'secret.txt'), join(root, 'link.txt'));
  assert.equal(guardPath('sub/a.csv', [root]), join(root, 'sub', 'a.csv'));
  assert.equal(guardPath(join(root, 'sub', 'a.csv'), [root]), join(root, 'sub', 'a.csv'));
  assert.equal(guardPath('../secret.txt', [root]), undefined);
  assert.equal(guardPath('sub/../../secret.txt', [root]), undefined);
  assert.equal(guardPath(join(base, 'secret.txt'), [root]), undefined);
  assert.equal(guardPath('link.txt', [root]), undefined);
  assert.equal(guardPath('/etc/passwd', [root]), undefined);
  assert.equal(guardPath('sub/a.csv\u0000.txt', [root]), undefined);
  assert.equal(guardPath('missing.csv', [root]), undefined);
});

test('host check accepts loopback names only, unless a host is allowed explicitly', () => {
  assert.ok(isLoopbackHost('127.0.0.1'));
  assert.ok(isLoopbackHost('localhost'));
  assert.ok(isLoopbackHost('[::1]'));
  assert.ok(!isLoopbackHost('example.com'));
  assert.ok(hostAllowed('127.0.0.1:8737', []));
  assert.ok(hostAllowed('localhost:1', []));
  assert.ok(hostAllowed('[::1]:8737', []));
  assert.ok(!hostAllowed('attacker.example:8737', []));
  assert.ok(!hostAllowed(undefined, []));
  assert.ok(hostAllowed('tally.lan:80', ['tally.lan']));
});
