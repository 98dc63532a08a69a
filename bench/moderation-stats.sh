#!/usr/bin/env bash
# Veche benchmark: the moderators' statistics page (/moderation/stats) over COMMENTS comments spread across the
# last 90 days on ARTICLES threads, a tenth of them held and decided (reasons and log rows, waits up to 6 h).
# The server migrates the database and makes the administrator; then the rows are written straight into it
# with sqlite3 while it idles, so seeding takes seconds. The page's one-minute keeping is switched off
# (statistics.max-age=0s), so every request counts again: what is measured is the counting SQL and the SVG,
# not a cache. Prints the query plans of the counting
# queries and a Markdown table: requests/s and latency (50th, 99th) for 30 and 90 days, signed in as an
# administrator. Loopback only, one node, SQLite.
#
# Settings (environment): DURATION (20s), WARMUP (5s), CONNECTIONS (4), THREADS (2), ARTICLES (500),
# COMMENTS (500000), JAVA (a java binary; default: the newest JDK under /usr/lib/jvm), JAVA_OPTS,
# JAR (default target/veche.jar, built when missing).
# Quick smoke run: DURATION=3s WARMUP=1s COMMENTS=20000 bench/moderation-stats.sh
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-4}
THREADS=${THREADS:-2}
ARTICLES=${ARTICLES:-500}
COMMENTS=${COMMENTS:-500000}
JAR=${JAR:-$ROOT/target/veche.jar}

# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"

java_and_jar wrk curl sqlite3

with_work_dir moderation-stats
DATA=$WORK/data
DB=$DATA/veche.db

PORT=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
BASE="http://127.0.0.1:$PORT"
ADMIN_EMAIL="bench-admin@example.org"
ADMIN_PASSWORD="bench-password-$$-$RANDOM$RANDOM"
log "starting Veche on $BASE"
# shellcheck disable=SC2086
VECHE_ADMIN_EMAIL=$ADMIN_EMAIL VECHE_ADMIN_PASSWORD=$ADMIN_PASSWORD \
	"$JAVA" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
	--veche.data-dir="$DATA" --veche.demo-content=false --veche.rate-limit.enabled=false \
	--veche.moderation.statistics.max-age=0s >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 180); do
	kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$WORK/server.log" >&2; die "the server stopped"; }
	curl -sf --max-time 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"' && break
	sleep 1
done
curl -sf --max-time 2 "$BASE/actuator/health" | grep -q '"UP"' || die "the server did not come up"

NOW=$(($(date +%s) * 1000))
SPAN=$((90 * 86400000))
log "seeding $ARTICLES articles and $COMMENTS comments over 90 days"
sqlite3 "$DB" >/dev/null <<SQL
PRAGMA busy_timeout = 10000;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $ARTICLES)
INSERT INTO article (slug, kind, title, lead, body, body_html, author_id, author_name, status, published_at, created_at, updated_at)
  SELECT 'article-' || i, 'ARTICLE', 'Article ' || i, 'The lead of article ' || i, 'Text ' || i, '<p>Text ' || i || '</p>',
         (SELECT MIN(id) FROM account), 'Administrator', 'PUBLISHED', $NOW - $SPAN, $NOW - $SPAN, $NOW - $SPAN FROM n;
-- threads of uneven size (a few busy ones), statuses as a busy site has them
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $COMMENTS)
INSERT INTO comment (article_id, parent_id, depth, author_name, author_email, body, body_html, status, created_at, likes)
  SELECT 1 + (abs(random()) % $ARTICLES) * (abs(random()) % 4) / 3, NULL, 0, 'Reader ' || i, 'reader' || i || '@example.org',
         'Comment ' || i, '<p>Comment ' || i || '</p>',
         CASE abs(random()) % 20 WHEN 0 THEN 'PENDING' WHEN 1 THEN 'SPAM' WHEN 2 THEN 'SPAM' WHEN 3 THEN 'TRASH' ELSE 'APPROVED' END,
         $NOW - abs(random()) % $SPAN, 0 FROM n;
