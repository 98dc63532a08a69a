#!/usr/bin/env bash
# What surge mode costs a post, and that the cost stays flat through a long attack: comment posts per second
# through the API (wrk, bench/post-surge.lua: near-duplicates from new readers across five threads) with surge
# mode off, then on (its defaults: the attack starts a surge within the first posts, which then holds them all).
# ROUNDS consecutive rounds each on one site: with surge mode on, the last round runs after tens of thousands of
# attack posts, so a cost that grew with the attack would show as falling posts/s. The raid detector is off in
# both, to measure surge mode alone. Usage: bench/surge.sh   (DURATION=30s CONNECTIONS=16 THREADS=2 ROUNDS=3)
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

with_work_dir surge
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
run=0

for mode in off on; do
	rm -rf "$WORK/data"
	size=0
	[[ $mode == on ]] && size=10
	log "surge mode $mode: starting"
	"$JAVA" -jar "$JAR" --server.port="$port" --server.address=127.0.0.1 --veche.data-dir="$WORK/data" \
		--veche.rate-limit.enabled=false --veche.moderation.hold-first-comment=false --veche.moderation.hold-links=0 \
		--veche.moderation.raid-size=0 --veche.moderation.surge.size=$size >"$WORK/server-$mode.log" 2>&1 &
	SERVER_PID=$!
	for i in $(seq 1 180); do
		curl -sf --max-time 2 "$base/actuator/health" 2>/dev/null | grep -q '"UP"' && break
		kill -0 "$SERVER_PID" 2>/dev/null || die "the server stopped (see $WORK/server-$mode.log)"
		sleep 1
	done
	slugs=$(curl -sf "$base/api/v1/articles?size=5" | grep -o '"slug":"[^"]*"' | sed 's/"slug":"\(.*\)"/\1/' | paste -sd, -)
	[[ $(tr ',' '\n' <<<"$slugs" | grep -c .) -ge 3 ]] || die "fewer than three demo articles: $slugs"
	run=$((run + 1))
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/post-surge.lua "$base" -- $run "$slugs" >/dev/null
	for round in $(seq 1 "$ROUNDS"); do
		run=$((run + 1))
		out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/post-surge.lua "$base" -- $run "$slugs")
		rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' <<<"$out")
		p50=$(awk '$1=="50%"{print $2}' <<<"$out")
		p99=$(awk '$1=="99%"{print $2}' <<<"$out")
		posts=$(grep '^POSTS sent' <<<"$out" || true)
		echo "surge $mode round $round: $rps posts/s, p50 $p50, p99 $p99 ($posts)"
		echo "$rps" >>"$WORK/$mode.rps"
	done
	stop_pid "$SERVER_PID"
	SERVER_PID=""
done
for mode in off on; do
	echo "surge $mode median: $(sort -n "$WORK/$mode.rps" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') posts/s"
done
