#!/usr/bin/env bash
# Start to interactive window of the installed (or extracted) bundle under Xvfb, with and without
# the AppCDS archive, runs alternated. The figure is the one the window prints on stderr
# ("AstroShield window interactive in N ms", from JVM start to the first frame after show()).
#
# usage: measure-window.sh BUNDLE_DIR RUNS     (BUNDLE_DIR holds bin/AstroShield, e.g. /opt/astroshield)
set -euo pipefail
dir=$1 runs=$2
jsa="$dir/lib/app/astroshield.jsa"
work=$(mktemp -d)
display=:86
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
cleanup() {
  kill "$xvfb" 2>/dev/null || true
  test -f "$jsa.off" && mv "$jsa.off" "$jsa"
  rm -rf "$work"
}
trap cleanup EXIT
export DISPLAY=$display ASTROSHIELD_HOME="$work/home"
sleep 1

once() {
  local log="$work/window.log" pid ms="" cpu=""
  : >"$log"
  "$dir/bin/AstroShield" 2>"$log" >/dev/null &
  pid=$!
  for _ in $(seq 1200); do
    ms=$(sed -n 's/.*AstroShield window interactive in \([0-9]*\) ms.*/\1/p' "$log")
    if [ -n "$ms" ]; then
      # utime + stime of the JVM (the launcher runs it in its own process), clock ticks to ms
      cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$pid/stat")
      break
    fi
    sleep 0.05
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "${ms:-timeout} ${cpu:-timeout}"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

once >/dev/null # first start creates the store; not counted
with=() without=()
for _ in $(seq "$runs"); do
  if [ -f "$jsa" ]; then
    with+=("$(once)")
    mv "$jsa" "$jsa.off"
  fi
  without+=("$(once)")
  test -f "$jsa.off" && mv "$jsa.off" "$jsa"
done
report() {
  local label=$1
  shift
  local wall cpu
  wall=$(printf '%s\n' "$@" | cut -d' ' -f1 | median)
  cpu=$(printf '%s\n' "$@" | cut -d' ' -f2 | median)
  echo "$label interactive median $wall ms, CPU median $cpu ms  (interactive,cpu per run: $(printf '%s\n' "$@" | tr ' ' ',' | tr '\n' ' '))"
}
if [ ${#with[@]} -gt 0 ]; then
  report "with archive:   " "${with[@]}"
fi
report "without archive:" "${without[@]}"
