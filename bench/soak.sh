#!/usr/bin/env bash
# The soak at full length: SoakIT runs a mixed load (pages, feeds, comment posts, likes, live streams dropped
# and reopened, sign-ins for API tokens) on target/veche.jar for DURATION (30m), and prints the server's heap
# after a full GC, resident set, threads and sockets after the warm-up (2 minutes) and at the end, the
# requests of each kind and the errors (none allowed). Usage: bench/soak.sh   (DURATION=30m)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
out=$(mktemp /tmp/veche-bench-XXXXXX.log)

DURATION=${DURATION:-30m}
log "soak for $DURATION on SQLite"
env -u VECHE_TEST_POSTGRES_URL mvn -B -q verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
	-Dit.test=SoakIT -Dveche.soak.duration="$DURATION" 2>&1 | tee "$out" || status=$?
grep -h "^soak" "$out" || true
exit "${status:-0}"
