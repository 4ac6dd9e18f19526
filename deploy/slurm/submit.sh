#!/bin/bash
# Submits the shard array, then the merge step that starts only when all shards succeeded.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p logs
array=$(sbatch --parsable quotetone-array.sbatch)
sbatch --dependency=afterok:"$array" quotetone-merge.sbatch
