#!/usr/bin/env bash
# Mixes random bad messages into a steady stream of good readings on traffic-raw and prints what the pipeline did
# with them: good readings in / predicted / lost / duplicated, bad messages in / dead-lettered, offset lag at the end.
# Arguments go to the fuzzer, e.g. ./scripts/poison-fuzz.sh bad=10000 ticks=30 rate=2000 seed=11
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/services.sh" up >/dev/null
dotnet run -c Release --project "$ROOT/bench/TrafficOrleans.Bench.PoisonFuzz" -- "$@"
