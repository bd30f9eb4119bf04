import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell } from './csv_cell.ts';

test("OWASP's CSV injection rule: formula starts get a quote prefix, plain numbers do not", () => {
  assert.equal(csvCell('-1+HYPERLINK("http://x","y")'), `"'-1+HYPERLINK(""http://x"",""y"")"`);
  assert.equal(csvCell('=1+1'), "'=1+1");
  assert.equal(csvCell('+A1'), "'+A1");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('\t=1'), "'\t=1");
  assert.equal(csvCell('\r=1'), `"'\r=1"`);
  assert.equal(csvCell('-1'), '-1');
  assert.equal(csvCell('-1.5e-3'), '-1.5e-3');
  assert.equal(csvCell('+7'), '+7');
  assert.equal(csvCell(-0.25), '-0.25');
  assert.equal(csvCell('-'), "'-");
  assert.equal(csvCell('-1-1'), "'-1-1");
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell('-2+3'), "'-2+3");
  assert.equal(csvCell('@HYPERLINK("x")'), `"'@HYPERLINK(""x"")"`);
  assert.equal(csvCell('\rx'), `"'\rx"`);
  assert.equal(csvCell('+1.5e3'), '+1.5e3');
  assert.equal(csvCell('-.5'), '-.5');
  assert.equal(csvCell('a,b "c"'), '"a,b ""c"""');
  assert.equal(csvCell('x=1'), 'x=1');
});
