#!/usr/bin/env bash
# Browser tests of the staff pages: a fresh `kith serve` (SQLite in a temp
# dir) driven by a real headless Chromium through playwright-core, with
# Node's built-in test runner (e2e/kith.test.mjs).
#
# Called by scripts/test.sh (step 5), or on its own:
#
#     bash scripts/e2e.sh
#
# Needs: Node.js >= 20 with npm, and Debian's chromium at /usr/bin/chromium
# (installed here with apt-get when missing, which needs root). playwright's
# own browser download is never used.
#
# Environment:
#   KITH_BIN              kith binary to test (default: `cargo build --bin kith`
#                         then target/debug/kith; scripts/test.sh passes the one
#                         it built)
#   KITH_CHROMIUM         browser executable (default /usr/bin/chromium)
#   KITH_E2E_TIMEOUT      hard limit for the test run in seconds (default 240)
#
# Output: full-page screenshots in artifacts/screenshots/; on failure the
# server log in artifacts/e2e/server.log.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
E2E="$ROOT/e2e"
CHROMIUM="${KITH_CHROMIUM:-/usr/bin/chromium}"

# --- Chromium from Debian ----------------------------------------------------
if [[ ! -x "$CHROMIUM" ]]; then
    if [[ "$CHROMIUM" != /usr/bin/chromium ]]; then
        echo "KITH_CHROMIUM=$CHROMIUM is not an executable" >&2
        exit 1
    fi
    if [[ "$(id -u)" != "0" ]]; then
        echo "/usr/bin/chromium is missing; install Debian's chromium package (as root: apt-get install chromium)" >&2
        exit 1
    fi
    echo "installing Debian's chromium with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
"$CHROMIUM" --version 2>/dev/null | grep -i chromium || true

# --- Node and the pinned playwright-core --------------------------------------
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "node and npm (Node.js >= 20) are needed for the browser tests" >&2
    exit 1
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if (( node_major < 20 )); then
    echo "Node.js >= 20 is needed for the browser tests (found $(node --version))" >&2
    exit 1
fi
# npm ci only when node_modules is missing or was installed from another lock.
lock_sum=$(cat "$E2E/package.json" "$E2E/package-lock.json" | sha256sum | cut -d' ' -f1)
stamp="$E2E/node_modules/.kith-lock-sha256"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_sum" || ! -d "$E2E/node_modules/playwright-core" ]]; then
    echo "installing e2e/node_modules with npm ci"
    # Never let playwright try to download browsers of its own.
    (cd "$E2E" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    echo "$lock_sum" >"$stamp"
fi

# --- The kith binary ------------------------------------------------------------
if [[ -n "${KITH_BIN:-}" ]]; then
    KITH="$KITH_BIN"
else
    cargo build --bin kith
    KITH="$ROOT/target/debug/kith"
fi
[[ -x "$KITH" ]] || { echo "no kith binary at $KITH" >&2; exit 1; }

# --- A fresh server with two staff members ------------------------------------
# SQLite in a temp dir regardless of the caller's environment; no SMTP (mail
# stays in the outbox, where the consent test reads it) and links in mail
# point at this server (the public URL defaults to the listen address).
unset KITH_DATABASE_URL KITH_MASTER_KEY KITH_LISTEN KITH_DATA_DIR KITH_SMTP_URL KITH_PUBLIC_URL
DATA_DIR=$(mktemp -d)
SERVER_PID=""
stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
cleanup() {
    stop_server
    rm -rf "$DATA_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export KITH_E2E_ADMIN_EMAIL=admin@example.com
export KITH_E2E_MARKETING_EMAIL=marketing@example.com
KITH_E2E_ADMIN_PASSWORD="e2e-admin-$(date +%s)-$RANDOM-$RANDOM"
KITH_E2E_MARKETING_PASSWORD="e2e-marketing-$(date +%s)-$RANDOM-$RANDOM"
export KITH_E2E_ADMIN_PASSWORD KITH_E2E_MARKETING_PASSWORD
KITH_PASSWORD="$KITH_E2E_ADMIN_PASSWORD" \
    "$KITH" user add --email "$KITH_E2E_ADMIN_EMAIL" --role admin --data-dir "$DATA_DIR"
KITH_PASSWORD="$KITH_E2E_MARKETING_PASSWORD" \
    "$KITH" user add --email "$KITH_E2E_MARKETING_EMAIL" --role marketing --data-dir "$DATA_DIR"

PORT=$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
export KITH_E2E_BASE="http://127.0.0.1:$PORT"
SERVER_LOG="$DATA_DIR/server.log"
# The browser tests read one-time links from the outbox (no mail server here).
"$KITH" serve --data-dir "$DATA_DIR" --listen "127.0.0.1:$PORT" --outbox-shows-links >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!

# Poll /healthz (every 100 ms, up to 30 s) while the server process lives.
if ! node -e '
    const [base, pid] = process.argv.slice(1);
    const deadline = Date.now() + 30000;
    (async () => {
      while (Date.now() < deadline) {
        try { process.kill(Number(pid), 0); } catch { console.error("kith serve exited early"); process.exit(1); }
        try { const r = await fetch(base + "/healthz"); if (r.ok) process.exit(0); } catch {}
        await new Promise((r) => setTimeout(r, 100));
      }
      console.error("kith serve did not answer " + base + "/healthz within 30 s");
      process.exit(1);
    })();' "$KITH_E2E_BASE" "$SERVER_PID"; then
    cat "$SERVER_LOG" >&2
    exit 1
fi
echo "kith serve is up at $KITH_E2E_BASE (pid $SERVER_PID)"

# --- The tests ----------------------------------------------------------------
export KITH_E2E_SCREENSHOTS="$ROOT/artifacts/screenshots"
export KITH_CHROMIUM="$CHROMIUM"
mkdir -p "$KITH_E2E_SCREENSHOTS"
rm -f "$KITH_E2E_SCREENSHOTS"/*.png
rc=0
(cd "$E2E" && timeout --kill-after=10 "${KITH_E2E_TIMEOUT:-240}" \
    node --test --test-reporter=spec kith.test.mjs) || rc=$?
stop_server
if [[ "$rc" != "0" ]]; then
    mkdir -p "$ROOT/artifacts/e2e"
    cp "$SERVER_LOG" "$ROOT/artifacts/e2e/server.log" || true
    echo "browser tests failed (exit $rc); server log in artifacts/e2e/server.log, last lines:" >&2
    tail -n 40 "$SERVER_LOG" >&2
    exit "$rc"
fi
echo "browser tests passed; screenshots in artifacts/screenshots/"
