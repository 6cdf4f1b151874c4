#!/usr/bin/env bash
# Installs the project and runs the main job: a demo that writes a live, rotating log and follows it.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npx logstream demo "$@"
