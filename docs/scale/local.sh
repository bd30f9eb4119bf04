#!/usr/bin/env bash
# Runs a Tally batch as N processes on this machine, then merges the shards (docs/scale.md).
#   docs/scale/local.sh BATCH.yaml OUT [N]
# Environment: TALLY, the command that runs Tally (default "npx tally"); N defaults to the number of cores.
# Each process gets cores/N worker threads (at least 1, so N = cores runs one thread per process): N processes that
# each spread their Monte Carlo over every core would only take turns on them. The outputs do not depend on it.
# Writes OUT/shard-<i>/ (one per process, with OUT/shard-<i>.log) and OUT/merged/ (index.json, index.html,
# findings.csv and every job's folder). Exit status: 0 when every job ran, 1 when a job failed (the merge is still
# written), 2 on a usage mistake.
set -u
if [ "$#" -lt 2 ] || [ "$#" -gt 3 ]; then
  echo "usage: $0 BATCH.yaml OUT [N]" >&2
  exit 2
fi
batch=$1
out=$2
cores=$(nproc 2>/dev/null || echo 2)
n=${3:-$cores}
case $n in '' | *[!0-9]* | 0*) echo "$0: N must be a whole number >= 1, got '$n'" >&2; exit 2 ;; esac
threads=$((cores / n > 1 ? cores / n : 1))
read -r -a tally <<<"${TALLY:-npx tally}"
mkdir -p "$out"
pids=()
for ((i = 0; i < n; i++)); do
  "${tally[@]}" batch "$batch" --out "$out/shard-$i" --shard "$i/$n" --threads "$threads" >"$out/shard-$i.log" 2>&1 &
  pids+=("$!")
done
status=0
for ((i = 0; i < n; i++)); do
  # A shard exits 1 when one of its jobs failed; its other jobs still ran and the merge shows which.
  wait "${pids[$i]}" || status=1
done
shards=()
for ((i = 0; i < n; i++)); do shards+=("$out/shard-$i"); done
"${tally[@]}" batch merge "${shards[@]}" --out "$out/merged" || exit 1
exit "$status"
