#!/usr/bin/env bash
# Dumps the AppCDS archive of the bundle: lib/app/astroshield.jsa, used by both launchers through
# -XX:SharedArchiveFile=$APPDIR/astroshield.jsa.
#
# On JDK 17 a dynamic archive only works when the class path at run time is the one at dump time,
# path for path (JDK 19 and later tolerate a moved application). So the app-image is staged at the
# directory the .deb and .rpm install it to, the archive is dumped there and copied back into the
# app-image before the installers are made. The workload is the window's start under Xvfb where
# Xvfb is installed, else a CLI run. Where that directory cannot be written (no root), the bundle
# is made without the archive: the launchers ignore a missing one.
#
# The archive also records the jar's modification time. jpackage copies the jar into the installers
# with a fresh one, so the jar gets a fixed time (JAR_MTIME, epoch seconds) here and the installers
# set it again on install (src/jpackage/linux: postinst, astroshield.spec).
#
# usage: dump-archive.sh APP_IMAGE_DIR INSTALL_DIR JAR_MTIME
set -euo pipefail
app_image=$1
install_dir=$2
jar_mtime=$3
# A directory of ours carries this marker; a CI runner without root pre-creates the directory
# with it (.github/workflows/package.yml).
marker=.astroshield-cds-staging

if [ -e "$install_dir" ] && [ ! -e "$install_dir/$marker" ]; then
  echo "cds: $install_dir exists (an installed AstroShield?); not touching it, bundle made without the archive" >&2
  exit 0
fi
if ! mkdir -p "$install_dir" 2>/dev/null || [ ! -w "$install_dir" ]; then
  echo "cds: cannot write $install_dir; bundle made without the archive" >&2
  exit 0
fi
touch "$install_dir/$marker"

work=$(mktemp -d)
empty_staging() { find "$install_dir" -mindepth 1 ! -name "$marker" -delete; }
cleanup() {
  empty_staging
  # remove the directory when we may; otherwise leave it marked as ours for the next build
  rm -f "$install_dir/$marker"
  rmdir "$install_dir" 2>/dev/null || touch "$install_dir/$marker"
  rm -rf "$work"
}
trap cleanup EXIT

touch -m -d "@$jar_mtime" "$app_image/lib/app/astroshield.jar"
empty_staging
# -a keeps the jar's modification time: the archive records it and checks it at every start
cp -a "$app_image/." "$install_dir/"
rm -f "$install_dir/lib/app/astroshield.jsa"

java="$install_dir/lib/runtime/bin/java"
jar="$install_dir/lib/app/astroshield.jar"
jsa="$install_dir/lib/app/astroshield.jsa"
export ASTROSHIELD_HOME="$work/home"
# The runtime's own java with the launchers' class path, string for string (the launcher's
# -XX:SharedArchiveFile would otherwise be taken as the base archive of the dump).
if command -v Xvfb >/dev/null 2>&1; then
  # The window's start: JavaFX, the main window, opening (and migrating) the store. Both launchers
  # use this archive; it is the one start-up with a target (docs/benchmarks.md, "Packaging").
  display=:93
  Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill "$xvfb" 2>/dev/null || true; cleanup' EXIT
  sleep 1
  DISPLAY=$display "$java" -XX:ArchiveClassesAtExit="$jsa" -cp "$jar" io.astroshield.app.Launcher \
    >"$work/dump.log" 2>&1 &
  app=$!
  for _ in $(seq 300); do
    grep -q "AstroShield window interactive in" "$work/dump.log" && break
    kill -0 "$app" 2>/dev/null || break
    sleep 1
  done
  grep -q "AstroShield window interactive in" "$work/dump.log" || { cat "$work/dump.log" >&2; exit 1; }
  # the JVM writes the archive as it exits, on SIGTERM too
  kill -TERM "$app"
  wait "$app" || true
  workload="the window's start under Xvfb"
else
  # No display server: the CLI reading, screening and storing a small catalog instead.
  "$java" -cp "$jar" io.astroshield.app.CliLauncher demo --objects 300 \
    --write-catalog "$work/catalog.3le" --out "$work/demo.csv" >/dev/null 2>&1
  "$java" -XX:ArchiveClassesAtExit="$jsa" -cp "$jar" io.astroshield.app.CliLauncher \
    screen --catalog "$work/catalog.3le" --duration 2h --save --out "$work/screen.csv" >"$work/dump.log" 2>&1 || {
      cat "$work/dump.log" >&2
      exit 1
    }
  workload="a CLI screening (no Xvfb here)"
fi
test -s "$install_dir/lib/app/astroshield.jsa"
cp -p "$install_dir/lib/app/astroshield.jsa" "$app_image/lib/app/astroshield.jsa"
echo "cds: archive $(du -k "$app_image/lib/app/astroshield.jsa" | cut -f1) KiB dumped at $install_dir from $workload"
