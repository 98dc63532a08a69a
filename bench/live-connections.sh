#!/usr/bin/env bash
# Veche benchmark: what open live pages cost. Starts the site on SQLite with one article, then, in each round:
# measures the idle server (heap after a full GC, RSS, threads, CPU over HOLD seconds), opens CONNECTIONS
# Server-Sent Events streams to the article from bench/LiveClient.java (one NIO thread on loopback), measures
# the same with them open and idle, then posts POSTS comments through the API while they listen and measures
# the CPU of delivering them and how long readers took to get each. Prints a Markdown table of the medians.
# See docs/BENCHMARKS.md for what the figures mean.
#
# Settings (environment): CONNECTIONS (5000), ROUNDS (3), HOLD (30, seconds), POSTS (20), POST_INTERVAL_MS (500),
# JAVA (a java binary), JAVA_OPTS (-Xmx2g), JAR (default target/veche.jar, built when missing).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
CONNECTIONS=${CONNECTIONS:-5000}
ROUNDS=${ROUNDS:-3}
HOLD=${HOLD:-30}
POSTS=${POSTS:-20}
POST_INTERVAL_MS=${POST_INTERVAL_MS:-500}
JAVA_OPTS=${JAVA_OPTS:--Xmx2g}
JAR=${JAR:-$ROOT/target/veche.jar}

# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"

# Every connection is a socket on both ends, in one process each: the default limit of 1,024 open files
# would stop the server long before 5,000 readers. Raise the soft limit (and the hard one, as root) first.
need=$((CONNECTIONS + 2048))
if (($(ulimit -n) < need)); then
	if ! ulimit -n "$need" 2>/dev/null; then
		ulimit -Hn "$need" 2>/dev/null && ulimit -n "$need" 2>/dev/null ||
			die "cannot raise the open-file limit to $need (ulimit -n is $(ulimit -n)); run as root or lower CONNECTIONS"
	fi
fi
log "open-file limit: $(ulimit -n)"

if [[ -z ${JAVA:-} ]]; then
	JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
fi
[[ -x $JAVA ]] || die "no JDK at $JAVA (set JAVA=/path/to/bin/java)"
JCMD=$(dirname "$JAVA")/jcmd
[[ -x $JCMD ]] || die "no jcmd beside $JAVA"
command -v curl >/dev/null || die "curl is missing (apt-get install curl)"

if [[ ! -f $JAR ]]; then
	log "building $JAR"
	(cd "$ROOT" && mvn -q -B package -DskipTests) || die "build failed"
fi

