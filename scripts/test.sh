#!/usr/bin/env bash
# Kith's single test entry point (CI runs it through .ci/run).
#
# Steps:
#   1. cargo fmt --check and cargo clippy (warnings are errors)
#   2. cargo test --workspace (PostgreSQL tests use KITH_TEST_PG_URL)
#   3. API fuzzing with schemathesis against a freshly started `kith serve`
#      (JUnit reports, and the server log on failure, in artifacts/schemathesis/)
#   4. two `kith serve` processes on one throwaway PostgreSQL database, side
#      by side (needs psql)
#   5. browser tests of the staff pages in headless Chromium (scripts/e2e.sh:
#      a fresh `kith serve`, playwright-core from e2e/package-lock.json, Node's
#      test runner; screenshots in artifacts/screenshots/)
#
# Needs: a Rust toolchain, python3 (>= 3.9) with pip, PostgreSQL for step 2,
# Node.js >= 20 with npm for step 5, Debian's python3-aiosmtpd (installed with
# apt-get if missing) for the SMTP test. If python3's venv module is missing,
# Debian's python3-venv is installed with apt-get, and if /usr/bin/chromium
# is missing, Debian's chromium (run as root).
#
# Environment:
#   KITH_TEST_PG_URL        PostgreSQL URL for the Rust tests
#                           (default postgres://postgres@127.0.0.1:5432/postgres)
#   KITH_SKIP_CARGO_TESTS=1 skip steps 1 and 2 (fuzz only, for development)
#   KITH_FUZZ_EXAMPLES      max examples per API operation (default 50)
#   KITH_FUZZ_SEED          schemathesis seed (default 20240601)
#   KITH_FUZZ_CHECKS        schemathesis --checks value, e.g. "all"
#                           (default: see CHECKS below)
#   KITH_FUZZ_TIMEOUT       hard limit for the fuzz run in seconds; exceeding it
#                           fails the step (default 600)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

heading() {
    printf '\n==== %s ====\n' "$*"
}

export KITH_TEST_PG_URL="${KITH_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

# The SMTP round-trip test talks to a real SMTP server: Debian's aiosmtpd.
SMTP_PY=/usr/bin/python3
[[ -x "$SMTP_PY" ]] || SMTP_PY=python3
if ! "$SMTP_PY" -c 'import aiosmtpd' >/dev/null 2>&1; then
    echo "python3-aiosmtpd missing; installing it with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq python3-aiosmtpd >/dev/null
fi

if [[ "${KITH_SKIP_CARGO_TESTS:-0}" != "1" ]]; then
    heading "1/5 cargo fmt --check"
    cargo fmt --all --check

    heading "1/5 cargo clippy -D warnings"
    cargo clippy --workspace --all-targets -- -D warnings

    heading "2/5 cargo test --workspace (KITH_TEST_PG_URL=${KITH_TEST_PG_URL})"
    cargo test --workspace
else
    heading "1-2/5 skipped (KITH_SKIP_CARGO_TESTS=1)"
fi

heading "3/5 API fuzzing (schemathesis)"

# --- Python virtualenv with the pinned schemathesis -------------------------
VENV="$ROOT/.venv"
if [[ ! -x "$VENV/bin/st" ]]; then
    if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
        echo "python3 venv module missing; installing python3-venv with apt-get"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq python3-venv >/dev/null
    fi
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check --upgrade pip
fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$ROOT/fuzz/requirements.txt"
"$VENV/bin/st" --version

# --- Kith server on a free port with a fresh data directory -----------------
cargo build --bin kith
KITH="$ROOT/target/debug/kith"

DATA_DIR=$(mktemp -d)
# schemathesis and hypothesis keep caches in the working directory: keep them
# out of the repository and start every run from a clean slate.
FUZZ_WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$DATA_DIR" "$FUZZ_WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Run against SQLite in the temp dir regardless of the caller's environment.
unset KITH_DATABASE_URL KITH_MASTER_KEY KITH_LISTEN KITH_DATA_DIR

KITH_PASSWORD="fuzz-$(date +%s)-$RANDOM-password" \
    "$KITH" user add --email fuzz-admin@example.com --role admin --data-dir "$DATA_DIR"
TOKEN=$("$KITH" token create --email fuzz-admin@example.com --name fuzz --data-dir "$DATA_DIR")

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"
SERVER_LOG="$DATA_DIR/server.log"
"$KITH" serve --data-dir "$DATA_DIR" --listen "127.0.0.1:$PORT" >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!

healthy=0
for _ in $(seq 1 150); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "kith serve exited early:" >&2
        cat "$SERVER_LOG" >&2
        exit 1
    fi
    if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1).read()' \
        "$BASE/healthz" >/dev/null 2>&1; then
        healthy=1
        break
    fi
    sleep 0.2
done
if [[ "$healthy" != "1" ]]; then
    echo "kith serve did not answer $BASE/healthz within 30 s:" >&2
    cat "$SERVER_LOG" >&2
    exit 1
fi
echo "kith serve is up at $BASE (pid $SERVER_PID)"

KITH_FUZZ_TOKEN="$TOKEN" python3 "$ROOT/scripts/fuzz_seed.py" "$BASE/api/v1"

# The record of processing in DPV JSON-LD, expanded by a real JSON-LD
# processor (pyld, pinned in fuzz/requirements.txt), offline.
heading "3/5 record of processing: DPV JSON-LD expands with pyld"
KITH_FUZZ_TOKEN="$TOKEN" "$VENV/bin/python" "$ROOT/scripts/ropa_jsonld_check.py" "$BASE/api/v1"

