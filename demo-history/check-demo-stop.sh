#!/usr/bin/env bash
# Checks that demo.sh stops everything it started, however it is stopped: a signal (INT, TERM, HUP) sent at a
# chosen moment, or the shell that started it dying without sending anything. Usage:
#   demo-history/check-demo-stop.sh <INT|TERM|HUP|PARENT> <building|keycloak|ready>
# "building": as soon as the build runs; "keycloak": once Keycloak's process runs; "ready": once the demo printed
# its table. Runs the demo on HTTP_PORT (default 18480), so it does not clash with one on 8080.
set -euo pipefail
set -m # each background job in its own process group, so that SIGINT reaches it (a script's jobs ignore it otherwise)
cd "$(dirname "$0")/.."
HOW=$1
WHEN=$2
export HTTP_PORT=${HTTP_PORT:-18480}
OUT=$(mktemp)

descendants() {
  local child
  for child in $(pgrep -P "$1"); do
    echo "$child"
    descendants "$child"
  done
}

if [ "$HOW" = PARENT ]; then
  # an intermediate shell that starts the demo and is then killed outright, as a closed IDE would be
  bash -c './demo.sh > "$1" 2>&1 & echo $! > "$1.pid"; wait' _ "$OUT" &
  SHELL_PID=$!
  until [ -s "$OUT.pid" ]; do sleep 0.2; done
  DEMO_PID=$(cat "$OUT.pid")
else
  ./demo.sh > "$OUT" 2>&1 &
  DEMO_PID=$!
fi

# whether a process started by demo.sh has a command line matching the pattern
runs() {
  descendants "$DEMO_PID" | xargs -r ps -o args= -p 2>/dev/null | grep -q "$1"
}

# waits until the command succeeds; fails when the demo ended by itself or after 10 minutes
await() {
  local deadline=$(( $(date +%s) + 600 ))
  until "$@"; do
    if ! kill -0 "$DEMO_PID" 2>/dev/null || [ "$(date +%s)" -gt "$deadline" ]; then
      echo "FAIL: the demo never got to '$WHEN':"; tail -20 "$OUT"; exit 1
    fi
    sleep 0.5
  done
}

case $WHEN in
  building) await runs plexus.classworlds ;;
  keycloak) await runs QuarkusEntryPoint ;;
  ready) await grep -q "demo is running" "$OUT" ;;
esac
sleep 2
STARTED=$(descendants "$DEMO_PID")
echo "Started by demo.sh ($WHEN):"
ps -o pid=,args= -p $(echo $STARTED | tr ' ' ',') | cut -c1-120

case $HOW in
  PARENT) kill -KILL "$SHELL_PID" ;;
  *) kill -"$HOW" "$DEMO_PID" ;;
esac
START=$(date +%s)
while true; do
  LEFT=$(for pid in $DEMO_PID $STARTED; do kill -0 "$pid" 2>/dev/null && echo "$pid"; done || true)
  [ -z "$LEFT" ] && break
  if [ $(( $(date +%s) - START )) -gt 45 ]; then
    echo "FAIL: still running 45 s after $HOW:"
    ps -o pid=,args= -p $(echo $LEFT | tr ' ' ',') | cut -c1-120
    exit 1
  fi
  sleep 0.5
done
echo "PASS: $HOW while $WHEN stopped demo.sh and all $(echo $STARTED | wc -w) processes it started in $(( $(date +%s) - START )) s"
tail -3 "$OUT"
rm -f "$OUT" "$OUT.pid"
