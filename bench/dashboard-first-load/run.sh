#!/usr/bin/env bash
# Dashboard first load on loopback, as a browser's critical path fetches it: index.html, the hashed JS and CSS it
# names, the two workers the JS names (live connection, map rendering), /dashboard/config, /roads and /traffic/current — with Accept-Encoding: br, gzip, over one connection per
# request like a cold cache. Prints p50/min/max of the total time over N runs and the bytes on the wire, then the
# bytes and request times of the two JSON answers uncompressed (identity, the baseline), gzip and brotli.
# Usage: bench/dashboard-first-load/run.sh [runs=9] [url=http://localhost:8080]   (a silo must be running)
set -euo pipefail
RUNS="${1:-9}"
URL="${2:-${TRAFFIC_URL:-http://localhost:8080}}"

index="$(curl -fsS --compressed "$URL/")"
script="$(grep -o 'assets/main-[A-Z0-9]*\.js' <<<"$index" | head -1)"
style="$(grep -o 'assets/main-[A-Z0-9]*\.css' <<<"$index" | head -1)"
main_js="$(curl -fsS --compressed "$URL/$script")"
worker="$(grep -o 'assets/liveWorker-[A-Z0-9]*\.js' <<<"$main_js" | head -1)"
renderer="$(grep -o 'assets/renderWorker-[A-Z0-9]*\.js' <<<"$main_js" | head -1)"
paths=("/" "/$script" "/$style" "/$worker" "/$renderer" "/dashboard/config" "/roads" "/traffic/current")

totals=()
bytes=0
for _ in $(seq "$RUNS"); do
  run_ms=0
  run_bytes=0
  for path in "${paths[@]}"; do
    read -r seconds size < <(curl -fsS -o /dev/null -H 'Accept-Encoding: br, gzip' -w '%{time_total} %{size_download}\n' "$URL$path")
    run_ms=$(awk -v a="$run_ms" -v s="$seconds" 'BEGIN { printf "%.3f", a + s * 1000 }')
    run_bytes=$((run_bytes + size))
  done
  totals+=("$run_ms")
  bytes=$run_bytes
done

sorted=($(printf '%s\n' "${totals[@]}" | sort -n))
p50="${sorted[$(( (RUNS - 1) / 2 ))]}"
printf '| requests | runs | p50 (ms) | min (ms) | max (ms) | bytes transferred |\n|---:|---:|---:|---:|---:|---:|\n'
printf '| %d | %d | %s | %s | %s | %d |\n' "${#paths[@]}" "$RUNS" "$p50" "${sorted[0]}" "${sorted[$((RUNS - 1))]}" "$bytes"
echo
for path in "${paths[@]}"; do
  headers="$(curl -fsS -o /dev/null -D - -H 'Accept-Encoding: br, gzip' "$URL$path" | tr -d '\r' | grep -iE '^(content-encoding|cache-control|content-length):' | tr '\n' ' ')"
  printf '%-32s %s\n' "$path" "$headers"
done

echo
printf '| JSON answer | encoding | bytes | p50 (ms) | min (ms) | max (ms) |\n|---|---|---:|---:|---:|---:|\n'
for path in /roads /traffic/current; do
  for encoding in identity gzip br; do
    times=()
    for _ in $(seq "$RUNS"); do
      read -r seconds size < <(curl -fsS -o /dev/null -H "Accept-Encoding: $encoding" -w '%{time_total} %{size_download}\n' "$URL$path")
      times+=("$(awk -v s="$seconds" 'BEGIN { printf "%.1f", s * 1000 }')")
    done
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    printf '| %s | %s | %d | %s | %s | %s |\n' "$path" "$encoding" "$size" "${sorted[$(( (RUNS - 1) / 2 ))]}" "${sorted[0]}" "${sorted[$((RUNS - 1))]}"
  done
done
