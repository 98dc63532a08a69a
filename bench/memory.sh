#!/usr/bin/env bash
# Veche benchmark: resident memory. Starts the jar with the JVM flags README recommends (the site's own defaults
# otherwise), prints the RSS and the heap right after start and after the first page, then runs a load for
# DURATION (wrk reading an article page with its discussion, while a second wrk posts comments to another article
# through the API) and prints them again, after the load and after a minute of rest.
#
# Settings (environment): DURATION (10m), CONNECTIONS (32, readers), WRITERS (4, posting connections),
# COMMENTS (200, comments seeded on the page that is read), JAVA (a JDK 25 java binary), JAVA_OPTS (default:
# the recommended flags), JAR (default target/veche.jar, built when missing), REST (60, seconds after the load),
# START (jar: java -jar; cache: the extracted jar with a JDK AOT cache; spring-aot: that and Spring AOT). With
# -XX:NativeMemoryTracking=summary in JAVA_OPTS it also prints the JVM's committed memory by category at the end.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
DURATION=${DURATION:-10m}
CONNECTIONS=${CONNECTIONS:-32}
WRITERS=${WRITERS:-4}
COMMENTS=${COMMENTS:-200}
REST=${REST:-60}
JAR=${JAR:-$ROOT/target/veche.jar}
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"
# shellcheck source=bench/jvm.sh
source "$HERE/jvm.sh"

for tool in wrk curl; do
	command -v "$tool" >/dev/null 2>&1 || die "missing: $tool (apt-get install wrk curl)"
done
find_java
build_jar_if_missing
JCMD=$(dirname "$JAVA")/jcmd
[[ -x $JCMD ]] || die "no jcmd beside $JAVA"

with_work_dir memory

PORT=$(free_port) || die "no free port"
BASE="http://127.0.0.1:$PORT"
ADMIN_EMAIL="bench-admin@example.org"
ADMIN_PASSWORD="bench-password-$$-$RANDOM$RANDOM"

log "JDK: $JAVA ($("$JAVA" -version 2>&1 | head -1)); flags: $JAVA_OPTS"
# START=cache: the extracted jar with a JDK AOT cache from Spring's training run (README); START=spring-aot: the
# same with Spring AOT's prebuilt context (a jar built with -Pspring-aot); otherwise (jar) java -jar as it is
START_ARGS=(-jar "$JAR")
if [[ ${START:-jar} != jar ]]; then
	"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
	[[ $START == spring-aot ]] && START_ARGS=(-Dspring.aot.enabled=true) || START_ARGS=()
	log "training the AOT cache ($START)"
	# shellcheck disable=SC2086
	"$JAVA" $JAVA_OPTS "${START_ARGS[@]}" -XX:AOTCacheOutput="$WORK/app/veche.aot" -Xlog:aot=error \
		-Dspring.context.exit=onRefresh -jar "$WORK/app/$(basename "$JAR")" --veche.data-dir="$WORK/train" >"$WORK/train.log" 2>&1 || true
	[[ -s $WORK/app/veche.aot ]] || { tail -30 "$WORK/train.log" >&2; die "no AOT cache was written"; }
	START_ARGS+=(-XX:AOTCache="$WORK/app/veche.aot" -jar "$WORK/app/$(basename "$JAR")")
fi
# shellcheck disable=SC2086
VECHE_ADMIN_EMAIL=$ADMIN_EMAIL VECHE_ADMIN_PASSWORD=$ADMIN_PASSWORD \
	"$JAVA" $JAVA_OPTS "${START_ARGS[@]}" --server.port="$PORT" --server.address=127.0.0.1 \
	--veche.data-dir="$WORK/data" --veche.demo-content=false >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 1200); do
	kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$WORK/server.log" >&2; die "the server stopped"; }
	curl -sf --max-time 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"' && break
	sleep 0.1
done
curl -sf --max-time 2 "$BASE/actuator/health" | grep -q '"UP"' || die "the server did not come up"

