#!/usr/bin/env bash
# Tests the Debian package and the container's runtime set in clean Debian 12 roots made with debootstrap:
#
#   packaging/test-deb-debootstrap.sh [--keep] [--base-tarball FILE] [--headless-binary FILE] [DEB]
#
#   DEB                  the package (default: the one scripts/package.sh wrote in $FO_BUILD_DIR/package)
#   --headless-binary FILE  the job image's binary, from the headless build (-DFO_DESKTOP=OFF; default:
#                        $FO_HEADLESS_BUILD_DIR/app/find-outliers, build-headless/ unless set)
#   --base-tarball FILE  reuse this tarball of a minimal Debian 12 root, or save one there after debootstrap; the
#                        debootstrap itself takes several minutes, the rest about two
#   --keep               leave the roots in place (their paths are printed)
#
# Two roots, both copies of one fresh `debootstrap --variant=minbase bookworm`:
#   package  scripts/test-deb.sh --root: dpkg -i, apt-get install -f, then find-outliers --version, --demo and the
#            offscreen window, as nobody with an empty HOME. Proves the package's dependencies are complete.
#   image    what packaging/docker/Dockerfile's runtime stage does: packaging/bootstrap.sh --clean runtime, the
#            headless binary alone in /usr/bin, a system user, then --version and --demo as that user. Proves the
#            runtime set is complete without a Docker engine, and prints the root's size.
#
# Needs root (debootstrap, chroot, mounts) and apt's access to Debian: the mirror is the first Debian URI of this
# machine's apt sources, or FO_DEBIAN_MIRROR. CI uses scripts/test-deb.sh on its own throwaway machine instead,
# which is faster; run this by hand before a release.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$(pwd)

log() {
    echo "test-deb-debootstrap: $*" >&2
}
fail() {
    log "FAILED: $*"
    exit 1
}

keep=0
tarball=""
headless_binary=""
deb=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --keep) keep=1 ;;
        --base-tarball)
            tarball=$(realpath -m "${2:?--base-tarball needs a file}")
            shift
            ;;
        --headless-binary)
            headless_binary=$(realpath -m "${2:?--headless-binary needs a file}")
            shift
            ;;
        -h | --help)
            sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *) deb=$(realpath "$1") ;;
    esac
    shift
done
[[ $(id -u) -eq 0 ]] || fail "run this as root (it needs debootstrap, chroot and mounts)"

