#!/usr/bin/env bash
# Installs everything, builds the extension and runs the demo (tests/sites/demo.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/setup.sh
mkdir -p tests/.tmp
echo "Building the extension…"
ACCOUNT_LENS_DEMO=1 npx wxt build >tests/.tmp/build.log 2>&1 || { cat tests/.tmp/build.log; echo "The build failed (log above)." >&2; exit 1; }
npx tsx tests/sites/demo.ts
