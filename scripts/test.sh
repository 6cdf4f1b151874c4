#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine with Node 20, then runs the whole
# suite: type check, lint, unit and reliability tests.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npm test
