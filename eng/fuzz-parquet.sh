#!/usr/bin/env bash
# eng/fuzz-parquet.sh [N] [SEED]: the Parquet fuzz suite (tests/Shapotou.Sdk.Parquet.Tests/Fuzz) with N mutants per file
# and kind (default 5000: 50 000 mutants, 200 000 reads) and the given seed (default: a new one, printed), nightly-style.
# CI runs the same suite with 250 mutants per file and kind and seed 22. A failure names the seed, the case and the
# mutation; run the script again with that seed and N to reproduce it.
set -euo pipefail
cd "$(dirname "$0")/.."

cases="${1:-5000}"
seed="${2:-$RANDOM}"
echo "Parquet fuzz suite: $cases mutants per file and kind, seed $seed" >&2
SHAPOTOU_FUZZ_CASES="$cases" SHAPOTOU_FUZZ_SEED="$seed" dotnet test tests/Shapotou.Sdk.Parquet.Tests \
  --filter "FullyQualifiedName~Shapotou.Sdk.Parquet.Tests.Fuzz" --logger "console;verbosity=normal"
