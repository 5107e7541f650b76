#!/usr/bin/env bash
# Set everything up and run werkpost with demo data on the embedded default (SQLite):
# web, task worker and scheduler at http://127.0.0.1:8000.
source "$(dirname "$0")/lib.sh"
bootstrap
export WERKPOST_DEMO="${WERKPOST_DEMO:-1}"
exec uv run --frozen werkpost run "$@"
