#!/usr/bin/env bash
# What SQLite's durability costs: comment posts per second through the API (wrk, bench/post-comments.lua)
# with veche.sqlite.synchronous=NORMAL and =FULL, ROUNDS rounds each, on a fresh site in the temporary folder
# (so on the disk that holds it: set TMPDIR to measure another one). Prints requests per second, p50 and p99 of
# each run and the medians. NORMAL keeps everything through a crash of the process; FULL also through a power
# cut. Usage: bench/sqlite-durability.sh   (DURATION=30s CONNECTIONS=16 THREADS=2 ROUNDS=3)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

JAR=${JAR:-target/veche.jar}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-3}
for tool in wrk curl; do command -v $tool >/dev/null || die "missing: $tool"; done
[[ -f $JAR ]] || { log "building $JAR"; mvn -q -B package -DskipTests; }

work=$(mktemp -d "${TMPDIR:-/tmp}/veche-bench-durability-XXXXXX")
SERVER_PID=""
trap 'stop_pid "$SERVER_PID"; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
run=0

for mode in NORMAL FULL; do
	rm -rf "$work/data"
	log "synchronous=$mode: starting"
	"$JAVA" -jar "$JAR" --server.port="$port" --server.address=127.0.0.1 --veche.data-dir="$work/data" \
		--veche.sqlite.synchronous=$mode --veche.rate-limit.enabled=false --veche.moderation.hold-first-comment=false \
		--veche.moderation.hold-links=0 --veche.moderation.raid-size=0 --veche.moderation.surge.size=0 >"$work/server-$mode.log" 2>&1 &
	SERVER_PID=$!
	for i in $(seq 1 180); do
		curl -sf --max-time 2 "$base/actuator/health" 2>/dev/null | grep -q '"UP"' && break
		kill -0 "$SERVER_PID" 2>/dev/null || die "the server stopped (see $work/server-$mode.log)"
		sleep 1
	done
	slug=$(curl -sf "$base/api/v1/articles?size=1" | sed -n 's/.*"slug":"\([^"]*\)".*/\1/p')
	[[ -n $slug ]] || die "no demo article"
	url="$base/api/v1/articles/$slug/comments"
	run=$((run + 1))
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/post-comments.lua "$url" -- $run >/dev/null
	for round in $(seq 1 "$ROUNDS"); do
		run=$((run + 1))
		out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/post-comments.lua "$url" -- $run)
		rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' <<<"$out")
		p50=$(awk '$1=="50%"{print $2}' <<<"$out")
		p99=$(awk '$1=="99%"{print $2}' <<<"$out")
		posts=$(grep '^POSTS sent' <<<"$out" || true)
		echo "$mode round $round: $rps posts/s, p50 $p50, p99 $p99 ($posts)"
		echo "$rps" >>"$work/$mode.rps"
	done
	stop_pid "$SERVER_PID"
	SERVER_PID=""
done
for mode in NORMAL FULL; do
	echo "$mode median: $(sort -n "$work/$mode.rps" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') posts/s"
done
