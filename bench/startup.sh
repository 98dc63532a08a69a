#!/usr/bin/env bash
# Veche benchmark: start to first page. Measures the time from exec of `java` to the first 200 answer of an
# article page, the median of ROUNDS starts: from the plain jar, from the extracted jar, from the extracted jar
# with JDK 25's AOT cache made by a training run, and, when the jar carries Spring AOT's generated context (it
# does when built as README says), from the extracted jar with Spring AOT (-Dspring.aot.enabled=true) and its own
# AOT cache; and the resident memory (RSS) of the process right after that first page. The variants take turns
# (one start of each, then the next round), so a change in the machine's load falls on all of them alike. Every
# start uses the same data folder (made once, with the demo content), so no start pays for migrations.
#
# Settings (environment): ROUNDS (3), JAVA (a JDK 25 java binary), JAVA_OPTS (default: the flags README
# recommends), JAR (default target/veche.jar, built when missing), TRAIN (refresh: Spring's documented training
# run, which stops once the context is refreshed; page (default): start, ask for an article page, stop),
# VARIANTS (default: plain extracted aot, and spring-aot when the jar carries it).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
ROUNDS=${ROUNDS:-3}
JAR=${JAR:-$ROOT/target/veche.jar}
TRAIN=${TRAIN:-page}
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"
# shellcheck source=bench/jvm.sh
source "$HERE/jvm.sh"

command -v curl >/dev/null 2>&1 || die "missing: curl (apt-get install curl)"
find_java
build_jar_if_missing

with_work_dir startup

PORT=$(free_port) || die "no free port"
BASE="http://127.0.0.1:$PORT"
ARGS=(--server.port="$PORT" --server.address=127.0.0.1 --veche.data-dir="$WORK/data")

now_ms() { date +%s%3N; }

# start_server LOG JAVA_ARGS...: starts java in the background and sets SERVER_PID and STARTED_MS
start_server() {
	local out=$1
	shift
	STARTED_MS=$(now_ms)
	# shellcheck disable=SC2086
	"$JAVA" $JAVA_OPTS "$@" "${ARGS[@]}" >"$out" 2>&1 &
	SERVER_PID=$!
}

# pause SECONDS: a sleep without starting a process (read's time-out on a pipe that never gets a line)
exec {PAUSE_FD}<> <(:)
pause() { read -r -t "$1" -u "$PAUSE_FD" || true; }

