#!/usr/bin/env bash
# Stored XSS with the whole corpus in every field: StoredXssBrowserIT with every payload also in the one-payload
# fields (names, websites, titles, tags; CI takes every 4th there). Prints the payloads tried, the pages opened
# and the scripts that ran (0 expected). Regenerate the corpus with bench/xss-corpus.py.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
out=$(mktemp /tmp/veche-bench-XXXXXX.log)

env -u VECHE_TEST_POSTGRES_URL mvn -B -q verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
	-Dit.test=StoredXssBrowserIT -Dveche.xss.stride=1 2>&1 | tee "$out" || status=$?
grep -h "^StoredXssBrowserIT" "$out" || true
exit "${status:-0}"
