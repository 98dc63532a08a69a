#!/usr/bin/env bash
# Veche diagnostics: what a start costs in classes and memory, by library. Starts the extracted jar once (with the
# AOT cache of a page-view training run when AOT=1), asks for an article page, and prints: the classes loaded
# (in all, from the AOT cache, and the libraries that load most), the JVM's own account of its memory (Native
# Memory Tracking, committed MB per area), the platform threads, and the RSS. Class counts and NMT hardly depend on
# the machine's load, so this can be run beside a build, unlike bench/startup.sh, whose times cannot.
#
# Settings (environment): JAVA, JAVA_OPTS (default: the flags README recommends, see bench/jvm.sh), JAR (default
# target/veche.jar, built when missing), AOT (0: no cache; 1: train one first), TOP (20, libraries listed), KEEP
# (set: keep the work folder and say where it is).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
JAR=${JAR:-$ROOT/target/veche.jar}
AOT=${AOT:-0}
TOP=${TOP:-20}
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"
# shellcheck source=bench/jvm.sh
source "$HERE/jvm.sh"

command -v curl >/dev/null 2>&1 || die "missing: curl (apt-get install curl)"
find_java
build_jar_if_missing
JCMD=$(dirname "$JAVA")/jcmd
[[ -x $JCMD ]] || die "no jcmd beside $JAVA"

with_work_dir footprint

PORT=$(free_port) || die "no free port"
BASE="http://127.0.0.1:$PORT"
ARGS=(--server.port="$PORT" --server.address=127.0.0.1 --veche.data-dir="$WORK/data")

# start_server LOG JAVA_ARGS...: java in the background, SERVER_PID set
start_server() {
	local out=$1
	shift
	# shellcheck disable=SC2086
	"$JAVA" $JAVA_OPTS "$@" "${ARGS[@]}" >"$out" 2>&1 &
	SERVER_PID=$!
}

wait_for() {
	local url=$1 i
	for i in $(seq 1 6000); do
		[[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" 2>/dev/null) == 200 ]] && return 0
		kill -0 "$SERVER_PID" 2>/dev/null || return 1
		sleep 0.02
	done
	return 1
}

log "JDK: $JAVA; flags: $JAVA_OPTS"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
start_server "$WORK/first.log" -jar "$WORK/app/$(basename "$JAR")" --veche.demo-content=true
wait_for "$BASE/actuator/health" || { tail -30 "$WORK/first.log" >&2; die "the site did not start"; }
SLUG=$(curl -s "$BASE/api/v1/articles" | grep -o '"slug":"[^"]*"' | head -1 | cut -d'"' -f4)
[[ -n $SLUG ]] || die "no article found on the demo site"
PAGE="$BASE/articles/$SLUG"
stop_pid "$SERVER_PID"

CACHE=()
if [[ $AOT == 1 ]]; then
	log "training the AOT cache on a page view"
	start_server "$WORK/train.log" -XX:AOTCacheOutput="$WORK/app/veche.aot" -Xlog:aot=error -jar "$WORK/app/$(basename "$JAR")"
	wait_for "$PAGE" || { tail -30 "$WORK/train.log" >&2; die "the training run did not serve the page"; }
	for i in $(seq 1 20); do curl -s -o /dev/null "$PAGE"; curl -s -o /dev/null "$BASE/"; done
	kill "$SERVER_PID" 2>/dev/null || true
	for i in $(seq 1 600); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
	stop_pid "$SERVER_PID"
	[[ -s $WORK/app/veche.aot ]] || { tail -30 "$WORK/train.log" >&2; die "no AOT cache was written"; }
	CACHE=(-XX:AOTCache="$WORK/app/veche.aot")
fi

start_server "$WORK/run.log" "${CACHE[@]}" -XX:NativeMemoryTracking=summary \
	-Xlog:class+load=info:file="$WORK/classes.txt" -jar "$WORK/app/$(basename "$JAR")"
wait_for "$PAGE" || { tail -30 "$WORK/run.log" >&2; die "the site did not serve $PAGE"; }
sleep 2 # the page is served; let the runners and the compilers settle before reading memory
RSS=$(awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status")
"$JCMD" "$SERVER_PID" VM.native_memory summary scale=MB >"$WORK/nmt.txt" 2>&1 || true
"$JCMD" "$SERVER_PID" Thread.print >"$WORK/threads.txt" 2>&1 || true
stop_pid "$SERVER_PID"
SERVER_PID=""

TOTAL=$(grep -c 'source:' "$WORK/classes.txt" || true)
SHARED=$(grep -c 'source: shared objects file' "$WORK/classes.txt" || true)
echo
echo "Classes loaded up to the first page of $PAGE: $TOTAL ($SHARED of them from the AOT cache / CDS archive)"
echo
echo "| classes | library (jar) or JDK module |"
echo "|---:|---|"
# a class's library: the jar its package came from the first time a class of that package was read from a file
awk '/ source: / {
		name = $2; pkg = name; sub(/\.[^.]*$/, "", pkg)
		src = ""; if (match($0, /source: .*/)) src = substr($0, RSTART + 8)
		if (src ~ /\.jar/) { gsub(/!.*/, "", src); gsub(/.*\//, "", src); sub(/\.jar$/, "", src); lib[pkg] = src; count[pkg]++ }
		else if (src ~ /^jrt:/) { sub(/^jrt:\//, "", src); sub(/\/.*/, "", src); lib[pkg] = "jdk " src; count[pkg]++ }
		else if (src ~ /shared objects file/) count[pkg]++
		else generated++
	}
	END {
		for (p in count) total[(p in lib) ? lib[p] : "the CDS archive or AOT cache (library not known)"] += count[p]
		total["generated at run time (lambdas, proxies)"] += generated
		for (l in total) printf "| %d | %s |\n", total[l], l
	}' "$WORK/classes.txt" | sort -t'|' -k2 -rn | head -"$TOP"
echo
echo "Native Memory Tracking (committed MB):"
grep -E '^-? *[A-Za-z ]+ \(reserved=[0-9]+MB, committed=[0-9]+MB' "$WORK/nmt.txt" |
	sed -E 's/^-? *([A-Za-z ]+[A-Za-z]) *\(reserved=([0-9]+)MB, committed=([0-9]+)MB.*/  \1: \3/' | head -30
echo "Platform threads: $(grep -c '^"' "$WORK/threads.txt" || true)"
echo "RSS after the first page (and 2 s): $RSS MB"
