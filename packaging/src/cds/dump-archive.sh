#!/usr/bin/env bash
# Dumps the AppCDS archive of the bundle: lib/app/astroshield.jsa, used by both launchers through
# -XX:SharedArchiveFile=$APPDIR/astroshield.jsa.
#
# On JDK 17 a dynamic archive only works when the class path at run time is the one at dump time,
# path for path (JDK 19 and later tolerate a moved application). So the app-image is staged at the
# directory the .deb and .rpm install it to, the archive is dumped there by a CLI run that reads,
# screens and stores a small catalog, and copied back into the app-image before the installers are
# made. Where that directory cannot be written (no root), the bundle is made without the archive:
# the launchers ignore a missing one.
#
# usage: dump-archive.sh APP_IMAGE_DIR INSTALL_DIR
set -euo pipefail
app_image=$1
install_dir=$2
marker=.astroshield-cds-staging

if [ -e "$install_dir" ] && [ ! -e "$install_dir/$marker" ]; then
  echo "cds: $install_dir exists (an installed AstroShield?); not touching it, bundle made without the archive" >&2
  exit 0
fi
if ! mkdir -p "$install_dir" 2>/dev/null || [ ! -w "$install_dir" ]; then
  echo "cds: cannot write $install_dir; bundle made without the archive" >&2
  exit 0
fi

work=$(mktemp -d)
cleanup() { rm -rf "$install_dir" "$work"; }
trap cleanup EXIT
rm -rf "$install_dir"
# -p keeps the jar's modification time: the archive records it and checks it at every start
cp -a "$app_image" "$install_dir"
touch "$install_dir/$marker"
rm -f "$install_dir/lib/app/astroshield.jsa"

cli="$install_dir/bin/astroshield"
export ASTROSHIELD_HOME="$work/home"
"$cli" demo --objects 300 --write-catalog "$work/catalog.3le" --out "$work/demo.csv" 2>/dev/null
# the run whose loaded classes go into the archive: reading, screening, the H2 store and Flyway
JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$install_dir/lib/app/astroshield.jsa" \
  "$cli" screen --catalog "$work/catalog.3le" --duration 2h --save --out "$work/screen.csv" 2>"$work/dump.log" || {
    cat "$work/dump.log" >&2
    exit 1
  }
test -s "$install_dir/lib/app/astroshield.jsa"
cp -p "$install_dir/lib/app/astroshield.jsa" "$app_image/lib/app/astroshield.jsa"
echo "cds: archive $(du -k "$app_image/lib/app/astroshield.jsa" | cut -f1) KiB dumped at $install_dir"
