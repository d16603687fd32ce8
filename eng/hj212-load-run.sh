#!/usr/bin/env bash
# The HJ 212 receiver's load, fault and attack run (docs/hj212.md, "Load run"), on loopback only (127.0.0.1):
# LOGGERS registered data loggers send MINUTES of minute data (and hourly data) while IDLE connections that send
# nothing sit beside them and FORGERS send packets for the loggers' MNs and minutes with other values and a wrong PW
# (and now and then an unregistered or 250-byte MN). The server is killed with SIGKILL mid-stream and started again on
# the same log; a share of the frames is malformed. Afterwards the partitions are checked: every record once, none
# lost, none altered (a forged value would show), and the rolls must report no conflict and no unregistered MN.
# A logger never re-sends a packet it has an answer for, so an acknowledged packet lost in the kill would show as "lost".
#   LOGGERS=200 MINUTES=1440 IDLE=4000 FORGERS=1 KILL_AFTER=15 bash eng/hj212-load-run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
loggers=${LOGGERS:-200}
minutes=${MINUTES:-1440}
idle=${IDLE:-4000}
forgers=${FORGERS:-1}
port=${PORT:-$(python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")}
kill_after=${KILL_AFTER:-20}
malformed=${MALFORMED:-0.01}
limit=${TIME_LIMIT:-900}
out=${OUT:-$(mktemp -d)}
host=127.0.0.1

dotnet build -c Release src/Shapotou.Sdk.Cli > "$out/build.log" 2>&1 || { tail -20 "$out/build.log"; exit 2; }
cli=(dotnet src/Shapotou.Sdk.Cli/bin/Release/net10.0/Shapotou.Sdk.Cli.dll)
"${cli[@]}" hj212 simulate --loggers "$loggers" --write-registry "$out/registry.txt" > /dev/null

serve() {
  # Every connection comes from 127.0.0.1 here, so the per-address cap is lifted; the total cap stays at its default.
  # --stop-after bounds the run's time without a wrapper process, so that $! is the server itself (killed below).
  "${cli[@]}" hj212 serve --port "$port" --host "$host" --out "$out/data" --registry "$out/registry.txt" \
    --roll-seconds 30 --max-connections-per-address 8192 --stop-after "$limit" > "$out/serve-$1.out" 2> "$out/serve-$1.err" &
  server=$!
}

echo "run folder: $out"
serve 1
first=$server
sleep 2
timeout "$limit" "${cli[@]}" hj212 simulate --host "$host" --port "$port" --loggers "$loggers" --minutes "$minutes" \
  --malformed "$malformed" --idle-connections "$idle" --forgers "$forgers" --timeout-seconds 5 > "$out/simulate.out" 2> "$out/simulate.err" &
simulator=$!

sleep "$kill_after"
peak_first=$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$first/status")
kill -9 "$first"
wait "$first" 2> /dev/null || true
echo "killed the server (SIGKILL) after ${kill_after} s; its peak resident memory was $peak_first"
sleep 3
serve 2
second=$server

status=0
wait "$simulator" || status=$?
echo "simulate (exit $status): $(cat "$out/simulate.out")"
kill -TERM "$second"
wait "$second" || true
echo "server 2: $(cat "$out/serve-2.out")"
grep -h "rolled .* segment" "$out/serve-1.err" "$out/serve-2.err" || true
grep -c "Refused a packet" "$out/serve-2.err" | sed 's/^/server 2 refusal reports shown: /'
conflicts=$(grep -ho "(conflicts [0-9]*)" "$out/serve-1.err" "$out/serve-2.err" | grep -o "[0-9]*" | paste -sd+ - | bc)
unmapped=$(grep -ho "unmapped MN [0-9]*" "$out/serve-1.err" "$out/serve-2.err" | grep -o "[0-9]*" | paste -sd+ - | bc)
echo "rolls: conflicts ${conflicts:-0}, unregistered MNs ${unmapped:-0}"
"${cli[@]}" hj212 simulate --loggers "$loggers" --minutes "$minutes" --verify "$out/data"
[ "$status" = 0 ] && [ "${conflicts:-0}" = 0 ] && [ "${unmapped:-0}" = 0 ]
