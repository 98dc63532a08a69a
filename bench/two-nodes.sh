#!/usr/bin/env bash
# Veche on one PostgreSQL database with 1 node and with 2 nodes behind nginx (round-robin, no sticky sessions,
# docs/nginx/veche.conf): the article page of a 2,000-comment thread, comment posts, and, with 2 nodes, how long
# a comment posted on node A takes to reach readers listening on node B (p50/p99). Loopback only.
#
# On one machine both nodes share its cores with PostgreSQL and nginx: the 2-node figures measure what a second
# node costs (sessions, NOTIFY, two JVMs), not how a site scales across machines.
#
# Settings (environment): PG_ADMIN_URL (a libpq URL of a server and role that may create databases, default
# postgresql://veche:veche@localhost:5432/postgres), ROUNDS (3: each round measures the page, posts to a new
# article and, with 2 nodes, the live events; the table gives every round and the medians), DURATION (20s), WARMUP
# (5s), CONNECTIONS (32), THREADS (2), LIVE_READERS (50), LIVE_POSTS (200), JAVA, JAVA_OPTS, JAR (default
# target/veche.jar, built when missing). The load average is printed at the start and the end: figures taken while
# something else runs on the machine are noise.
# Smoke test: ROUNDS=1 DURATION=2s WARMUP=1s COMMENTS=200 LIVE_POSTS=20 bash bench/two-nodes.sh
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
COMMENTS=${COMMENTS:-2000}
LIVE_READERS=${LIVE_READERS:-50}
LIVE_POSTS=${LIVE_POSTS:-200}
PG_ADMIN_URL=${PG_ADMIN_URL:-postgresql://veche:veche@localhost:5432/postgres}
JAR=${JAR:-$ROOT/target/veche.jar}

# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"

for tool in wrk curl psql; do
	command -v "$tool" >/dev/null 2>&1 || die "missing: $tool (apt-get install wrk curl postgresql-client)"
done
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)
[[ -x $NGINX ]] || die "missing: nginx (apt-get install nginx)"
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[[ -x $JAVA ]] || die "no JDK at $JAVA (set JAVA=/path/to/bin/java)"
if [[ ! -f $JAR ]]; then
	log "building $JAR"
	(cd "$ROOT" && mvn -q -B package -DskipTests) || die "build failed"
fi
psql "$PG_ADMIN_URL" -qtAc 'SELECT 1' >/dev/null || die "cannot reach PostgreSQL at $PG_ADMIN_URL"

WORK=$(mktemp -d /tmp/veche-two-nodes.XXXXXX)
PIDS=()
DATABASES=()
cleanup() {
	local rc=$? pid db
	trap - EXIT INT TERM
	for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
	for db in "${DATABASES[@]}"; do psql "$PG_ADMIN_URL" -qtAc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
	rm -rf "$WORK"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
	local i p
	for i in $(seq 1 100); do
		p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	return 1
}
json_field() { local re="\"$1\":\"?([^\",}]*)"; [[ $2 =~ $re ]] && printf '%s' "${BASH_REMATCH[1]}"; }
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u); if (u == "us") n /= 1000; else if (u == "s") n *= 1000; printf "%.2f", n }'; }

# jdbc:postgresql URL of the same server for a database, from the libpq URL
jdbc_url() { # jdbc_url DBNAME
	local re='^postgres(ql)?://([^:@/]+)(:([^@/]*))?@([^/?]+)/'
	[[ $PG_ADMIN_URL =~ $re ]] || die "PG_ADMIN_URL must look like postgresql://user:password@host:port/db"
	printf 'jdbc:postgresql://%s/%s?user=%s&password=%s' "${BASH_REMATCH[5]}" "$1" "${BASH_REMATCH[2]}" "${BASH_REMATCH[4]}"
}

ADMIN_EMAIL=bench-admin@example.org
ADMIN_PASSWORD="bench-password-$$-$RANDOM"

start_node() { # start_node NAME PORT JDBC_URL: sets the node's pid in PIDS
	local name=$1 port=$2 url=$3 i
	mkdir -p "$WORK/$name"
	# shellcheck disable=SC2086
	VECHE_ADMIN_EMAIL=$ADMIN_EMAIL VECHE_ADMIN_PASSWORD=$ADMIN_PASSWORD "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" \
		--server.port="$port" --server.address=127.0.0.1 --veche.data-dir="$WORK/$name" \
		--spring.datasource.url="$url" --veche.demo-content=false >"$WORK/$name.log" 2>&1 &
	PIDS+=($!)
	for i in $(seq 1 180); do
		kill -0 "${PIDS[-1]}" 2>/dev/null || { tail -30 "$WORK/$name.log" >&2; die "node $name stopped"; }
		curl -sf --max-time 2 "http://127.0.0.1:$port/actuator/health" | grep -q '"UP"' && return 0
		sleep 1
	done
	die "node $name did not come up in 180 s"
}

