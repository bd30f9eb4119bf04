#!/usr/bin/env bash
# Merges the shards an array of docs/scale/slurm.sh wrote (docs/scale.md):
#   sbatch --dependency=afterany:<array job id> --export=ALL,SHARDS=4 docs/scale/slurm_merge.sh
# Environment: SHARDS (the array's task count, required), TALLY (default "npx tally"), OUT (default out/batch).
# Writes OUT/merged/: index.json, index.html, findings.csv and every job's folder.
#SBATCH --job-name=tally-batch-merge
#SBATCH --cpus-per-task=1
#SBATCH --mem=2G
#SBATCH --time=00:15:00
set -u
case ${SHARDS:-} in '' | *[!0-9]* | 0) echo "$0: set SHARDS to the array's task count" >&2; exit 2 ;; esac
read -r -a tally <<<"${TALLY:-npx tally}"
out=${OUT:-out/batch}
shards=()
for ((i = 0; i < SHARDS; i++)); do shards+=("$out/shard-$i"); done
exec "${tally[@]}" batch merge "${shards[@]}" --out "$out/merged"
