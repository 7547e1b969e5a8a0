#!/usr/bin/env bash
# Makes sure Node.js >= 22 is the `node` on PATH. On machines that ship Node 20 it installs
# Node 24 LTS from the npm registry into /usr/local (which comes before /usr/bin on PATH).
# Idempotent; prints the version in use. Usage: bash scripts/ensure-node.sh (called by .ci/run)
set -euo pipefail
want=${VIRAGE_NODE_VERSION:-24}
major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(major)" -lt 22 ]; then
  npm install --global --prefix /usr/local --no-audit --no-fund --loglevel=error "node@${want}" >/dev/null
  hash -r
fi
if [ "$(major)" -lt 22 ]; then
  echo "ensure-node: could not install Node ${want}; node is $(node --version)" >&2
  exit 1
fi
echo "node $(node --version) at $(command -v node)"