start_nginx() { # start_nginx FRONT_PORT NODE_PORT...
	local front=$1 servers="" p i
	shift
	for p in "$@"; do servers+="    server 127.0.0.1:$p max_fails=1 fail_timeout=5s;"$'\n'; done
	mkdir -p "$WORK/nginx-$front"
	# the documented site block, with this run's nodes and port
	local site
	site=$(awk -v servers="$servers" '
		/^upstream veche/ { print; printf "%s", servers; skip = 1; next }
		skip && /^    server / { next }
		{ skip = 0; print }' "$ROOT/docs/nginx/veche.conf" | sed "s/listen 80;/listen 127.0.0.1:$front;/")
	cat >"$WORK/nginx-$front/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $WORK/nginx-$front/nginx.pid;
error_log $WORK/nginx-$front/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx-$front/body;
  proxy_temp_path $WORK/nginx-$front/proxy;
  fastcgi_temp_path $WORK/nginx-$front/fastcgi;
  uwsgi_temp_path $WORK/nginx-$front/uwsgi;
  scgi_temp_path $WORK/nginx-$front/scgi;
$site
}
CONF
	"$NGINX" -p "$WORK/nginx-$front" -c "$WORK/nginx-$front/nginx.conf" -e "$WORK/nginx-$front/error.log" &
	PIDS+=($!)
	for i in $(seq 1 50); do
		kill -0 "${PIDS[-1]}" 2>/dev/null || break # it could not bind: the port is someone else's
		curl -sf --max-time 2 -o /dev/null "http://127.0.0.1:$front/actuator/health" && return 0
		sleep 0.2
	done
	log "nginx did not start on $front: $(tail -1 "$WORK/nginx-$front/error.log")"
	return 1
}

publish() { # SLUG and ARTICLE_ID of a new article, through BASE
	local response
	response=$(curl -s --max-time 30 -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
		-d "{\"title\":\"$1\",\"lead\":\"A thread for the benchmark.\",\"body\":\"The council met on Tuesday.\",\"tags\":[\"bench\"],\"status\":\"published\"}" \
		"$BASE/api/v1/articles")
	SLUG=$(json_field slug "$response") || die "no article: $response"
	ARTICLE_ID=$(json_field id "$response")
}

seed() { # COMMENTS comments on SLUG in one curl (keep-alive): a third top-level, the rest replies to earlier ones
	local i parent seed=20250101
	: >"$WORK/seed.curl"
	for ((i = 0; i < COMMENTS; i++)); do
		seed=$(((seed * 1103515245 + 12345) % 2147483648))
		parent=null
		# a fresh database numbers comments from 1, so comment i is id i+1
		if ((i > 0 && (seed / 65536) % 3 != 0)); then parent=$(((seed / 7) % i + 1)); fi
		[[ -s $WORK/seed.curl ]] && echo next >>"$WORK/seed.curl"
		printf 'url = "%s"\nrequest = "POST"\nheader = "Content-Type: application/json"\nheader = "Authorization: Bearer %s"\ndata = "{\\"parentId\\":%s,\\"author\\":{\\"name\\":\\"Reader %d\\",\\"email\\":\\"seed%d@example.org\\"},\\"body\\":\\"Comment %d of the benchmark thread, with a sentence or two to read.\\"}"\noutput = "/dev/null"\n' \
			"$BASE/api/v1/articles/$SLUG/comments" "$TOKEN" "$parent" "$i" "$i" "$i" >>"$WORK/seed.curl"
	done
	curl -s --max-time 1200 -K "$WORK/seed.curl" || die "seeding failed"
	local total
	total=$(json_field total "$(curl -s --max-time 60 "$BASE/api/v1/articles/$SLUG/comments")")
	[[ $total == "$COMMENTS" ]] || die "the thread has $total comments, expected $COMMENTS"
}