# RSS from the kernel; heap used and committed from the JVM itself (after no forced collection: as it stands)
report() {
	local when=$1 rss heap
	# the total, then its parts: anonymous memory (heap, code, malloc) and mapped files (the AOT cache, libraries)
	rss=$(awk '/^VmRSS/ {t = $2} /^RssAnon/ {a = $2} /^RssFile/ {f = $2}
		END {printf "%.0f (anon %.0f, files %.0f)", t / 1024, a / 1024, f / 1024}' "/proc/$SERVER_PID/status")
	heap=$("$JCMD" "$SERVER_PID" GC.heap_info 2>/dev/null | awk '
		/total/ && /used/ { for (i = 1; i <= NF; i++) { if ($i == "total") t = $(i + 1); if ($i == "used") u = $(i + 1) } tt += t + 0; uu += u + 0 }
		END { printf "heap used %.0f MB of %.0f MB committed", uu / 1024, tt / 1024 }')
	printf '| %s | %s | %s |\n' "$when" "$rss" "$heap" | tee -a "$WORK/table"
}
: >"$WORK/table"
report "after start"

json_field() { local re="\"$1\":\"?([^\",}]*)"; [[ $2 =~ $re ]] && printf '%s' "${BASH_REMATCH[1]}"; }
response=$(curl -s -X POST -H 'Content-Type: application/json' \
	-d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/api/v1/auth/token")
TOKEN=$(json_field token "$response") || die "no token: $response"
publish() {
	local response
	response=$(curl -s -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
		-d "{\"title\":\"$1\",\"lead\":\"A page for the memory benchmark.\",\"body\":\"The council met on Tuesday.\\n\\nMost of the evening went to the *river crossing*.\",\"tags\":[\"bench\"],\"status\":\"published\"}" \
		"$BASE/api/v1/articles")
	SLUG=$(json_field slug "$response") || die "article not published: $response"
}
publish "The page that is read"
READ_SLUG=$SLUG
publish "The page that is written to"
WRITE_SLUG=$SLUG
log "seeding $COMMENTS comments on /articles/$READ_SLUG"
for i in $(seq 1 "$COMMENTS"); do
	curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
		-d "{\"parentId\":null,\"body\":\"Comment $i: the figures in the third paragraph match what the council published.\"}" \
		"$BASE/api/v1/articles/$READ_SLUG/comments"
done
curl -sf -o /dev/null "$BASE/articles/$READ_SLUG" || die "the article page does not answer"
report "after the first page"

log "load for $DURATION: $CONNECTIONS readers of /articles/$READ_SLUG, $WRITERS writers posting to /articles/$WRITE_SLUG"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE/articles/$READ_SLUG" >"$WORK/read.txt" 2>&1 &
READER=$!
wrk -t1 -c"$WRITERS" -d"$DURATION" -s "$HERE/post-comments.lua" \
	"$BASE/api/v1/articles/$WRITE_SLUG/comments" -- 7 >"$WORK/write.txt" 2>&1 || true
wait "$READER" || true
grep -E 'Requests/sec|99%' "$WORK/read.txt" | sed 's/^/  reads:  /' >&2 || true
grep -E 'Requests/sec|created' "$WORK/write.txt" | sed 's/^/  posts:  /' >&2 || true
report "after $DURATION of load"
sleep "$REST"
report "after $REST s of rest"

# Where the memory is (only when JAVA_OPTS has -XX:NativeMemoryTracking=summary): the JVM's own account, committed
# MB by category; then the heap that is live (after a full collection, which the figures above did not have).
if [[ $JAVA_OPTS == *NativeMemoryTracking* ]]; then
	"$JCMD" "$SERVER_PID" VM.native_memory summary scale=MB 2>/dev/null |
		sed -n 's/^-  *\([A-Za-z][A-Za-z ]*[a-z]\) *(reserved=[0-9]*MB, committed=\([0-9]*\)MB.*/  NMT \1: \2 MB/p' >&2
fi
"$JCMD" "$SERVER_PID" GC.run >/dev/null 2>&1 || true
report "after a full collection (the live set)"
# The mappings that hold most of the resident memory (SMAPS=1): where the pages are, by file or [anon]
if [[ ${SMAPS:-0} == 1 ]]; then
	awk '/^[0-9a-f]+-[0-9a-f]+ / {name = (NF >= 6 ? $6 : "[anon]")} /^Rss:/ {rss[name] += $2}
		END {for (n in rss) if (rss[n] >= 1024) printf "  smaps %6.1f MB %s\n", rss[n] / 1024, n}' \
		"/proc/$SERVER_PID/smaps" | sort -k2 -nr | head -20 >&2
fi
if [[ $JAVA_OPTS == *NativeMemoryTracking* ]]; then
	"$JCMD" "$SERVER_PID" GC.class_histogram 2>/dev/null | sed -n '4,28p' | sed 's/^/  live /' >&2
fi

echo
echo "JVM flags: ${JAVA_OPTS:-(none)}; MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX; start: ${START:-jar}"
echo "| when | RSS (MB) | heap |"
echo "|---|---|---|"
cat "$WORK/table"
