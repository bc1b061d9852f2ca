#!/usr/bin/env bash
# Prints the path of a Node 24 binary, installing it first if needed. Node 24 comes from the npm
# registry as the platform package that the `node` package would install (whose own install script
# npm skips here), cached outside the work tree. Used by .ci/run and `npm run bench`.
set -euo pipefail
platform="$(node -p process.platform)"
arch="$(node -p process.arch)"
prefix="${CHECKLIST_GATE_NODE24_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/checklist-gate/node24}"
node24="$prefix/node_modules/node-$platform-$arch/bin/node"
if ! "$node24" -e 'process.exit(process.versions.node.startsWith("24.") ? 0 : 1)' 2>/dev/null; then
  rm -rf "$prefix"
  mkdir -p "$prefix"
  for attempt in 1 2 3; do
    if npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund \
      "node-$platform-$arch@24" >&2; then
      break
    fi
    if [ "$attempt" = 3 ]; then
      echo "could not install Node 24 (node-$platform-$arch@24) from the npm registry" >&2
      exit 1
    fi
    sleep $((attempt * 5))
  done
fi
echo "$node24"