run_wrk() { # run_wrk NAME URL [SCRIPT RUN]: sets RPS P50 P99 ERRORS
	local name=$1 url=$2 out="$WORK/$1.txt"
	local -a warm=("$url") measured=("$url")
	if [[ -n ${3:-} ]]; then
		# post-comments.lua: another run number for the warm-up, so no address or e-mail repeats within the flood limit
		warm=(-s "$3" "$url" -- "$(($4 + 12))")
		measured=(-s "$3" "$url" -- "$4")
	fi
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s "${warm[@]}" >/dev/null
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "${measured[@]}" >"$out"
	RPS=$(awk '/^Requests\/sec:/ {print $2}' "$out")
	P50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
	P99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
	ERRORS=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$out")
	log "$name: $RPS req/s, p50 $P50 ms, p99 $P99 ms, errors $ERRORS"
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
ROWS=()
MEDIANS=()
LIVES=()
for nodes in 1 2; do
	db="veche_bench_$$_$nodes"
	psql "$PG_ADMIN_URL" -qtAc "CREATE DATABASE $db" >/dev/null
	DATABASES+=("$db")
	url=$(jdbc_url "$db")
	ports=()
	for ((n = 1; n <= nodes; n++)); do
		port=$(free_port)
		log "starting node $n of $nodes on $port"
		start_node "n$nodes-$n" "$port" "$url" # one after the other: the first migrates
		ports+=("$port")
	done
	# the port may be taken between the check and nginx's bind (other programs run too): another one then
	for attempt in 1 2 3 4; do
		front=$(free_port)
		start_nginx "$front" "${ports[@]}" && break
		((attempt < 4)) || die "nginx did not start"
	done
	BASE="http://127.0.0.1:$front"
	response=$(curl -s --max-time 30 -X POST -H 'Content-Type: application/json' \
		-d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/api/v1/auth/token")
	TOKEN=$(json_field token "$response") || die "no token: $response"
	publish "A thread of $COMMENTS comments"
	PAGE_SLUG=$SLUG
	log "$nodes node(s): seeding $COMMENTS comments through nginx"
	seed
	page_rps=() page_p50=() page_p99=() page_err=() post_rps=() post_p50=() post_p99=() post_other=()
	for ((round = 1; round <= ROUNDS; round++)); do
		run_wrk "page-$nodes-$round" "$BASE/articles/$PAGE_SLUG"
		page_rps+=("$RPS") page_p50+=("$P50") page_p99+=("$P99") page_err+=("$ERRORS")
		page="$RPS | $P50 | $P99 | $ERRORS"
		# each round posts to a new article, as a new set of readers (run numbers 1 to 12, warm-ups 13 to 24)
		publish "Posts, round $round"
		run_wrk "posts-$nodes-$round" "$BASE/api/v1/articles/$SLUG/comments" "$HERE/post-comments.lua" "$(((round - 1) * 2 + nodes))"
		read -r created accepted other < <(awk '/^POSTS sent=/ { for (i = 2; i <= 5; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } print v["created"] + 0, v["accepted"] + 0, v["other"] + 0 }' "$WORK/posts-$nodes-$round.txt")
		grep '^POSTS first-error' "$WORK/posts-$nodes-$round.txt" >&2 || true
		log "posts-$nodes-$round: $created created (201), $accepted held (202), $other other answers"
		post_rps+=("$RPS") post_p50+=("$P50") post_p99+=("$P99") post_other+=("$other")
		ROWS+=("| $nodes | $round | $page | $RPS | $P50 | $P99 | $created / $accepted / $other |")
		if ((nodes == 2)); then
			publish "Live across nodes, round $round"
			log "live: $LIVE_READERS readers on node B, $LIVE_POSTS comments posted on node A"
			"$JAVA" -Xmx512m "$HERE/LiveClient.java" 127.0.0.1 "${ports[1]}" "$ARTICLE_ID" "$SLUG" "$LIVE_READERS" \
				"$LIVE_POSTS" 100 2 "$TOKEN" "${ports[0]}" >"$WORK/live.log" 2>&1 || { cat "$WORK/live.log" >&2; die "the live client failed"; }
			live=$(grep '^SUMMARY' "$WORK/live.log") || die "no summary: $(tail -5 "$WORK/live.log")"
			log "cross-node live: $live"
			LIVES+=("round $round: ${live#SUMMARY }")
		fi
	done
	MEDIANS+=("| $nodes | median | $(median "${page_rps[@]}") | $(median "${page_p50[@]}") | $(median "${page_p99[@]}") | $(median "${page_err[@]}") | $(median "${post_rps[@]}") | $(median "${post_p50[@]}") | $(median "${post_p99[@]}") | other: $(median "${post_other[@]}") |")
	for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
	PIDS=()
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "## Veche on one PostgreSQL: 1 node and 2 nodes behind nginx"
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1), wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after $WARMUP), $ROUNDS rounds, through nginx round-robin; the same machine runs PostgreSQL, nginx and every node, so 2 nodes show the overhead of a second node, not scaling"
echo "Load average (1, 5, 15 min) at the start: $LOAD_START; at the end: $LOAD_END"
echo "Posts come from a new reader each, with one of five sentences: under the default moderation they are first comments and a raid, so most are held (202)."
echo
echo "| Nodes | Round | $COMMENTS-comment page req/s | p50 ms | p99 ms | errors | Comment posts/s (acknowledged and others) | p50 ms | p99 ms | 201 / 202 / other |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
printf '%s\n' "${MEDIANS[@]}"
echo
echo "Cross-node live events ($LIVE_READERS readers on node B, $LIVE_POSTS comments posted on node A, post to arrival):"
printf -- '- %s\n' "${LIVES[@]}"
