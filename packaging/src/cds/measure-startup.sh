#!/usr/bin/env bash
# Start-up of the installed CLI with and without the AppCDS archive, runs alternated so that load
# on the shared machine hits both alike. Prints the median wall time and the median CPU time
# (user + system, all threads; steadier than wall time when the machine is loaded) of each, in ms.
#
# usage: measure-startup.sh INSTALL_DIR RUNS -- ARGS...   (e.g. /opt/astroshield 7 -- --version)
set -euo pipefail
dir=$1 runs=$2
shift 3
jsa="$dir/lib/app/astroshield.jsa"
test -f "$jsa"
trap 'test -f "$jsa.off" && mv "$jsa.off" "$jsa"' EXIT

once() {
  local TIMEFORMAT='%R %U %S'
  { time "$dir/bin/astroshield" "$@" >/dev/null 2>&1; } 2>&1 | awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

with=() without=()
for _ in $(seq "$runs"); do
  with+=("$(once "$@")")
  mv "$jsa" "$jsa.off"
  without+=("$(once "$@")")
  mv "$jsa.off" "$jsa"
done
report() {
  local label=$1
  shift
  local wall cpu
  wall=$(printf '%s\n' "$@" | cut -d' ' -f1 | median)
  cpu=$(printf '%s\n' "$@" | cut -d' ' -f2 | median)
  echo "$label wall median $wall ms, CPU median $cpu ms  (wall,cpu per run: $(printf '%s\n' "$@" | tr ' ' ',' | tr '\n' ' '))"
}
report "with archive:   " "${with[@]}"
report "without archive:" "${without[@]}"
