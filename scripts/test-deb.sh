#!/usr/bin/env bash
# Checks the built Debian package, installs it and runs it as a user would:
#
#   ./scripts/test-deb.sh [--root DIR] [DEB]
#
#   DEB         defaults to the one scripts/package.sh wrote in $FO_BUILD_DIR/package (FO_BUILD_DIR: `build`)
#   --root DIR  install and run inside the Debian root DIR (through chroot) instead of on this machine;
#               packaging/test-deb-debootstrap.sh makes a clean one and calls this
#
# 1. The package: it holds the binary, the .desktop file, the AppStream metainfo and every icon; the shipped
#    .desktop and metainfo pass desktop-file-validate and `appstreamcli validate --no-net`; its Depends name the
#    run-time plugins that dpkg-shlibdeps cannot see; and every package it depends on is in
#    `packaging/bootstrap.sh --list runtime runtime-desktop` (the headless job's set and the desktop's).
# 2. The install: `dpkg -i`, then `apt-get install -f` for the dependencies, as root (or through sudo).
# 3. The smoke test, as a user other than root when run as root (`nobody`), with a fresh empty HOME and a clean
#    environment (no DISPLAY, no QT_QPA_PLATFORM, no DB_* settings): /usr/bin/find-outliers --version prints the
#    package's version, and --demo (twice, the second with --json) completes on the embedded SQLite database,
#    finds outliers and advances the iteration. Then the desktop window starts under QT_QPA_PLATFORM=offscreen and
#    keeps running until stopped.
#
# Without --root it changes this machine (CI's is thrown away afterwards), so it removes the package again when it
# was not installed before; FO_KEEP_INSTALLED=1 keeps it.
# shellcheck disable=SC2016 # dpkg-query's ${Status} is its format, not the shell's
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
build_dir=${FO_BUILD_DIR:-build}

log() {
    echo "test-deb: $*" >&2
}
fail() {
    log "FAILED: $*"
    exit 1
}

root=""
deb=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --root)
            root=$(realpath "${2:?--root needs a directory}")
            shift
            ;;
        -h | --help)
            sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *) deb=$1 ;;
    esac
    shift
done

