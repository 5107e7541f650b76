#!/usr/bin/env bash
# Set everything up and run every check: lint, types, architecture, the OpenAPI snapshot,
# and the test suite on SQLite and on a throwaway PostgreSQL 15 cluster.
source "$(dirname "$0")/lib.sh"
bootstrap
apt_install postgresql-15 redis-server chromium  # chromium: the browser tests (tests/e2e), never `playwright install`
cd "$ROOT"
export WERKPOST_DATA_DIR="$(mktemp -d)"
trap 'rm -rf "$WERKPOST_DATA_DIR"' EXIT
workers="${PYTEST_WORKERS:-2}"

log "ruff"
uv run --frozen ruff check .
uv run --frozen ruff format --check .
log "mypy"
uv run --frozen mypy
log "import-linter"
uv run --frozen lint-imports --no-cache
log "migrations match the models"
uv run --frozen werkpost makemigrations --check --dry-run
log "tests on SQLite"
uv run --frozen pytest -n "$workers" "$@"
log "tests on PostgreSQL 15"
uv run --frozen python scripts/pgcluster.py -- uv run --frozen pytest -n "$workers" "$@"