if [[ -z "$deb" ]]; then
    shopt -s nullglob
    found=("${FO_BUILD_DIR:-build}"/package/find-outliers_*.deb)
    shopt -u nullglob
    [[ ${#found[@]} -eq 1 ]] || fail "no package found; run scripts/package.sh first or name the .deb"
    deb=$(realpath "${found[0]}")
fi

if [[ -z "$headless_binary" ]]; then
    headless_binary=$(realpath -m "${FO_HEADLESS_BUILD_DIR:-build-headless}/app/find-outliers")
fi
[[ -x "$headless_binary" ]] ||
    fail "no headless binary at $headless_binary; build it with -DFO_DESKTOP=OFF or name it with --headless-binary"

if ! command -v debootstrap >/dev/null 2>&1; then
    log "installing debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap >/dev/null
fi

# The mirror this machine's apt uses, so that nothing here names one.
mirror=${FO_DEBIAN_MIRROR:-}
if [[ -z "$mirror" ]]; then
    mirror=$(
        {
            awk '/^URIs:/ {print $2}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true
            awk '$1 == "deb" {for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) {print $i; break}}' \
                /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true
        } | { grep -v -- '-security' || true; } | head -n 1
    )
fi
[[ -n "$mirror" ]] || fail "found no Debian mirror in this machine's apt sources; set FO_DEBIAN_MIRROR"

work=$(mktemp -d "${TMPDIR:-/tmp}/fo-debootstrap.XXXXXX")
mounted=()
cleanup() {
    local status=$? i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount -l "${mounted[$i]}" 2>/dev/null || true
    done
    if [[ $keep -eq 1 ]]; then
        log "kept the roots in $work"
    else
        rm -rf --one-file-system "$work"
    fi
    exit "$status"
}
trap cleanup EXIT

started=$SECONDS
base="$work/base"
if [[ -n "$tarball" && -f "$tarball" ]]; then
    log "unpacking the base root from $tarball"
    mkdir -p "$base"
    tar -xpf "$tarball" -C "$base"
else
    log "debootstrap --variant=minbase bookworm (several minutes)"
    debootstrap --variant=minbase bookworm "$base" "$mirror" >"$work/debootstrap.log" 2>&1 ||
        { tail -n 30 "$work/debootstrap.log" >&2; fail "debootstrap failed; its log is above"; }
    if [[ -n "$tarball" ]]; then
        tar -cpf "$tarball" -C "$base" .
        log "saved the base root as $tarball"
    fi
fi
log "base root ready after $((SECONDS - started)) s"

# A copy of the base root, ready for chroot: name resolution, /proc and /dev, and fresh package lists. Sets
# made_root (not printed: the mounts must be recorded in this shell, for the cleanup).
made_root=""
make_root() {
    local root="$work/$1"
    cp -a "$base" "$root"
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    mount -t proc proc "$root/proc"
    mounted+=("$root/proc")
    mount --bind /dev "$root/dev"
    mounted+=("$root/dev")
    chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get update >"$work/$1-update.log" 2>&1 ||
        { cat "$work/$1-update.log" >&2; fail "apt-get update failed in the $1 root"; }
    made_root=$root
}

# ---- package: the .deb in a clean root ------------------------------------------------------------------------------
log "root 'package': installing $(basename "$deb")"
make_root package
package_root=$made_root
scripts/test-deb.sh --root "$package_root" "$deb"
log "root 'package' passed after $((SECONDS - started)) s"

# ---- image: the Dockerfile's runtime stage --------------------------------------------------------------------------
log "root 'image': packaging/bootstrap.sh --clean runtime, then the headless binary alone"
make_root image
image_root=$made_root
cp "$repo/packaging/bootstrap.sh" "$image_root/tmp/bootstrap.sh"
chroot "$image_root" bash /tmp/bootstrap.sh --clean runtime >"$work/image-bootstrap.log" 2>&1 ||
    { tail -n 30 "$work/image-bootstrap.log" >&2; fail "bootstrap.sh runtime failed in a clean root"; }
rm "$image_root/tmp/bootstrap.sh"
install -m 755 "$headless_binary" "$image_root/usr/bin/find-outliers"
strip "$image_root/usr/bin/find-outliers"
chroot "$image_root" useradd --uid 10001 --user-group --no-log-init --create-home --home-dir /home/find-outliers \
    --shell /usr/sbin/nologin find-outliers
image_user=(chroot --userspec=10001:10001 "$image_root" env -i PATH=/usr/bin:/bin HOME=/home/find-outliers
    LANG=C.UTF-8 TZ=UTC)
if chroot "$image_root" ldd /usr/bin/find-outliers | grep 'not found' >&2; then
    fail "with the runtime set only, the binary misses the libraries above"
fi
out=$("${image_user[@]}" /usr/bin/find-outliers --version) || fail "--version failed with the runtime set only"
log "root 'image': $out"
"${image_user[@]}" /usr/bin/find-outliers --demo >"$work/image-demo.txt" 2>&1 ||
    { cat "$work/image-demo.txt" >&2; fail "--demo failed with the runtime set only"; }
grep -q '^Iteration 1, completed' "$work/image-demo.txt" || { cat "$work/image-demo.txt" >&2; fail "--demo did not complete"; }
log "root 'image': --demo as uid 10001: $(grep -E '^Raw records' "$work/image-demo.txt")"
log "root 'image': installed packages: $(chroot "$image_root" dpkg-query -W -f='.\n' | wc -l)," \
    "size $(du -sh --exclude=proc --exclude=dev "$image_root" | cut -f1)"
log "passed after $((SECONDS - started)) s"
