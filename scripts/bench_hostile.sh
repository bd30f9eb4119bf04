#!/bin/sh
# Peak resident memory of `tally validate` on each bomb of the hostile corpus (issue 21), measured with
# /usr/bin/time -v (GNU time). Not a test: memory and time depend on the machine. Usage: sh scripts/bench_hostile.sh
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=$(mktemp -d "${TMPDIR:-/tmp}/tally-bench-hostile-XXXXXX")
trap 'rm -rf "$DIR"' EXIT
cd "$ROOT"
node --import tsx -e "
const { HOSTILE_LIMITS } = await import('./packages/ingest/test/hostile_limits.ts');
const { openDuckDb, quoteLiteral } = await import('@tally/ingest');
for (const k of HOSTILE_LIMITS) if (!k.name.startsWith('fifo') && !k.name.startsWith('dev_zero')) k.make('$DIR');
const c = await openDuckDb();
await c.run(\`COPY (SELECT (range % 7)::VARCHAR AS station FROM range(50000000)) TO \${quoteLiteral('$DIR/many.parquet')} (FORMAT parquet)\`);
"
printf '%-24s %6s %10s  %s\n' file exit peak_MiB message
for f in deep.json deep_objects.json bomb.json.gz bomb.csv.gz many_rows.csv wide.csv mac.csv bomb.xlsx lying.xlsx zip64.xlsx many.parquet; do
  /usr/bin/time -v -o "$DIR/time.txt" node apps/cli/bin/tally.js validate "$DIR/$f" --map packages/ingest/test/corpus/map.json \
    >"$DIR/out.txt" 2>&1 && code=0 || code=$?
  kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$DIR/time.txt")
  printf '%-24s %6s %10s  %s\n' "$f" "$code" "$((kb / 1024))" "$(grep -o '\[[a-z_0-9]*\]' "$DIR/out.txt" | head -1)"
done
