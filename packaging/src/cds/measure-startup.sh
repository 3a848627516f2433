#!/usr/bin/env bash
# Start-up of the installed CLI with and without the AppCDS archive, runs alternated so that load
# on the shared machine hits both alike. Prints the median wall time of each in ms.
#
# usage: measure-startup.sh INSTALL_DIR RUNS -- ARGS...   (e.g. /opt/astroshield 7 -- --version)
set -euo pipefail
dir=$1 runs=$2
shift 3
jsa="$dir/lib/app/astroshield.jsa"
test -f "$jsa"
trap 'test -f "$jsa.off" && mv "$jsa.off" "$jsa"' EXIT

once() {
  local s e
  s=$(date +%s%N)
  "$dir/bin/astroshield" "$@" >/dev/null 2>&1
  e=$(date +%s%N)
  echo $(((e - s) / 1000000))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

with=() without=()
for _ in $(seq "$runs"); do
  with+=("$(once "$@")")
  mv "$jsa" "$jsa.off"
  without+=("$(once "$@")")
  mv "$jsa.off" "$jsa"
done
echo "with archive:    median $(printf '%s\n' "${with[@]}" | median) ms  (${with[*]})"
echo "without archive: median $(printf '%s\n' "${without[@]}" | median) ms  (${without[*]})"
