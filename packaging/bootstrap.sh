#!/usr/bin/env bash
# Installs the Debian 12 packages that find-outliers needs, by set:
#
#   packaging/bootstrap.sh [--clean] [--list] SET...
#
#   build    compilers, CMake, Ninja, Qt 6 and library headers: everything to configure, build and package
#   runtime  only the shared libraries and plugins the built binary loads (for a slim image)
#   test     the services and tools the test suite uses (PostgreSQL, Redis, a keyring, D-Bus, ...)
#
#   --list   print the package names of the sets, one per line, and install nothing
#   --clean  after installing, remove apt's package lists and cache (for container images)
#
# Nothing is fetched when every requested package is already installed, so a repeat run takes well under a
# second. Runs apt-get directly as root, and through sudo otherwise. Works from a Dockerfile (no prompts).
set -euo pipefail

usage() {
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
}

build_packages=(
    g++ build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qtkeychain-qt6-dev libhiredis-dev libpq-dev
    libqt6sql6-psql libqt6sql6-sqlite qt6-qpa-plugins libgl-dev
    librsvg2-bin dpkg-dev
)
runtime_packages=(
    libqt6core6 libqt6dbus6 libqt6network6 libqt6sql6 libqt6sql6-psql libqt6sql6-sqlite
    libqt6gui6 libqt6widgets6 libqt6charts6 libqt6keychain1
    libhiredis0.14 libpq5 libsecret-1-0 qt6-qpa-plugins libqt6svg6 ca-certificates
)
test_packages=(
    postgresql redis-server gnome-keyring dbus libsecret-1-0
    python3 fonts-dejavu-core desktop-file-utils appstream python3-yaml time
)

list_only=0
clean=0
wanted=()
if [[ $# -eq 0 ]]; then
    usage >&2
    exit 2
fi
for arg in "$@"; do
    case "$arg" in
        build) wanted+=("${build_packages[@]}") ;;
        runtime) wanted+=("${runtime_packages[@]}") ;;
        test) wanted+=("${test_packages[@]}") ;;
        --list) list_only=1 ;;
        --clean) clean=1 ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            echo "bootstrap.sh: unknown set '$arg'; choose from: build runtime test (see --help)" >&2
            exit 2
            ;;
    esac
done

# Drop duplicates, keep the order.
declare -A seen=()
packages=()
for p in "${wanted[@]}"; do
    if [[ -z "${seen[$p]:-}" ]]; then
        seen[$p]=1
        packages+=("$p")
    fi
done

if [[ $list_only -eq 1 ]]; then
    printf '%s\n' "${packages[@]}"
    exit 0
fi
if [[ ${#packages[@]} -eq 0 ]]; then
    echo "bootstrap.sh: no set given; choose from: build runtime test" >&2
    exit 2
fi

# One dpkg-query for all of them (it names only the packages it knows; the rest are missing).
declare -A installed=()
while read -r name state; do
    if [[ "$state" == "install ok installed" ]]; then
        installed[${name%%:*}]=1
    fi
done < <(dpkg-query -W -f='${Package} ${Status}\n' "${packages[@]}" 2>/dev/null || true)
missing=()
for p in "${packages[@]}"; do
    if [[ -z "${installed[$p]:-}" ]]; then
        missing+=("$p")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "bootstrap.sh: all ${#packages[@]} packages are installed"
    exit 0
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "bootstrap.sh: these packages are missing and installing them needs root: ${missing[*]}" >&2
        echo "bootstrap.sh: run this script as root, or install sudo" >&2
        exit 1
    fi
    as_root=(sudo)
fi

echo "bootstrap.sh: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"

if [[ $clean -eq 1 ]]; then
    "${as_root[@]}" apt-get clean
    "${as_root[@]}" rm -rf /var/lib/apt/lists/*
fi
