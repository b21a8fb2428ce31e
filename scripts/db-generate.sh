#!/usr/bin/env bash
# Generates a migration for schema changes: npm run db:generate -- what_changed
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: npm run db:generate -- <what_changed>}"
exec flock /tmp/haven-db-generate.lock npx drizzle-kit generate --name "$name"
