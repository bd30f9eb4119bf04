#!/usr/bin/env bash
# One shard of a Tally batch per Slurm array task (docs/scale.md). Submit with the array indices 0..N-1:
#   sbatch --array=0-3 docs/scale/slurm.sh
# then, when every task has ended, merge (or let Slurm run docs/scale/slurm_merge.sh after the array):
#   sbatch --dependency=afterany:<array job id> docs/scale/slurm_merge.sh
# Environment: TALLY (default "npx tally", run from the Tally checkout), BATCH (default examples/batch.yaml),
# OUT (default out/batch, on a file system every node shares). Slurm sets SLURM_ARRAY_TASK_ID,
# SLURM_ARRAY_TASK_COUNT and SLURM_CPUS_PER_TASK (from --cpus-per-task; each task runs that many threads, else 1).
# Each task writes OUT/shard-<task id>/.
#SBATCH --job-name=tally-batch
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=01:00:00
#SBATCH --output=tally-batch-%A_%a.log
set -u
if [ -z "${SLURM_ARRAY_TASK_ID:-}" ] || [ -z "${SLURM_ARRAY_TASK_COUNT:-}" ]; then
  echo "$0: SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT are unset; submit with sbatch --array=0-<N-1>" >&2
  exit 2
fi
if [ -n "${SLURM_ARRAY_TASK_MIN:-}" ] && [ "$SLURM_ARRAY_TASK_MIN" != 0 ]; then
  echo "$0: the array must start at 0 (--array=0-<N-1>), not at $SLURM_ARRAY_TASK_MIN" >&2
  exit 2
fi
read -r -a tally <<<"${TALLY:-npx tally}"
out=${OUT:-out/batch}
exec "${tally[@]}" batch "${BATCH:-examples/batch.yaml}" --out "$out/shard-$SLURM_ARRAY_TASK_ID" \
  --shard "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT" --threads "${SLURM_CPUS_PER_TASK:-1}"
