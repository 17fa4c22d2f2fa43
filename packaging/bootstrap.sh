#!/usr/bin/env bash
# Installs the Debian 12 packages that find-outliers needs, by set:
#
#   packaging/bootstrap.sh [--clean] [--list] SET...
#
#   build            compilers, CMake, Ninja, Qt 6 and library headers: everything to configure, build and package
#                    both builds (the desktop one and the headless one)
#   build-headless   what the headless build alone needs (-DFO_DESKTOP=OFF: Qt's Core, Network and Sql, hiredis,
#                    libpq); the container image's build stage uses it
#   runtime          the shared libraries and plugins the headless job loads (the container image): QtCore,
#                    QtNetwork, QtSql and its PostgreSQL and SQLite drivers, hiredis, libpq
#   runtime-desktop  what the desktop build loads on top of runtime (Widgets, Charts, the keychain, D-Bus, the
#                    platform plugins); the Debian package depends on runtime and runtime-desktop
#   test             the services and tools the test suite uses (PostgreSQL, Redis, a keyring, D-Bus, ccache...)
#
#   --list   print the package names of the sets, one per line, and install nothing
#   --clean  after installing, remove apt's package lists and cache (for container images)
#
# Nothing is fetched when every requested package is already installed, so a repeat run takes well under a
# second. Runs apt-get directly as root, and through sudo otherwise. Works from a Dockerfile (no prompts).
set -euo pipefail

usage() {
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
}

build_headless_packages=(
    g++ build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools
    libhiredis-dev libpq-dev
    libqt6sql6-psql libqt6sql6-sqlite
)
build_packages=(
    "${build_headless_packages[@]}"
    qt6-charts-dev libqt6opengl6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qtkeychain-qt6-dev qt6-qpa-plugins libgl-dev
    librsvg2-bin dpkg-dev
)
# The headless job: tests/packaging/test_headless_binary.py checks that it loads nothing else of Qt.
runtime_packages=(
    libqt6core6 libqt6network6 libqt6sql6 libqt6sql6-psql libqt6sql6-sqlite
    libhiredis0.14 libpq5 ca-certificates
)
runtime_desktop_packages=(
    libqt6dbus6 libqt6gui6 libqt6widgets6 libqt6charts6 libqt6keychain1
    libsecret-1-0 qt6-qpa-plugins libqt6svg6
)
test_packages=(
    postgresql redis-server gnome-keyring dbus libsecret-1-0
    python3 fonts-dejavu-core desktop-file-utils appstream python3-yaml time ccache binutils poppler-utils clang-format
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
        build-headless) wanted+=("${build_headless_packages[@]}") ;;
        runtime) wanted+=("${runtime_packages[@]}") ;;
        runtime-desktop) wanted+=("${runtime_desktop_packages[@]}") ;;
        test) wanted+=("${test_packages[@]}") ;;
        --list) list_only=1 ;;
        --clean) clean=1 ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            echo "bootstrap.sh: unknown set '$arg'; choose from: build build-headless runtime runtime-desktop test" \
                "(see --help)" >&2
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
    echo "bootstrap.sh: no set given; choose from: build build-headless runtime runtime-desktop test" >&2
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