WORK=$(mktemp -d /tmp/veche-live-bench.XXXXXX)
SERVER_PID=""
CLIENT_PID=""
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	stop_pid "$CLIENT_PID"
	stop_pid "$SERVER_PID"
	[[ -n ${KEEP:-} ]] && mkdir -p "$KEEP" && cp "$WORK"/*.log "$KEEP/" 2>/dev/null
	rm -rf "$WORK"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT=$((20000 + RANDOM % 20000))
BASE="http://127.0.0.1:$PORT"
ADMIN_EMAIL="bench-admin@example.org"
ADMIN_PASSWORD="bench-password-$$-$RANDOM$RANDOM"
log "JDK: $("$JAVA" -version 2>&1 | head -1); JAVA_OPTS=$JAVA_OPTS"
# shellcheck disable=SC2086
VECHE_ADMIN_EMAIL=$ADMIN_EMAIL VECHE_ADMIN_PASSWORD=$ADMIN_PASSWORD \
	"$JAVA" $JAVA_OPTS -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
	--veche.data-dir="$WORK/data" --veche.demo-content=false >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 180); do
	kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$WORK/server.log" >&2; die "the server stopped"; }
	curl -sf --max-time 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"' && break
	sleep 1
done
log "server up (pid $SERVER_PID)"

field() { sed -n "s/.*\"$1\":\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p" <<<"$2"; }
# the first administrator is made just after start-up: ask again for a while
for i in $(seq 1 30); do
	response=$(curl -s -X POST -H 'Content-Type: application/json' \
		-d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/api/v1/auth/token")
	TOKEN=$(field token "$response")
	[[ -n $TOKEN ]] && break
	sleep 2
done
[[ -n $TOKEN ]] || die "no token: $response"
new_article() {
	local r
	r=$(curl -s -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
		-d "{\"title\":\"Live benchmark $1\",\"lead\":\"Readers watch.\",\"body\":\"Body\",\"status\":\"published\"}" \
		"$BASE/api/v1/articles")
	ARTICLE_ID=$(field id "$r")
	SLUG=$(field slug "$r")
	[[ -n $ARTICLE_ID && -n $SLUG ]] || die "no article: $r"
}

CLK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status"; }
threads() { awk '/^Threads/ {print $2}' "/proc/$SERVER_PID/status"; }
heap_kb() { # heap in use after a full collection
	"$JCMD" "$SERVER_PID" GC.run >/dev/null
	sleep 1
	"$JCMD" "$SERVER_PID" GC.heap_info | grep -m1 ' heap ' | sed -n 's/.* used \([0-9]*\)K.*/\1/p'
}
wait_for() { # wait_for PATTERN FILE SECONDS
	local i
	for i in $(seq 1 $(($3 * 10))); do
		grep -q "$1" "$2" 2>/dev/null && return 0
		kill -0 "$CLIENT_PID" 2>/dev/null || { cat "$2" >&2; die "the client stopped before '$1'"; }
		sleep 0.1
	done
	die "no '$1' from the client within $3 s"
}
run_client() { # run_client LOG CONNECTIONS POSTS HOLD
	"$JAVA" -Xmx512m "$HERE/LiveClient.java" 127.0.0.1 "$PORT" "$ARTICLE_ID" "$SLUG" "$2" "$3" "$POST_INTERVAL_MS" "$4" "$TOKEN" >"$1" 2>&1 &
	CLIENT_PID=$!
}

log "warm-up: 200 readers, 20 comments"
new_article warmup
run_client "$WORK/warmup.log" 200 20 2
wait_for DONE "$WORK/warmup.log" 120
wait "$CLIENT_PID" || true
grep -q '^POST .* answered' "$WORK/warmup.log" && die "a comment post failed: $(grep '^POST' "$WORK/warmup.log" | head -3)"
CLIENT_PID=""

declare -a ANSWER B_HEAP B_RSS B_THREADS B_CPU O_HEAP O_RSS O_THREADS O_CPU P_CPU P50 P99 PMAX DELIV ESTAB
for round in $(seq 1 "$ROUNDS"); do
	new_article "round $round"
	sleep 2
	B_HEAP[round]=$(heap_kb)
	B_RSS[round]=$(rss_kb)
	B_THREADS[round]=$(threads)
	t0=$(cpu_ticks)
	sleep "$HOLD"
	B_CPU[round]=$(($(cpu_ticks) - t0))
	log "round $round: idle heap ${B_HEAP[round]} KB, RSS ${B_RSS[round]} KB, ${B_THREADS[round]} threads"

	client_log="$WORK/round$round.log"
	run_client "$client_log" "$CONNECTIONS" "$POSTS" $((HOLD + 15))
	wait_for 'READY.* ok$' "$client_log" 1200
	ESTAB[round]=$(sed -n 's/.*established_in_ms=\([0-9]*\).*/\1/p' "$client_log")
	opened=$(sed -n 's/READY connections=\([0-9]*\).*/\1/p' "$client_log")
	[[ $opened == "$CONNECTIONS" ]] || die "only '$opened' of $CONNECTIONS streams opened: $(cat "$client_log")"
	sleep 3
	O_HEAP[round]=$(heap_kb)
	O_RSS[round]=$(rss_kb)
	O_THREADS[round]=$(threads)
	t0=$(cpu_ticks)
	sleep "$HOLD"
	O_CPU[round]=$(($(cpu_ticks) - t0))
	log "round $round: $opened open: heap ${O_HEAP[round]} KB, RSS ${O_RSS[round]} KB, ${O_THREADS[round]} threads"
	wait_for POSTING "$client_log" 120
	t0=$(cpu_ticks)
	wait_for DONE "$client_log" 120
	P_CPU[round]=$(($(cpu_ticks) - t0))
	wait "$CLIENT_PID" || true
	ANSWER[round]=$(sed -n 's/^POSTS .*p50_ms=\([0-9.]*\).*/\1/p' "$client_log")
	CLIENT_PID=""
	summary=$(grep '^SUMMARY' "$client_log")
	grep -q '^POST .* answered' "$client_log" && die "a comment post failed: $(grep '^POST' "$client_log" | head -3)"
	DELIV[round]=$(sed -n 's/.*deliveries=\([0-9]*\) expected=\([0-9]*\).*/\1 of \2/p' <<<"$summary")
	P50[round]=$(sed -n 's/.*SUMMARY.* p50_ms=\([0-9.]*\).*/\1/p' <<<"$summary")
	P99[round]=$(sed -n 's/.* p99_ms=\([0-9.]*\).*/\1/p' <<<"$summary")
	PMAX[round]=$(sed -n 's/.* max_ms=\([0-9.]*\).*/\1/p' <<<"$summary")
	log "round $round: $summary"
	sleep 5
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
per_conn() { awk -v a="$1" -v b="$2" -v n="$CONNECTIONS" 'BEGIN {printf "%.1f", (a - b) / n}'; }
pct() { awk -v t="$1" -v s="$HOLD" -v c="$CLK" 'BEGIN {printf "%.1f", 100 * t / c / s}'; }
declare -a HEAP_PER RSS_PER
for round in $(seq 1 "$ROUNDS"); do
	HEAP_PER[round]=$(per_conn "${O_HEAP[round]}" "${B_HEAP[round]}")
	RSS_PER[round]=$(per_conn "${O_RSS[round]}" "${B_RSS[round]}")