# wait_for URL: prints the milliseconds since STARTED_MS to the first 200 of URL. Until the port accepts, it tries a
# connection every 5 ms from the shell itself (no process: a curl every few milliseconds took a good share of a
# core from the start it measured); then one curl waits for the page.
wait_for() {
	local url=$1 port i
	port=${url#http://*:}
	port=${port%%/*}
	for i in $(seq 1 24000); do
		if { : <>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null \
			&& curl -s -o /dev/null -w '%{http_code}' --max-time 60 "$url" 2>/dev/null | grep -q '^200$'; then
			echo $(($(now_ms) - STARTED_MS))
			return 0
		fi
		kill -0 "$SERVER_PID" 2>/dev/null || return 1
		pause 0.005
	done
	return 1
}

rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# ---------------------------------------------------------------- a data folder with demo content
log "JDK: $JAVA ($("$JAVA" -version 2>&1 | head -1)); flags: $JAVA_OPTS"
log "first start: migrations and demo content in $WORK/data"
start_server "$WORK/first.log" -jar "$JAR" --veche.demo-content=true
wait_for "$BASE/actuator/health" >/dev/null || { tail -30 "$WORK/first.log" >&2; die "the site did not start"; }
SLUG=$(curl -s "$BASE/api/v1/articles" | grep -o '"slug":"[^"]*"' | head -1 | cut -d'"' -f4)
[[ -n $SLUG ]] || die "no article found on the demo site"
PAGE="$BASE/articles/$SLUG"
curl -sf -o /dev/null "$PAGE" || die "$PAGE does not answer 200"
stop_pid "$SERVER_PID"
log "article page: $PAGE"

# ---------------------------------------------------------------- the AOT caches (JDK 25, JEP 483/514/515)
# train_cache CACHE JAVA_ARGS...: one training run with JAVA_ARGS, as TRAIN says; the cache is written to CACHE
train_cache() {
	local cache=$1 i
	shift
	if [[ $TRAIN == refresh ]]; then
		# shellcheck disable=SC2086
		"$JAVA" $JAVA_OPTS "$@" -XX:AOTCacheOutput="$cache" -Xlog:aot=error -Dspring.context.exit=onRefresh \
			-jar "$APP_JAR" "${ARGS[@]}" >"$cache.log" 2>&1 || true
	else
		# -Xlog:aot=error: the training run lists every proxy class it cannot keep, which is expected
		start_server "$cache.log" "$@" -XX:AOTCacheOutput="$cache" -Xlog:aot=error -jar "$APP_JAR"
		wait_for "$PAGE" >/dev/null || { tail -30 "$cache.log" >&2; die "the training run did not serve the page"; }
		for i in $(seq 1 20); do curl -s -o /dev/null "$PAGE"; curl -s -o /dev/null "$BASE/"; done
		# the cache is written as the JVM exits (JDK 25 starts a second JVM to assemble it): give it time
		kill "$SERVER_PID" 2>/dev/null || true
		for i in $(seq 1 600); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
		stop_pid "$SERVER_PID"
		SERVER_PID=""
	fi
	[[ -s $cache ]] || { tail -30 "$cache.log" >&2; die "no AOT cache was written ($cache)"; }
	log "AOT cache $(basename "$cache"): $(du -h "$cache" | cut -f1)"
}

log "extracting the jar and training the AOT caches ($TRAIN)"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
APP_JAR="$WORK/app/$(basename "$JAR")"
# Spring AOT's generated context is in the jar when the build ran process-aot (see pom.xml)
SPRING_AOT_CLASS=BOOT-INF/classes/org/veche/VecheApplication__ApplicationContextInitializer.class
if [[ -z ${VARIANTS:-} ]]; then
	VARIANTS="plain extracted aot"
	if unzip -l "$JAR" "$SPRING_AOT_CLASS" >/dev/null 2>&1; then VARIANTS+=" spring-aot"; fi
fi
[[ " $VARIANTS " == *" aot "* ]] && train_cache "$WORK/app/veche.aot"
[[ " $VARIANTS " == *" spring-aot "* ]] && train_cache "$WORK/app/veche-spring.aot" -Dspring.aot.enabled=true

# ---------------------------------------------------------------- the starts, the variants taking turns
declare -A TIMES RSS
for round in $(seq 1 "$ROUNDS"); do
	for variant in $VARIANTS; do
		case $variant in
			plain) start_server "$WORK/$variant-$round.log" -jar "$JAR" ;;
			extracted) start_server "$WORK/$variant-$round.log" -jar "$APP_JAR" ;;
			aot) start_server "$WORK/$variant-$round.log" -XX:AOTCache="$WORK/app/veche.aot" -jar "$APP_JAR" ;;
			spring-aot) start_server "$WORK/$variant-$round.log" -XX:AOTCache="$WORK/app/veche-spring.aot" \
				-Dspring.aot.enabled=true -jar "$APP_JAR" ;;
			*) die "unknown variant: $variant" ;;
		esac
		ms=$(wait_for "$PAGE") || { tail -30 "$WORK/$variant-$round.log" >&2; die "$variant start $round failed"; }
		rss=$(rss_mb "$SERVER_PID")
		log "$variant, start $round: first page after $ms ms, RSS $rss MB"
		TIMES[$variant]+="$ms "
		RSS[$variant]+="$rss "
		if grep -qiE 'WARNING: .*(restricted method|native access)|Unable to map shared spaces|AOT cache .*(mismatch|disabled)' "$WORK/$variant-$round.log"; then
			grep -iE 'WARNING|AOT' "$WORK/$variant-$round.log" | head -5 >&2
		fi
		stop_pid "$SERVER_PID"
		SERVER_PID=""
	done
done

echo
echo "| start | first article page, median of $ROUNDS (ms) | RSS after it, median (MB) | all runs (ms) |"
echo "|---|---|---|---|"
for variant in $VARIANTS; do
	case $variant in
		plain) label="java -jar veche.jar" ;;
		extracted) label="extracted jar, no cache" ;;
		aot) label="extracted jar + AOT cache" ;;
		*) label="extracted jar + Spring AOT + AOT cache" ;;
	esac
	echo "| $label | $(tr ' ' '\n' <<<"${TIMES[$variant]}" | grep . | median) | $(tr ' ' '\n' <<<"${RSS[$variant]}" | grep . | median) | ${TIMES[$variant]}|"
done
