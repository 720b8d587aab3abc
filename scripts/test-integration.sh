#!/usr/bin/env bash
# The integration tier: always on PGlite, and again on PostgreSQL when TEST_DATABASE_URL is set.
set -euo pipefail
npx vitest run --project integration "$@"
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  TEST_DB_KIND=postgres npx vitest run --project integration "$@"
else
  echo "TEST_DATABASE_URL is not set: the integration tier ran on PGlite only (CI runs it on PostgreSQL too)."
fi