if [[ -z "$deb" ]]; then
    shopt -s nullglob
    found=("$build_dir"/package/find-outliers_*.deb)
    shopt -u nullglob
    [[ ${#found[@]} -eq 1 ]] || fail "expected one package in $build_dir/package, found ${#found[@]}; run scripts/package.sh first"
    deb=${found[0]}
fi
[[ -f "$deb" ]] || fail "no such package: $deb"
deb=$(realpath "$deb")
version=$(dpkg-deb --field "$deb" Version)
log "checking $deb (version $version)${root:+ in the root $root}"

as_root=()
if [[ $(id -u) -ne 0 ]]; then
    [[ -z "$root" ]] || fail "--root needs root (chroot)"
    command -v sudo >/dev/null 2>&1 || fail "installing a package needs root or sudo"
    as_root=(sudo)
fi
# Runs a command as root on this machine, or inside the root given with --root.
in_target() {
    if [[ -n "$root" ]]; then
        chroot "$root" "$@"
    else
        "${as_root[@]}" "$@"
    fi
}

work=$(mktemp -d "${TMPDIR:-/tmp}/fo-test-deb.XXXXXX")
# Where the smoke test's files live: inside the target root, as seen from here (_out) and from the program (_in).
target_tmp_in=/tmp/fo-test-deb.$$
target_tmp_out="$root$target_tmp_in"
if [[ -z "$root" ]]; then
    target_tmp_in="$work/target"
    target_tmp_out="$work/target"
fi
mkdir -p "$target_tmp_out"

installed_before=0
if in_target dpkg-query -W -f='${Status}' find-outliers 2>/dev/null | grep -q '^install ok installed$'; then
    installed_before=1
fi
cleanup() {
    local status=$?
    rm -rf "$work" "$target_tmp_out"
    if [[ -z "$root" && $installed_before -eq 0 && "${FO_KEEP_INSTALLED:-0}" != 1 ]] &&
        dpkg-query -W -f='${Status}' find-outliers 2>/dev/null | grep -q 'installed'; then
        log "removing the package again (FO_KEEP_INSTALLED=1 keeps it)"
        "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive dpkg --remove find-outliers >/dev/null || true
    fi
    exit "$status"
}
trap cleanup EXIT

# ---- 1. The package ------------------------------------------------------------------------------------------------
dpkg-deb --contents "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/contents"
expected=(
    /usr/bin/find-outliers
    /usr/share/applications/com.example.find_outliers.desktop
    /usr/share/metainfo/com.example.find_outliers.metainfo.xml
    /usr/share/icons/hicolor/scalable/apps/find-outliers.svg
)
for size in 16 22 24 32 48 64 128 256; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/find-outliers.png")
done
for path in "${expected[@]}"; do
    grep -qxF "$path" "$work/contents" || fail "the package has no $path"
done
log "the package holds the binary, the .desktop file, the metainfo and the icons (${#expected[@]} files checked)"

dpkg-deb --extract "$deb" "$work/root"
desktop-file-validate "$work/root/usr/share/applications/com.example.find_outliers.desktop" ||
    fail "desktop-file-validate rejects the shipped .desktop file"
appstreamcli validate --no-net "$work/root/usr/share/metainfo/com.example.find_outliers.metainfo.xml" >&2 ||
    fail "appstreamcli rejects the shipped metainfo"
# An RPATH or RUNPATH would make the loader look outside the system's library folders (an empty entry means the
# current directory).
if readelf --dynamic "$work/root/usr/bin/find-outliers" | grep -E 'R(UN)?PATH' >&2; then
    fail "the packaged binary has the RPATH/RUNPATH above; Debian binaries take their libraries from the system"
fi
python3 - "$work/root/usr/share/icons/hicolor" <<'EOF' || fail "an icon is not a PNG of its folder's size"
import struct
import sys
from pathlib import Path

for png in sorted(Path(sys.argv[1]).glob("*x*/apps/find-outliers.png")):
    head = png.read_bytes()[:24]
    width, height = struct.unpack(">II", head[16:24])
    if head[:8] != b"\x89PNG\r\n\x1a\n" or f"{width}x{height}" != png.parent.parent.name:
        sys.exit(f"test-deb: {png} is not a {png.parent.parent.name} PNG")
EOF

depends=$(dpkg-deb --field "$deb" Depends)
recommends=$(dpkg-deb --field "$deb" Recommends)
for needed in libqt6sql6-psql libqt6sql6-sqlite libsecret-1-0 qt6-qpa-plugins libqt6core6 libqt6keychain1 libpq5; do
    [[ ", $depends," == *", $needed"[\ ,]* ]] || fail "Depends does not name $needed: $depends"
done
[[ "$recommends" == *gnome-keyring* ]] || fail "Recommends does not name a keyring: $recommends"

# Every dependency (the first of each set of alternatives) must be in the runtime sets (the headless job's and the
# desktop's), or be part of every Debian system.
mapfile -t runtime_set < <(packaging/bootstrap.sh --list runtime runtime-desktop)
base_set=(libc6 libgcc-s1 libstdc++6)
IFS=',' read -ra dep_items <<<"$depends"
for item in "${dep_items[@]}"; do
    name=$(sed -E 's/^ *//; s/[ (|].*//' <<<"$item")
    [[ " ${runtime_set[*]} ${base_set[*]} " == *" $name "* ]] ||
        fail "the package depends on $name, which packaging/bootstrap.sh runtime runtime-desktop does not install"
done
log "Depends: $depends"
log "Recommends: $recommends"
log "every dependency is in packaging/bootstrap.sh runtime runtime-desktop"

# ---- 2. The install -------------------------------------------------------------------------------------------------
cp "$deb" "$target_tmp_out/find-outliers.deb"
chmod 755 "$target_tmp_out"
log "dpkg -i $(basename "$deb")"
if ! in_target env DEBIAN_FRONTEND=noninteractive dpkg -i "$target_tmp_in/find-outliers.deb" >"$work/dpkg.log" 2>&1; then
    # Missing dependencies leave the package unconfigured; apt-get install -f brings them and finishes the job.
    log "dpkg -i left dependencies to resolve:"
    sed 's/^/    /' "$work/dpkg.log" >&2
fi
log "apt-get install -f"
if ! in_target env DEBIAN_FRONTEND=noninteractive apt-get install -f -y --no-install-recommends >"$work/apt.log" 2>&1; then
    # Package lists can be missing or stale where nothing was installed for a while: refresh them once.
    log "apt-get install -f failed; trying again after apt-get update"
    in_target env DEBIAN_FRONTEND=noninteractive apt-get update >>"$work/apt.log" 2>&1 || true
    in_target env DEBIAN_FRONTEND=noninteractive apt-get install -f -y --no-install-recommends >>"$work/apt.log" 2>&1 ||
        { cat "$work/apt.log" >&2; fail "apt-get install -f could not install the dependencies"; }
fi
grep -E '^[0-9]+ upgraded' "$work/apt.log" | sed 's/^/    /' >&2 || true
status=$(in_target dpkg-query -W -f='${Status} ${Version}' find-outliers)
[[ "$status" == "install ok installed $version" ]] || fail "after the install dpkg says: $status"
log "installed: $status"
[[ -x "$root/usr/bin/find-outliers" ]] || fail "/usr/bin/find-outliers is missing after the install"
if in_target ldd /usr/bin/find-outliers | grep -q 'not found'; then
    in_target ldd /usr/bin/find-outliers | grep 'not found' >&2
    fail "the installed binary misses shared libraries"
fi

# ---- 3. The smoke test ---------------------------------------------------------------------------------------------
home_in="$target_tmp_in/home"
home_out="$target_tmp_out/home"
mkdir -p "$home_out"
run_as=()
if [[ $(id -u) -eq 0 ]]; then
    in_target id nobody >/dev/null 2>&1 || fail "there is no user nobody to run the smoke test as"
    in_target chown nobody: "$home_in"
    chmod 755 "$work"
    run_as=(runuser -u nobody --)
fi
# A clean environment: no display, no QT_QPA_PLATFORM, no database settings. Headless must need none of them.
as_user() {
    local command=("${run_as[@]}" env -i PATH=/usr/bin:/bin HOME="$home_in" LANG=C.UTF-8 TZ=UTC "$@")
    if [[ -n "$root" ]]; then
        chroot "$root" "${command[@]}"
    else
        "${command[@]}"
    fi
}

out=$(as_user /usr/bin/find-outliers --version) || fail "find-outliers --version exited with $?"
[[ "$out" == "find-outliers $version" ]] || fail "find-outliers --version printed \"$out\", expected \"find-outliers $version\""
log "as $(as_user id -un), HOME=$home_in, no DISPLAY: find-outliers --version: $out"

as_user /usr/bin/find-outliers --demo >"$work/demo.txt" 2>"$work/demo.err" ||
    { cat "$work/demo.txt" "$work/demo.err" >&2; fail "find-outliers --demo exited with $?"; }
log "find-outliers --demo:"
sed 's/^/    /' "$work/demo.txt" >&2
grep -q '^Iteration 1, completed' "$work/demo.txt" || fail "the first --demo run did not report iteration 1 completed"
[[ -f "$home_out/.local/share/find-outliers/find-outliers.sqlite" ]] ||
    fail "--demo did not create its database in the user's data folder"

as_user /usr/bin/find-outliers --demo --json >"$work/demo.json" 2>"$work/demo2.err" ||
    { cat "$work/demo2.err" >&2; fail "find-outliers --demo --json exited with $?"; }
python3 - "$work/demo.json" <<'EOF' || fail "the second --demo run's JSON report is not what it should be"
import json
import sys

report = json.load(open(sys.argv[1], encoding="utf-8"))
problems = []
if report.get("status") != "completed":
    problems.append(f"status {report.get('status')!r}, expected 'completed'")
if report.get("iteration") != 2:
    problems.append(f"iteration {report.get('iteration')!r}, expected 2 (the first run must have been stored)")
for table in ("raw", "processed"):
    if not report.get(table, {}).get("outlier_count", 0) > 0:
        problems.append(f"no {table} outliers in the demo data")
for problem in problems:
    print("test-deb: " + problem, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF
log "find-outliers --demo --json: iteration 2 stored, outliers found, no display and no settings needed"

# The desktop front end: with the offscreen platform the window must come up and stay up until stopped.
set +e
as_user QT_QPA_PLATFORM=offscreen timeout -s TERM 5 /usr/bin/find-outliers >"$work/desktop.log" 2>&1
desktop_status=$?
set -e
if [[ $desktop_status -ne 124 ]]; then
    cat "$work/desktop.log" >&2
    fail "the desktop window exited by itself with status $desktop_status instead of running until stopped"
fi
log "the desktop window starts (QT_QPA_PLATFORM=offscreen) and keeps running"
log "passed"
