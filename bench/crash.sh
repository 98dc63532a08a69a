#!/usr/bin/env bash
# Crash safety at full length: CrashSafetyIT kills target/veche.jar with SIGKILL CYCLES times while 16 writers
# post comments, and checks after each restart that every acknowledged comment is there, whole. Runs 20 cycles
# on SQLite and, when VECHE_TEST_POSTGRES_URL is set, 5 on PostgreSQL. Prints the cycles survived and the
# comments acknowledged and found (the test's own summary line).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
out=$(mktemp /tmp/veche-bench-XXXXXX.log)

SQLITE_CYCLES=${SQLITE_CYCLES:-20}
POSTGRES_CYCLES=${POSTGRES_CYCLES:-5}

log "SQLite: $SQLITE_CYCLES cycles"
env -u VECHE_TEST_POSTGRES_URL mvn -B -q verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
	-Dit.test=CrashSafetyIT -Dveche.crash.cycles="$SQLITE_CYCLES" 2>&1 | tee "$out"
grep -h "crash safety:" "$out" || true

if [[ -n ${VECHE_TEST_POSTGRES_URL:-} ]]; then
	# the PostgreSQL profile runs the SQLite execution again too, with the same (smaller) number of cycles
	log "PostgreSQL: $POSTGRES_CYCLES cycles"
	mvn -B -q verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CrashSafetyIT \
		-Dveche.crash.cycles="$POSTGRES_CYCLES" 2>&1 | tee "$out"
	grep -h "crash safety:" "$out" || true
else
	log "VECHE_TEST_POSTGRES_URL is not set: PostgreSQL skipped"
fi