INSERT INTO comment_reason (comment_id, position, reason, created_at)
  SELECT id, 0, 'moderation.reason.firstComment', created_at FROM comment WHERE id % 10 = 0;
INSERT INTO moderation_action (moderator_id, moderator_name, action, comment_id, detail, created_at)
  SELECT NULL, 'Bench', 'approve', id, 'pending → approved', MIN(created_at + abs(random()) % 21600000, $NOW - 1)
  FROM comment WHERE id % 10 = 0 AND status <> 'PENDING';
ANALYZE;
SQL
log "site: $(sqlite3 "$DB" "SELECT COUNT(*) FROM comment") comments, $(sqlite3 "$DB" "SELECT COUNT(*) FROM moderation_action") decisions"
echo "Query plans (SQLite):"
echo '```'
sqlite3 "$DB" "EXPLAIN QUERY PLAN SELECT (created_at + 0) / 86400000, status, count(*) FROM comment WHERE created_at >= $((NOW - SPAN)) AND created_at < $NOW GROUP BY (created_at + 0) / 86400000, status"
sqlite3 "$DB" "EXPLAIN QUERY PLAN SELECT article_id, count(*) FROM comment WHERE created_at >= $((NOW - SPAN)) AND created_at < $NOW GROUP BY article_id ORDER BY 2 DESC LIMIT 10"
sqlite3 "$DB" "EXPLAIN QUERY PLAN SELECT a.created_at - (SELECT MAX(r.created_at) FROM comment_reason r WHERE r.comment_id = a.comment_id AND r.created_at <= a.created_at) FROM moderation_action a WHERE a.created_at >= $((NOW - SPAN)) AND a.created_at < $NOW AND a.action IN ('approve') AND a.detail LIKE 'pending %'"
echo '```'

log "signing in as the administrator"
JAR_FILE=$WORK/cookies.txt
login=$(curl -s -c "$JAR_FILE" -b "$JAR_FILE" "$BASE/login")
[[ $login =~ name=\"_csrf\"\ value=\"([^\"]+)\" ]] || die "no CSRF field on /login"
curl -s -o /dev/null -c "$JAR_FILE" -b "$JAR_FILE" --data-urlencode "username=$ADMIN_EMAIL" \
	--data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=${BASH_REMATCH[1]}" "$BASE/login"
SESSION=$(awk '$6 == "veche_session" {print $7}' "$JAR_FILE")
[[ -n $SESSION ]] || die "no session cookie after sign-in"
status=$(curl -s -o "$WORK/stats.html" -w '%{http_code}' -H "Cookie: veche_session=$SESSION" "$BASE/moderation/stats?days=90")
[[ $status == 200 ]] || die "/moderation/stats answered $status"
grep -q '<svg' "$WORK/stats.html" || die "/moderation/stats has no chart"

run() { # run LABEL PATH: one wrk run after a warm-up, a Markdown row
	local label=$1 path=$2 out rps p50 p99
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Cookie: veche_session=$SESSION" "$BASE$path" >/dev/null
	out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: veche_session=$SESSION" "$BASE$path")
	rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
	p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
	p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
	grep -q 'Non-2xx' <<<"$out" && label="$label (errors: $(awk '/Non-2xx/ {print $NF}' <<<"$out"))"
	printf '| %s | `%s` | %s | %s | %s |\n' "$label" "$path" "$rps" "$p50" "$p99"
}

log "measuring ($DURATION each, $CONNECTIONS connections)"
echo "| what | path | requests/s | p50 | p99 |"
echo "|---|---|---|---|---|"
run "statistics, 30 days, counted on every view" "/moderation/stats?days=30"
run "statistics, 90 days, counted on every view" "/moderation/stats?days=90"
log "done"
