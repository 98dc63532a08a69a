#!/usr/bin/env bash
# Veche benchmark: the cost of transparency (issue 16). Seeds DECISIONS held comments (first comments of new
# guests), then decides them through the moderation API one at a time and PARALLEL at a time, each decision
# sealed into the audit chain at its commit; downloads the audit export as the owner and checks it with
# `moderation verify-audit`; and runs wrk on the public monthly report, a guest's kept copy and a fresh render.
# Loopback only, one node, SQLite unless ARGS point the jar at PostgreSQL. Prints a Markdown table.
#
# Settings (environment): DECISIONS (2000), PARALLEL (8), DURATION (20s), WARMUP (5s), CONNECTIONS (16),
# THREADS (2), JAVA (a java binary; default: the newest JDK under /usr/lib/jvm), JAVA_OPTS, ARGS (more
# arguments for the jar, e.g. --spring.datasource.url=...), JAR (default target/veche.jar, built when missing).
# Quick smoke run: DURATION=2s WARMUP=1s DECISIONS=40 bench/transparency.sh
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
DECISIONS=${DECISIONS:-2000}
PARALLEL=${PARALLEL:-8}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
JAR=${JAR:-$ROOT/target/veche.jar}

# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"

java_and_jar wrk curl xargs

with_work_dir transparency

PORT=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
BASE="http://127.0.0.1:$PORT"
ADMIN_EMAIL="bench-admin@example.org"
ADMIN_PASSWORD="bench-password-$$-$RANDOM$RANDOM"
log "starting Veche on $BASE, data in $WORK/data"
# shellcheck disable=SC2086
VECHE_ADMIN_EMAIL=$ADMIN_EMAIL VECHE_ADMIN_PASSWORD=$ADMIN_PASSWORD \
	"$JAVA" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
	--veche.data-dir="$WORK/data" --veche.demo-content=false --veche.rate-limit.enabled=false \
	--veche.moderation.hold-first-comment=true --veche.discussion.flood-interval=0s \
	--veche.moderation.raid-size=0 ${ARGS:-} >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 180); do
	kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$WORK/server.log" >&2; die "the server stopped"; }
	curl -sf --max-time 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"' && break
	sleep 1
done
curl -sf --max-time 2 "$BASE/actuator/health" | grep -q '"UP"' || die "the server did not come up"

response=$(curl -s -X POST -H 'Content-Type: application/json' \
	-d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/api/v1/auth/token")
[[ $response =~ \"token\":\"([^\"]+)\" ]] || die "no token: $response"
TOKEN=${BASH_REMATCH[1]}
article=$(curl -sf -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
	-d '{"title":"Transparency bench","lead":"Lead","body":"Body","status":"published"}' "$BASE/api/v1/articles")
[[ $article =~ \"slug\":\"([^\"]+)\" ]] || die "no article: $article"
SLUG=${BASH_REMATCH[1]}

log "seeding $DECISIONS held comments"
: >"$WORK/comments.curl"
for ((i = 0; i < DECISIONS; i++)); do
	[[ -s $WORK/comments.curl ]] && echo next >>"$WORK/comments.curl"
	printf 'url = "%s/api/v1/articles/%s/comments"\nrequest = "POST"\nheader = "Content-Type: application/json"\ndata = "{\\"author\\":{\\"name\\":\\"Guest %d\\",\\"email\\":\\"g%d@example.org\\"},\\"body\\":\\"A first comment, held (%d).\\"}"\noutput = "%s/c%d.json"\n' \
		"$BASE" "$SLUG" "$i" "$i" "$i" "$WORK" "$i" >>"$WORK/comments.curl"
done
curl -s --max-time 7200 -K "$WORK/comments.curl" || die "seeding comments failed"
mapfile -t IDS < <(sed -n 's/.*"id":\([0-9]*\).*/\1/p' "$WORK"/c*.json)
((${#IDS[@]} == DECISIONS)) || die "only ${#IDS[@]} of $DECISIONS comments were held"
HALF=$((DECISIONS / 2))

decide() { # decide ID: one decision through the API
	curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
		-d '{"decision":"approve"}' "$BASE/api/v1/moderation/comments/$1/decision"
}
export -f decide
export BASE TOKEN

echo "| what | figure |"
echo "|---|---|"
start=$(date +%s.%N)
for id in "${IDS[@]:0:HALF}"; do decide "$id"; done
end=$(date +%s.%N)
awk -v n="$HALF" -v s="$start" -v e="$end" 'BEGIN { printf "| decisions through the API, one at a time (each sealed into the chain) | %.0f/s |\n", n / (e - s) }'
start=$(date +%s.%N)
printf '%s\n' "${IDS[@]:HALF}" | xargs -P "$PARALLEL" -I{} bash -c 'decide {}'
end=$(date +%s.%N)
awk -v n="$((DECISIONS - HALF))" -v p="$PARALLEL" -v s="$start" -v e="$end" 'BEGIN { printf "| decisions, %d at a time | %.0f/s |\n", p, n / (e - s) }'

# the owner's export needs a signed-in session (the audit pages are not in the API)
jar="$WORK/cookies"
csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$ADMIN_EMAIL" --data-urlencode "password=$ADMIN_PASSWORD" \
	--data-urlencode "_csrf=$csrf" "$BASE/login"
start=$(date +%s.%N)
curl -sf -b "$jar" -o "$WORK/audit.jsonl" "$BASE/admin/moderation/audit.jsonl" || die "no export"
end=$(date +%s.%N)
lines=$(wc -l <"$WORK/audit.jsonl")
((lines >= DECISIONS)) || die "the export has $lines lines, fewer than $DECISIONS decisions"
awk -v n="$lines" -v s="$start" -v e="$end" 'BEGIN { printf "| audit export (%d lines) | %.2f s |\n", n, e - s }'
start=$(date +%s.%N)
# shellcheck disable=SC2086
"$JAVA" ${JAVA_OPTS:-} -jar "$JAR" moderation verify-audit "$WORK/audit.jsonl" >"$WORK/verify.txt" || die "verify-audit: $(cat "$WORK/verify.txt")"
end=$(date +%s.%N)
awk -v n="$lines" -v s="$start" -v e="$end" 'BEGIN { printf "| verify-audit (%d lines, with the JVM start) | %.2f s |\n", n, e - s }'
log "$(cat "$WORK/verify.txt")"

run() { # run LABEL PATH [HEADER]: one wrk run after a warm-up, a Markdown row
	local label=$1 path=$2 out rps p50
	local header=(${3:+-H "$3"})
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${header[@]}" "$BASE$path" >/dev/null
	out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" "$BASE$path")
	rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
	p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
	grep -q 'Non-2xx' <<<"$out" && label="$label (errors: $(awk '/Non-2xx/ {print $NF}' <<<"$out"))"
	printf '| %s `%s` | %s requests/s, p50 %s |\n' "$label" "$path" "$rps" "$p50"
}
MONTH=$(date -u +%Y-%m)
run "monthly report, a guest's kept copy" "/moderation/report/$MONTH"
# a (forged, ignored) own-view cookie takes the request past the guests' page cache: a render every time
run "monthly report, rendered every time" "/moderation/report/$MONTH" "Cookie: veche_held=1.1.x"
log "done"