done
post_seconds=$(awk -v p="$POSTS" -v i="$POST_INTERVAL_MS" 'BEGIN {print p * i / 1000}')

echo
echo "Live connections: $CONNECTIONS SSE streams on one article, $ROUNDS rounds, medians; hold $HOLD s; $POSTS comments every $POST_INTERVAL_MS ms"
echo
echo "| measure | idle server | with $CONNECTIONS open streams | per stream |"
echo "|---|---:|---:|---:|"
echo "| heap after full GC (KB) | $(median "${B_HEAP[@]:1}") | $(median "${O_HEAP[@]:1}") | $(median "${HEAP_PER[@]:1}") KB |"
echo "| RSS (KB) | $(median "${B_RSS[@]:1}") | $(median "${O_RSS[@]:1}") | $(median "${RSS_PER[@]:1}") KB |"
echo "| JVM threads | $(median "${B_THREADS[@]:1}") | $(median "${O_THREADS[@]:1}") | |"
echo "| CPU while idle, % of one core over $HOLD s | $(pct "$(median "${B_CPU[@]:1}")") | $(pct "$(median "${O_CPU[@]:1}")") | |"
echo
echo "| delivering $POSTS comments to $CONNECTIONS readers | median of rounds |"
echo "|---|---:|"
echo "| streams opened in (ms) | $(median "${ESTAB[@]:1}") |"
echo "| deliveries | ${DELIV[1]} (round 1)$( ((ROUNDS > 1)) && printf ', %s' "${DELIV[@]:2}") |"
echo "| CPU from the first post to the last delivery, core-seconds | $(awk -v t="$(median "${P_CPU[@]:1}")" -v c="$CLK" 'BEGIN {printf "%.2f", t / c}') (posts span $post_seconds s) |"
echo "| post answered (201), p50 (ms) | $(median "${ANSWER[@]:1}") |"
echo "| post to reader, p50 (ms) | $(median "${P50[@]:1}") |"
echo "| post to reader, p99 (ms) | $(median "${P99[@]:1}") |"
echo "| post to last reader, max (ms) | $(median "${PMAX[@]:1}") |"
echo
echo "Raw per round: idle heap ${B_HEAP[*]:1} KB; open heap ${O_HEAP[*]:1} KB; idle RSS ${B_RSS[*]:1} KB; open RSS ${O_RSS[*]:1} KB; idle CPU ticks ${B_CPU[*]:1}; open CPU ticks ${O_CPU[*]:1}; posting CPU ticks ${P_CPU[*]:1} (CLK_TCK $CLK)"
