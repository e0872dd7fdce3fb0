#!/usr/bin/env bash
# Builds the request-parser fuzzer with clang (libFuzzer, ASan, UBSan) and
# runs it for SECONDS (default 20). Prints "ok - ..." or "not ok - ...", as
# scripts/test counts. Crash inputs are left in $OUT.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
seconds=${1:-${SC_FUZZ_SECONDS:-20}}
out=${SC_VAR:-$root/var}/fuzz
mkdir -p "$out/corpus"
cp -n "$root"/test/fuzz/corpus/* "$out/corpus/" 2>/dev/null || true
inc=$(pkg-config --cflags libsodium inih)
clang -g -O1 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined \
  -I"$root/lib" $inc -o "$out/fuzz_request" \
  "$root/test/fuzz/fuzz_request.c" "$root/lib/request.c" "$root/lib/arena.c" \
  "$root/lib/config.c" $(pkg-config --libs inih)
if (cd "$out" && ./fuzz_request -max_total_time="$seconds" -max_len=4096 \
     -artifact_prefix="$out/" corpus >"$out/fuzz.log" 2>&1); then
  runs=$(grep -o 'Done [0-9]* runs' "$out/fuzz.log" | tail -1)
  echo "ok - request parsers survive ${seconds}s of fuzzing (${runs:-?})"
else
  tail -n 30 "$out/fuzz.log"
  echo "not ok - request parsers crashed under fuzzing (inputs in $out)"
  exit 1
fi
