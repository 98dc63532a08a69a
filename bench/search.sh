#!/usr/bin/env bash
# Veche benchmark: the search page and the front page. Seeds ARTICLES articles (Russian, Ukrainian and English
# text) and COMMENTS comments through the API, then runs wrk on: a common word, a rare word, a two-word query,
# the comments tab, and the front page (a guest's kept copy, and page 2). Loopback only, one node, SQLite unless
# JAVA_OPTS/ARGS point the jar at PostgreSQL. Prints a Markdown table: requests/s and latency (50th, 99th).
#
# Settings (environment): DURATION (20s), WARMUP (5s), CONNECTIONS (16), THREADS (2), ARTICLES (500),
# COMMENTS (5000), JAVA (a java binary; default: the newest JDK under /usr/lib/jvm), JAVA_OPTS, ARGS (more
# arguments for the jar, e.g. --spring.datasource.url=...), JAR (default target/veche.jar, built when missing).
# Quick smoke run: DURATION=3s WARMUP=1s ARTICLES=40 COMMENTS=200 bench/search.sh
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
ARTICLES=${ARTICLES:-500}
COMMENTS=${COMMENTS:-5000}
JAR=${JAR:-$ROOT/target/veche.jar}

# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"

java_and_jar wrk curl

with_work_dir search

PORT=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
BASE="http://127.0.0.1:$PORT"
ADMIN_EMAIL="bench-admin@example.org"
ADMIN_PASSWORD="bench-password-$$-$RANDOM$RANDOM"
log "starting Veche on $BASE, data in $WORK/data"
# shellcheck disable=SC2086
VECHE_ADMIN_EMAIL=$ADMIN_EMAIL VECHE_ADMIN_PASSWORD=$ADMIN_PASSWORD \
	"$JAVA" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
	--veche.data-dir="$WORK/data" --veche.demo-content=false --veche.rate-limit.enabled=false \
	--veche.moderation.hold-first-comment=false --veche.moderation.raid-size=0 --veche.moderation.surge.size=0 ${ARGS:-} >"$WORK/server.log" 2>&1 &
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

TEXTS=(
	"Городской совет перенёс голосование о новом мосте через реку; жители восточного берега просят опубликовать отчёт."
	"Міська рада перенесла голосування щодо нового мосту через річку; мешканці східного берега просять оприлюднити звіт."
	"The council moved the vote on the new river crossing; residents of the east bank ask for the report to be published."
	"Библиотека открывается по воскресеньям, а школа получает новый бюджет на ремонт спортзала."
	"Бібліотека відчиняється щонеділі, а школа отримує новий бюджет на ремонт спортивної зали."
	"The library opens on Sundays and the school gets a new budget for the gym."
)
log "seeding $ARTICLES articles"
: >"$WORK/articles.curl"
for ((i = 0; i < ARTICLES; i++)); do
	t=${TEXTS[i % ${#TEXTS[@]}]}
	[[ -s $WORK/articles.curl ]] && echo next >>"$WORK/articles.curl"
	printf 'url = "%s/api/v1/articles"\nrequest = "POST"\nheader = "Content-Type: application/json"\nheader = "Authorization: Bearer %s"\ndata = "{\\"title\\":\\"Story %d rareword%d\\",\\"lead\\":\\"%s\\",\\"body\\":\\"%s %s\\",\\"tags\\":[\\"tag%d\\"],\\"status\\":\\"published\\",\\"kind\\":\\"%s\\"}"\noutput = "%s/a%d.json"\n' \
		"$BASE" "$TOKEN" "$i" "$i" "$t" "$t" "${TEXTS[(i + 1) % ${#TEXTS[@]}]}" $((i % 15)) \
		"$([[ $((i % 10)) == 0 ]] && echo photo_story || echo article)" "$WORK" "$i" >>"$WORK/articles.curl"
done
curl -s --max-time 3600 -K "$WORK/articles.curl" || die "seeding articles failed"
mapfile -t SLUGS < <(sed -n 's/.*"slug":"\([^"]*\)".*/\1/p' "$WORK"/a*.json)
((${#SLUGS[@]} == ARTICLES)) || die "only ${#SLUGS[@]} of $ARTICLES articles were published"

log "seeding $COMMENTS comments"
: >"$WORK/comments.curl"
for ((i = 0; i < COMMENTS; i++)); do
	t=${TEXTS[(i * 7) % ${#TEXTS[@]}]}
	[[ -s $WORK/comments.curl ]] && echo next >>"$WORK/comments.curl"
	printf 'url = "%s/api/v1/articles/%s/comments"\nrequest = "POST"\nheader = "Content-Type: application/json"\nheader = "Authorization: Bearer %s"\ndata = "{\\"author\\":{\\"name\\":\\"Reader %d\\",\\"email\\":\\"r%d@example.org\\"},\\"body\\":\\"%s (%d)\\"}"\noutput = "/dev/null"\n' \
		"$BASE" "${SLUGS[(i * i) % ARTICLES]}" "$TOKEN" "$i" "$i" "$t" "$i" >>"$WORK/comments.curl"
done
curl -s --max-time 7200 -K "$WORK/comments.curl" || die "seeding comments failed"

run() { # run LABEL PATH: one wrk run after a warm-up, a Markdown row
	local label=$1 path=$2 out rps p50 p99
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE$path" >/dev/null
	out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$path")
	rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
	p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
	p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
	grep -q 'Non-2xx' <<<"$out" && label="$label (errors: $(awk '/Non-2xx/ {print $NF}' <<<"$out"))"
	printf '| %s | `%s` | %s | %s | %s |\n' "$label" "$path" "$rps" "$p50" "$p99"
}

log "measuring ($DURATION each, $CONNECTIONS connections)"
echo "| what | path | requests/s | p50 | p99 |"
echo "|---|---|---|---|---|"
run "search, a common English word" "/search?q=council"
run "search, a Russian word in another form" "/search?q=%D0%B3%D0%BE%D0%BB%D0%BE%D1%81%D0%BE%D0%B2%D0%B0%D0%BD%D0%B8%D0%B5"
run "search, a rare word" "/search?q=rareword42"
run "search, two words, page 3" "/search?q=library+budget&page=3"
run "search, comments" "/search?q=council+vote&in=comments"
run "front page (guests' kept copy)" "/"
run "front page, page 2" "/?page=2"
log "done"
