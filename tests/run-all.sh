#!/usr/bin/env bash
# Every test: type check, unit tests (Vitest), build, end-to-end tests (Playwright in Debian Chromium).
# Ends with one line "N passed, N failed" over both runners.
set -uo pipefail
cd "$(dirname "$0")/.."
bash tests/setup.sh || exit 1
mkdir -p tests/.tmp
status=0
echo "== type check"; npx tsc --noEmit || status=1
echo "== unit tests"; npx vitest run --reporter=default --reporter=json --outputFile.json=tests/.tmp/vitest.json || status=1
echo "== build"; ACCOUNT_LENS_DEMO=1 npx wxt build >tests/.tmp/build.log 2>&1 || { cat tests/.tmp/build.log; status=1; }
echo "== end-to-end tests"
PLAYWRIGHT_JSON_OUTPUT_NAME=tests/.tmp/playwright.json npx playwright test --reporter=list,json || status=1
node tests/summarise.mjs tests/.tmp/vitest.json tests/.tmp/playwright.json || status=1
exit $status
