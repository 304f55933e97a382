#!/usr/bin/env bash
# Installs everything, builds the extension and runs the demo (tests/sites/demo.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/setup.sh
npx wxt build >/dev/null
npx tsx tests/sites/demo.ts
