#!/usr/bin/env bash
# The HJ 212 receiver's load and fault run (docs/hj212.md, "Load run"): LOGGERS simulated data loggers send MINUTES
# of minute data (and hourly data) over loopback; the server is killed with SIGKILL mid-stream and started again on
# the same log; a share of the frames is malformed; afterwards the partitions are checked for lost and duplicated
# records. A logger never re-sends a packet it has an answer for, so an acknowledged packet lost in the kill would
# show as "lost" in the check.
#   LOGGERS=200 MINUTES=1440 KILL_AFTER=20 bash eng/hj212-load-run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
loggers=${LOGGERS:-200}
minutes=${MINUTES:-1440}
port=${PORT:-17213}
kill_after=${KILL_AFTER:-20}
malformed=${MALFORMED:-0.01}
out=${OUT:-$(mktemp -d)}

dotnet build -c Release src/Shapotou.Sdk.Cli > "$out/build.log" 2>&1 || { tail -20 "$out/build.log"; exit 2; }
cli=(dotnet src/Shapotou.Sdk.Cli/bin/Release/net10.0/Shapotou.Sdk.Cli.dll)

serve() {
  "${cli[@]}" hj212 serve --port "$port" --host 127.0.0.1 --out "$out/data" --roll-seconds 30 > "$out/serve-$1.out" 2> "$out/serve-$1.err" &
  server=$!
}

echo "run folder: $out"
serve 1
first=$server
sleep 2
"${cli[@]}" hj212 simulate --port "$port" --loggers "$loggers" --minutes "$minutes" --malformed "$malformed" --timeout-seconds 5 > "$out/simulate.out" 2> "$out/simulate.err" &
simulator=$!

sleep "$kill_after"
peak_first=$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$first/status")
kill -9 "$first"
wait "$first" 2> /dev/null || true
echo "killed the server (SIGKILL) after ${kill_after} s; its peak resident memory was $peak_first"
sleep 3
serve 2
second=$server

wait "$simulator"
echo "simulate: $(cat "$out/simulate.out")"
kill -TERM "$second"
wait "$second" || true
echo "server 2: $(cat "$out/serve-2.out")"
"${cli[@]}" hj212 simulate --loggers "$loggers" --minutes "$minutes" --verify "$out/data"
