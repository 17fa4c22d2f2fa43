#!/usr/bin/env bash
# Opens the desktop app the way a new user meets it, on one machine: demonstration data, a local sign-in, and the
# messages sent to the user saved as files you can open.
#
#   ./scripts/try-desktop.sh [more arguments for find-outliers...]
#
# Builds like scripts/demo.sh (installs what is missing, builds in $FO_BUILD_DIR, default `build`), seeds the demo
# user demo@example.com into the try-out's own SQLite database, starts scripts/platform-stub.py (a stand-in for the
# platform's auth API and notifications API) on loopback, and opens the window pointed at it. Closing the window
# stops the stub.
#
# Everything the try-out keeps is in $FO_TRY_DIR (default $FO_BUILD_DIR/try-desktop): the window's settings, the
# database, the stub's log (stub.log) and the sent messages (mail/). Your own settings and database are not touched,
# and DB_* and REDIS_HOST from your environment are ignored. Delete the folder to start over. The sign-in tokens go
# to the system keychain, as in real use.
#
# The stub listens on the port it had last time if that is still free (so the next start signs you in without
# typing), else on any free port; FO_TRY_PORT chooses one. FO_TRY_STUB_ARGS adds stub options, e.g.
# FO_TRY_STUB_ARGS="--access-ttl 60" to see the session renewed at the next start. The rest of the environment
# (QT_QPA_PLATFORM, the language...) reaches the app unchanged.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
build_dir=${FO_BUILD_DIR:-build}

if ! command -v python3 >/dev/null; then
    echo "try-desktop.sh: python3 is needed for the local sign-in stub: sudo apt-get install python3" >&2
    exit 1
fi

if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ]]; then
    echo "try-desktop.sh: no display here (DISPLAY and WAYLAND_DISPLAY are empty). Run it in a desktop session," \
        "or over ssh -X." >&2
    exit 1
fi

packaging/bootstrap.sh build
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build_dir" --target find-outliers
binary=$(cd "$build_dir/app" && pwd)/find-outliers

try_dir=${FO_TRY_DIR:-$build_dir/try-desktop}
mkdir -p "$try_dir/config" "$try_dir/data" "$try_dir/mail"
try_dir=$(cd "$try_dir" && pwd)
stub_log=$try_dir/stub.log
port_file=$try_dir/stub.port

# The try-out's own settings and database, for the seeding and the window alike: with no DB_* variable both use the
# embedded SQLite file under XDG_DATA_HOME.
unset DB_ENGINE DB_HOST DB_PORT DB_USER DB_PASSWORD DB_NAME REDIS_HOST
export XDG_CONFIG_HOME=$try_dir/config XDG_DATA_HOME=$try_dir/data
# Saved API addresses would win over the environment and may name an earlier stub's port: this run's stub counts.
settings_file=$XDG_CONFIG_HOME/find-outliers/find-outliers.conf
if [[ -f "$settings_file" ]]; then
    sed -i -e '/^authApiBaseUrl=/d' -e '/^notificationsApiBaseUrl=/d' "$settings_file"
fi

# Seed the demo user (a dry run: the data goes in, no run is stored, so your first run is iteration 1).
if ! "$binary" --demo --dry-run >"$try_dir/seed.log" 2>&1; then
    cat "$try_dir/seed.log" >&2
    echo "try-desktop.sh: seeding the demo data failed (above)." >&2
    exit 1
fi

stub_pid=
stop_stub() {
    if [[ -n "$stub_pid" ]] && kill -0 "$stub_pid" 2>/dev/null; then
        kill "$stub_pid" 2>/dev/null || true
        wait "$stub_pid" 2>/dev/null || true
    fi
}
trap stop_stub EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

read -r -a stub_args <<<"${FO_TRY_STUB_ARGS:-}"
# Starts the stub on port $1 (0: any free one); fails when it cannot listen there.
start_stub() {
    rm -f "$port_file"
    python3 scripts/platform-stub.py --port "$1" --port-file "$port_file" --mail-dir "$try_dir/mail" \
        --secret-file "$try_dir/stub-secret" "${stub_args[@]}" \
        > >(tee -a "$stub_log" | sed -u 's/^/platform-stub | /') 2>&1 &
    stub_pid=$!
    for _ in $(seq 100); do
        [[ -s "$port_file" ]] && return 0
        kill -0 "$stub_pid" 2>/dev/null || return 1
        sleep 0.1
    done
    echo "try-desktop.sh: the stub did not start within 10 s; see $stub_log" >&2
    exit 1
}

wanted_port=${FO_TRY_PORT:-$(cat "$port_file" 2>/dev/null || echo 0)}
if ! start_stub "$wanted_port"; then
    if [[ -n "${FO_TRY_PORT:-}" || "$wanted_port" == 0 ]]; then
        echo "try-desktop.sh: the stub could not start (above); see $stub_log" >&2
        exit 1
    fi
    echo "try-desktop.sh: port $wanted_port is taken now; the stub takes a free one (sign in again)."
    start_stub 0 || { echo "try-desktop.sh: the stub could not start; see $stub_log" >&2; exit 1; }
fi
origin=http://127.0.0.1:$(cat "$port_file")
export AUTH_API_BASE_URL=$origin
export NOTIFICATIONS_API_BASE_URL=$origin/notifications-api/api/v1/notifications

cat <<EOF

The window opens now, on demonstration data, with a local stand-in for the platform's sign-in and messages.
  1. Type the email   demo@example.com   and press Enter.
  2. Unless you are still signed in from last time, it asks you to sign in: the auth API address is filled
     in ($origin); type the login   support   and press Sign in. The run starts.
  3. Click a data type in the list to see its chart, outliers in red; the table below says why each is one.
  4. Set Raw k to 2 and press Run again. In the History tab pick the newest iteration and press
     Open and compare: new, resolved and persisting outliers.
  5. File > Export CSV.
The messages the user would get are saved in   $try_dir/mail/   (open them in a browser).
Requests to the stand-in are listed below and in $stub_log. Close the window to finish.

EOF

# Not exec: the EXIT trap stops the stub when the window closes. The app's exit status is the script's.
"$binary" "$@"