# The signed evidence pack: the auditor's script (standard library plus the
# pinned `ecdsa`) and `kith evidence verify` accept a fresh pack from the
# API and refuse it after any changed byte.
heading "3/5 evidence pack: verify_evidence.py and kith evidence verify"
"$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$ROOT/scripts/requirements-evidence.txt"
mkdir -p "$DATA_DIR/evidence"
KITH_FUZZ_TOKEN="$TOKEN" "$VENV/bin/python" "$ROOT/scripts/evidence_check.py" "$BASE" "$KITH" "$DATA_DIR/evidence"

# Default checks: every schemathesis check except positive_data_acceptance and
# negative_data_rejection (they flag gaps between the OpenAPI constraints and
# the business validation, not bugs) and object_level_authorization (needs a
# second user's credentials).
CHECKS="${KITH_FUZZ_CHECKS:-not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,missing_required_header,unsupported_method,allow_header_conformance,use_after_free,ensure_resource_availability,ignored_auth}"

run_schemathesis() {
    # The document's paths (/contacts, ...) live under /api/v1 (its
    # `servers` entry is relative), hence --url.
    (cd "$FUZZ_WORK" && timeout --kill-after=10 "${KITH_FUZZ_TIMEOUT:-600}" \
        "$VENV/bin/st" run "$BASE/api/v1/openapi.json" \
        --url "$BASE/api/v1" \
        --header "Authorization: Bearer $TOKEN" \
        --checks "$CHECKS" \
        --max-examples "${KITH_FUZZ_EXAMPLES:-50}" \
        --seed "${KITH_FUZZ_SEED:-20240601}" \
        --workers 2 \
        --generation-database none \
        --request-timeout 10 \
        --report junit \
        --report-dir "$ROOT/artifacts/schemathesis" \
        --no-color \
        "$@")
}

fuzz_failed() {
    mkdir -p "$ROOT/artifacts/schemathesis"
    cp "$SERVER_LOG" "$ROOT/artifacts/schemathesis/server.log" || true
    echo "schemathesis reported failures (exit $1); server log in artifacts/schemathesis/server.log, last lines:" >&2
    tail -n 40 "$SERVER_LOG" >&2
    exit "$1"
}

# Pass 1: everything but DELETE /tokens/{id} and POST /instructions.
# Schemathesis reuses ids it sees in responses, so it would revoke the
# fuzzing token itself (from GET /tokens) and leave the rest of the run
# answering 401; publishing staff instructions would leave it answering 403
# until the fuzzing user acknowledges them.
heading "3/5 schemathesis pass 1: all operations except revoke_token"
run_schemathesis --exclude-operation-id revoke_token --exclude-operation-id authorisations_publish || fuzz_failed $?

# Pass 2: DELETE /tokens/{id} last, when revoking our token is harmless, with
# the token operations that supply it real ids.
heading "3/5 schemathesis pass 2: token and instruction operations, revoke_token and publish included"
run_schemathesis --include-path-regex '^/(tokens|instructions)' || fuzz_failed $?

# --- Two servers on one PostgreSQL database ---------------------------------
heading "4/5 two kith serve processes on one PostgreSQL database"
kill "$SERVER_PID" 2>/dev/null || true
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
PG_DB="kith_e2e_$(date +%s)_$RANDOM"
PG_BASE="${KITH_TEST_PG_URL%/*}"
psql -q "$KITH_TEST_PG_URL" -c "CREATE DATABASE $PG_DB"
PG_PIDS=()
stop_pg_servers() {
    for pid in "${PG_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    psql -q "$KITH_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" || true
    cleanup
}
trap stop_pg_servers EXIT
export KITH_DATABASE_URL="$PG_BASE/$PG_DB"
KITH_MASTER_KEY=$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')
export KITH_MASTER_KEY
"$KITH" migrate --data-dir "$DATA_DIR/a"
KITH_PASSWORD="two-servers-$RANDOM-password" "$KITH" user add --email e2e@example.com --role admin --data-dir "$DATA_DIR/a"
E2E_TOKEN=$("$KITH" token create --email e2e@example.com --name e2e --data-dir "$DATA_DIR/a")
BASES=()
for name in a b; do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    "$KITH" serve --data-dir "$DATA_DIR/$name" --listen "127.0.0.1:$port" >"$DATA_DIR/serve-$name.log" 2>&1 &
    PG_PIDS+=($!)
    BASES+=("http://127.0.0.1:$port")
done
for base in "${BASES[@]}"; do
    up=0
    for _ in $(seq 1 150); do
        if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1).read()' "$base/healthz" >/dev/null 2>&1; then
            up=1
            break
        fi
        sleep 0.2
    done
    if [[ "$up" != "1" ]]; then
        echo "a kith serve on PostgreSQL did not come up:" >&2
        cat "$DATA_DIR"/serve-*.log >&2
        exit 1
    fi
done
python3 "$ROOT/scripts/two_servers.py" "${BASES[0]}" "${BASES[1]}" "$E2E_TOKEN"
unset KITH_DATABASE_URL KITH_MASTER_KEY

# --- Browser tests of the staff pages -----------------------------------------
heading "5/5 browser tests (headless Chromium)"
KITH_BIN="$KITH" bash "$ROOT/scripts/e2e.sh"

echo "all checks passed"
