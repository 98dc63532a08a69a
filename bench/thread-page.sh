#!/usr/bin/env bash
# Veche benchmark: article pages with 10, 200 and 2,000 threaded comments, the same bytes served by nginx as
# static files, the rate of comment posts, and the spike: WRITERS posting comments for SPIKE_DURATION while
# READERS read the article they post to (read rate during the posts against the same page read quietly, every
# acknowledged comment looked up afterwards). Loopback only. Prints Markdown tables at the end.
# See docs/BENCHMARKS.md for what the figures mean.
#
# Settings (environment): ROUNDS (3), DURATION (20s), WARMUP (5s), CONNECTIONS (32), THREADS (2),
# SIZES ("10 200 2000"), SPIKE_DURATION (60s), WRITERS (16), READERS (16), POST_ROUNDS (ROUNDS; 0 skips the
# plain post runs), SPIKE_ROUNDS (ROUNDS; 0 skips the spike), NGINX_WORKERS (auto), NGINX_NOPUSH (on: nginx's tcp_nopush, which
# sends a response's headers in the same packet as its body; off: headers first, as Tomcat must), JAVA (a java binary), JAVA_OPTS, JAR (default target/veche.jar, built
# when missing), KEEP (a folder to copy the raw outputs and pages into), KEEP_DATA (non-empty: also copy the
# seeded data), SPIKE_JFR (a file name: a JFR CPU profile of each spike round, FILE-rN.jfr; for diagnosis only).
# The spike alone, quickly: SIZES="10 2000" ROUNDS=1 POST_ROUNDS=0 DURATION=5s SPIKE_DURATION=10s bench/thread-page.sh
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
NGINX_WORKERS=${NGINX_WORKERS:-auto}
NGINX_NOPUSH=${NGINX_NOPUSH:-on}
read -r -a SIZES <<<"${SIZES:-10 200 2000}"
SPIKE_DURATION=${SPIKE_DURATION:-60s}
WRITERS=${WRITERS:-16}
READERS=${READERS:-16}
POST_ROUNDS=${POST_ROUNDS:-$ROUNDS}
SPIKE_ROUNDS=${SPIKE_ROUNDS:-$ROUNDS}
JAR=${JAR:-$ROOT/target/veche.jar}

# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"

# ---------------------------------------------------------------- tools
missing=()
for tool in wrk nginx curl; do
	command -v "$tool" >/dev/null 2>&1 || [[ -x /usr/sbin/$tool ]] || missing+=("$tool")
done
if ((${#missing[@]})); then
	die "missing: ${missing[*]}. Install them with: apt-get install wrk nginx-light curl"
fi
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)

java_major() { "$1" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p'; }
if [[ -z ${JAVA:-} ]]; then
	if [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
		JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
	else
		best=0
		for candidate in /usr/lib/jvm/*/bin/java; do
			[[ -x $candidate ]] || continue
			major=$(java_major "$candidate")
			if [[ -n $major ]] && ((major > best)); then
				best=$major
				JAVA=$candidate
			fi
		done
	fi
fi
[[ -n ${JAVA:-} && -x $JAVA ]] || die "no JDK found under /usr/lib/jvm (set JAVA=/path/to/bin/java)"
(($(java_major "$JAVA") >= 21)) || die "$JAVA is older than Java 21"

if [[ ! -f $JAR ]]; then
	command -v mvn >/dev/null 2>&1 || die "$JAR is missing and mvn is not installed"
	log "building $JAR"
	(cd "$ROOT" && mvn -q -B package -DskipTests) || die "build failed"
fi

# ---------------------------------------------------------------- temp dir, clean-up
WORK=$(mktemp -d /tmp/veche-bench.XXXXXX)
SERVER_PID=""
NGINX_PID=""
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	stop_pid "$NGINX_PID"
	stop_pid "$SERVER_PID"
	if [[ -n ${KEEP:-} ]]; then
		mkdir -p "$KEEP"
		cp -r "$WORK/raw" "$KEEP/" 2>/dev/null || true
		cp "$WORK/server.log" "$KEEP/" 2>/dev/null || true
		cp -r "$WORK/static" "$KEEP/" 2>/dev/null || true
		[[ -z ${KEEP_DATA:-} ]] || cp -r "$WORK/data" "$KEEP/" 2>/dev/null || true
	fi
	rm -rf "$WORK"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$WORK/raw" "$WORK/static" "$WORK/nginx"

free_port() {
	local i p
	for i in $(seq 1 100); do
		# below the ephemeral range (32768-60999), where wrk's and curl's own client sockets would collide
		p=$((20000 + RANDOM % 12000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	return 1
}

load1() { sed 's/.*load average: //; s/,.*//' <<<"$(uptime)"; }
# The server's CPU time so far (user + system), in clock ticks: a post's CPU cost is the difference over a
# posts-only run divided by the posts sent (indicative on a machine that runs nothing else).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
CLK_TCK=$(getconf CLK_TCK)

# ---------------------------------------------------------------- deterministic content
# A small LCG instead of $RANDOM, so that every run seeds the same threads whatever else uses $RANDOM.
SEED=20250101
R=0
rand() { # R = 0 .. $1-1
	SEED=$(((SEED * 1103515245 + 12345) % 2147483648))
	R=$(((SEED / 65536) % $1))
}

NAMES=("Ada Byron" "Grace H." "Olga" "Taras Shevchenko" "Мария" "Jean-Luc" "Priya N." "Kofi" "Łukasz"
	"Sofía" "Bram" "Yuki" "Amara O." "Dmytro" "Ingrid" "Mateus" "Chloé" "Nikolai" "Fatima" "Ewan")
SENTENCES=(
	"I read this twice and I still *disagree* with the second half."
	"The figures in the third paragraph match what [the council published](https://example.org/council/minutes/2024)."
	"Thanks for writing this up, it is the clearest account I have seen so far."
	"Does anyone know whether the **new rules** apply to tenants as well as owners?"
	"My street had exactly the same problem last winter and nobody came for three weeks."
	"The map in the report is here: https://example.org/reports/flood-map.pdf and it is worth a look."
	"That is not what the minister said at the press conference, see [the transcript](https://example.org/transcripts/0412)."
	"Honestly, the comments here are more informative than the article."
	"Could the author say where the \`2019\` baseline comes from?"
	"We tried a community fund in our village and it **worked**, but only because the school got involved."
	"This deserves a follow-up once the budget is actually voted."
	"I used to work in that department; the delays are mostly about procurement, not money."
	"Agreed."
	"Not sure that is fair to the volunteers, who did most of the work for free."
	"The bus route change alone adds twenty minutes to my commute each way."
	"Is there an English version of the original study? The summary at https://example.org/study only covers the results."
	"People forget that the same plan was rejected in 2011 for very similar reasons."
	"Good question, I would like to know that too."
	"Quote from the report: *the committee found no evidence of wrongdoing*, which is not the same as none."
	"Five years on, nothing has changed on our side of the river."
	"Correction: it was the regional court, not the supreme court."
	"Could we get the full list of the companies involved? A table would help."
)
comment_body() { # BODY = 1 to 4 sentences, sometimes in two paragraphs, JSON-escaped
	local count i text=""
	rand 4
	count=$((R + 1))
	for ((i = 0; i < count; i++)); do
		rand ${#SENTENCES[@]}
		if ((i > 0)); then
			rand 5
			if ((R == 0)); then text+='\n\n'; else text+=' '; fi
			rand ${#SENTENCES[@]}
		fi
		text+=${SENTENCES[R]}
	done
	BODY=${text//\"/\\\"}
}

# ---------------------------------------------------------------- server
PORT=$(free_port) || die "no free port"
NGINX_PORT=$(free_port) || die "no free port"
BASE="http://127.0.0.1:$PORT"
ADMIN_EMAIL="bench-admin@example.org"
ADMIN_PASSWORD="bench-password-$$-$RANDOM$RANDOM"
log "JDK: $JAVA ($("$JAVA" -version 2>&1 | head -1))"
log "starting Veche on $BASE, data in $WORK/data"
# shellcheck disable=SC2086
VECHE_ADMIN_EMAIL=$ADMIN_EMAIL VECHE_ADMIN_PASSWORD=$ADMIN_PASSWORD \
	"$JAVA" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
	--veche.data-dir="$WORK/data" --veche.demo-content=false \
	--veche.moderation.hold-first-comment=false --veche.moderation.raid-size=0 --veche.moderation.surge.size=0 >"$WORK/server.log" 2>&1 &
# Every bench post comes from a new reader with one of a few sentences: held as a first comment or as a raid,
# it could not be looked up afterwards through the public API, and it would measure the moderation queue.
SERVER_PID=$!
up=""
for i in $(seq 1 180); do
	kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$WORK/server.log" >&2; die "the server stopped"; }
	if curl -sf --max-time 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; then
		up=yes
		break
	fi
	sleep 1
done
[[ -n $up ]] || { tail -30 "$WORK/server.log" >&2; die "the server did not come up in 180 s"; }
log "server up after ~${i} s"

json_field() { # json_field NAME JSON: the first string or number value of "NAME"
	local re="\"$1\":\"?([^\",}]*)"
	[[ $2 =~ $re ]] && printf '%s' "${BASH_REMATCH[1]}"
}

response=$(curl -s --max-time 30 -X POST -H 'Content-Type: application/json' \
	-d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/api/v1/auth/token")
TOKEN=$(json_field token "$response") || die "no token: $response"

publish() { # SLUG of a new published article titled $1
	local title=$1 body response
	body='An article for the benchmark. The council met on Tuesday to discuss the *river crossing*, the school '
	body+='budget and the bus routes that changed in spring.\n\nMost of the evening went to the crossing. '
	body+='Residents of the east bank asked for [the full report](https://example.org/report) to be published '
	body+='before the vote, and the council agreed.\n\n## What happens next\n\nThe vote is planned for next '
	body+='month. Until then the consultation stays open, and the minutes of every session are online.'
	response=$(curl -s --max-time 30 -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
		-d "{\"title\":\"$title\",\"lead\":\"What readers said about the river crossing.\",\"body\":\"$body\",\"tags\":[\"bench\"],\"status\":\"published\",\"kind\":\"article\"}" \
		"$BASE/api/v1/articles")
	SLUG=$(json_field slug "$response") || die "article not published: $response"
}

# Seeds N approved comments: about a third top-level, the rest replies to earlier comments (half of them to
# any earlier comment, half to one of the last 20, so that threads get deep), and some likes.
seed() {
	local slug=$1 n=$2 i parent name url response code id likes j
	local -a ids=()
	: >"$WORK/likes.curl"
	for ((i = 0; i < n; i++)); do
		parent=null
		rand 3
		if ((i > 0 && R != 0)); then
			rand 2
			if ((R == 0)); then rand ${#ids[@]}; else
				local recent=$((${#ids[@]} < 20 ? ${#ids[@]} : 20))
				rand $recent
				R=$((${#ids[@]} - recent + R))
			fi
			parent=${ids[R]}
		fi
		rand ${#NAMES[@]}
		name=${NAMES[R]}
		rand 4
		if ((R == 0)); then url="\"https://example.org/~reader$i\""; else url=null; fi
		comment_body
		response=$(curl -s --max-time 30 -w '\n%{http_code}' -X POST -H 'Content-Type: application/json' \
			-H "Authorization: Bearer $TOKEN" \
			-d "{\"parentId\":$parent,\"author\":{\"name\":\"$name\",\"email\":\"reader-$n-$i@example.org\",\"url\":$url},\"body\":\"$BODY\"}" \
			"$BASE/api/v1/articles/$slug/comments")
		code=${response##*$'\n'}
		[[ $code == 201 ]] || die "seeding comment $i of $slug: HTTP $code ${response%$'\n'*}"
		id=$(json_field id "$response")
		ids+=("$id")
		rand 5
		if ((R == 0)); then
			rand 4
			likes=$((R + 1))
			for ((j = 0; j < likes; j++)); do
				[[ -s $WORK/likes.curl ]] && echo next >>"$WORK/likes.curl"
				printf 'url = "%s"\nrequest = "POST"\nheader = "X-Forwarded-For: 198.18.%d.%d"\noutput = "/dev/null"\n' \
					"$BASE/api/v1/comments/$id/like" $((i % 250)) $((j + 1)) >>"$WORK/likes.curl"
			done
		fi
	done
	if [[ -s $WORK/likes.curl ]]; then
		curl -s --max-time 600 -K "$WORK/likes.curl" || die "likes failed"
	fi
}

declare -A SLUG_OF SIZE_OF SHOWN_OF HEADER_OF
for n in "${SIZES[@]}"; do
	publish "A thread of $n comments"
	SLUG_OF[$n]=$SLUG
	log "seeding $n comments on /articles/$SLUG"
	started=$SECONDS
	seed "$SLUG" "$n"
	total=$(json_field total "$(curl -s --max-time 60 "$BASE/api/v1/articles/$SLUG/comments")")
	[[ $total == "$n" ]] || die "/articles/$SLUG has $total comments, expected $n"
	log "seeded $n comments in $((SECONDS - started)) s"
done

# ---------------------------------------------------------------- the same bytes through nginx
for n in "${SIZES[@]}"; do
	url="$BASE/articles/${SLUG_OF[$n]}"
	curl -s --max-time 60 -o "$WORK/static/t$n.html" -D "$WORK/raw/headers-veche-t$n.txt" "$url"
	curl -s --max-time 60 -o "$WORK/again.html" "$url"
	cmp -s "$WORK/static/t$n.html" "$WORK/again.html" || log "note: the $n-comment page differs between two requests"
	SIZE_OF[$n]=$(stat -c %s "$WORK/static/t$n.html")
	SHOWN_OF[$n]=$(grep -o 'class="comment level-' "$WORK/static/t$n.html" | wc -l)
	HEADER_OF[$n]=$(stat -c %s "$WORK/raw/headers-veche-t$n.txt")
	grep -qi '^content-encoding' "$WORK/raw/headers-veche-t$n.txt" && die "Veche compressed a response without Accept-Encoding"
done

user_line=""
if ((EUID == 0)); then user_line="user $(id -un) $(id -gn);"; fi
cat >"$WORK/nginx/nginx.conf" <<CONF
# Generated by bench/thread-page.sh: static copies of Veche's pages, uncompressed like Veche's answers to wrk.
$user_line
worker_processes $NGINX_WORKERS;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
	types { text/html html; }
	default_type application/octet-stream;
	charset utf-8;
	access_log off;
	sendfile on;
	tcp_nopush $NGINX_NOPUSH;
	gzip off;
	keepalive_requests 1000000;
	client_body_temp_path $WORK/nginx/client_body;
	proxy_temp_path $WORK/nginx/proxy;
	fastcgi_temp_path $WORK/nginx/fastcgi;
	uwsgi_temp_path $WORK/nginx/uwsgi;
	scgi_temp_path $WORK/nginx/scgi;
	server {
		listen 127.0.0.1:$NGINX_PORT;
		root $WORK/static;
	}
}
CONF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" &
NGINX_PID=$!
NGINX_BASE="http://127.0.0.1:$NGINX_PORT"
for i in $(seq 1 50); do
	curl -sf --max-time 2 -o /dev/null "$NGINX_BASE/t10.html" && break
	kill -0 "$NGINX_PID" 2>/dev/null || { cat "$WORK/nginx/error.log" >&2; die "nginx stopped"; }
	sleep 0.2
done
for n in "${SIZES[@]}"; do
	curl -s --max-time 60 -o "$WORK/again.html" -D "$WORK/raw/headers-nginx-t$n.txt" "$NGINX_BASE/t$n.html"
	cmp -s "$WORK/static/t$n.html" "$WORK/again.html" || die "nginx does not serve the same bytes for t$n.html"
done
log "nginx ($NGINX_WORKERS workers) on $NGINX_BASE"

# ---------------------------------------------------------------- wrk
to_ms() { # 1.23ms / 456.00us / 1.20s -> milliseconds
	awk -v v="$1" 'BEGIN {
		n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
		if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
		printf "%.2f", n }'
}
# run_wrk NAME URL [wrk options...]: the measured run after a warm-up; sets RPS P50 P99 ERRORS LOAD
run_wrk() {
	local name=$1 url=$2 out before after
	shift 2
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s "$@" "$url" >"$WORK/raw/$name.warmup.txt"
	before=$(load1)
	out="$WORK/raw/$name.txt"
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$@" "$url" >"$out"
	after=$(load1)
	RPS=$(awk '/^Requests\/sec:/ {print $2}' "$out")
	P50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
	P99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
	ERRORS=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$out")
	TIMEOUTS=$(awk '/Socket errors:/ {gsub(/,/, ""); n += $10} END {print n + 0}' "$out")
	LOAD="$before→$after"
	echo "$name rps=$RPS p50=$P50 p99=$P99 errors=$ERRORS load=$LOAD" >>"$WORK/raw/summary.txt"
	log "$name: $RPS req/s, p50 $P50 ms, p99 $P99 ms, errors $ERRORS, load $LOAD"
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A V_RPS V_P50 V_P99 V_ERR V_TO N_RPS N_P50 N_P99 N_ERR
LOADS=()
log "load before the page runs: $(uptime)"
for ((round = 1; round <= ROUNDS; round++)); do
	for n in "${SIZES[@]}"; do
		run_wrk "veche-t$n-r$round" "$BASE/articles/${SLUG_OF[$n]}"
		V_RPS[$n]+="$RPS "; V_P50[$n]+="$P50 "; V_P99[$n]+="$P99 "; V_ERR[$n]=$((${V_ERR[$n]:-0} + ERRORS)); V_TO[$n]=$((${V_TO[$n]:-0} + TIMEOUTS))
		LOADS+=("veche $n r$round $LOAD")
		run_wrk "nginx-t$n-r$round" "$NGINX_BASE/t$n.html"
		N_RPS[$n]+="$RPS "; N_P50[$n]+="$P50 "; N_P99[$n]+="$P99 "; N_ERR[$n]=$((${N_ERR[$n]:-0} + ERRORS))
		LOADS+=("nginx $n r$round $LOAD")
	done
done

# ---------------------------------------------------------------- comment posts
P_RATE=() P_P50=() P_P99=() P_LINES=()
POSTS_OK=yes
publish "Warm-up posts"
warm_slug=$SLUG
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s -s "$HERE/post-comments.lua" \
	"$BASE/api/v1/articles/$warm_slug/comments" -- 0 >"$WORK/raw/posts-warmup.txt"
for ((round = 1; round <= POST_ROUNDS; round++)); do
	publish "Posts, round $round"
	url="$BASE/api/v1/articles/$SLUG/comments"
	before=$(load1)
	out="$WORK/raw/posts-r$round.txt"
	ticks_before=$(cpu_ticks)
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$HERE/post-comments.lua" "$url" -- "$round" >"$out"
	after=$(load1)
	# Requests still in flight when wrk stopped are finished by the server: wait until the count settles.
	kept=-1
	for i in $(seq 1 20); do
		sleep 1
		now=$(json_field total "$(curl -s --max-time 60 "$url")")
		[[ $now == "$kept" ]] && break
		kept=$now
	done
	read -r sent created accepted other < <(sed -n 's/^POSTS sent=\([0-9]*\) created=\([0-9]*\) accepted=\([0-9]*\) other=\([0-9]*\)$/\1 \2 \3 \4/p' "$out")
	socket=$(awk '/Socket errors:/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$out")
	rate=$(awk -v c="$created" -v d="$(awk '/requests in/ {print $4}' "$out")" 'BEGIN { sub(/s,?$/, "", d); printf "%.1f", c / d }')
	# the settling loop's few list requests are counted too: negligible beside thousands of posts
	cpu_ms=$(awk -v t="$(($(cpu_ticks) - ticks_before))" -v hz="$CLK_TCK" -v n="$sent" 'BEGIN { printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0) }')
	P_RATE+=("$rate")
	P_P50+=("$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")")
	P_P99+=("$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")")
	errors=$((accepted + other + socket))
	((errors == 0 && kept == sent && created <= kept)) || POSTS_OK=no
	# kept can exceed the 201s counted by wrk by the posts whose answers were still in flight when it
	# stopped; every request wrk sent must have been kept
	P_LINES+=("| $round | $rate | ${P_P50[-1]} | ${P_P99[-1]} | $sent | $created | $((accepted + other)) | $socket | $kept | $kept/$sent | $before→$after |")
	echo "posts-r$round sent=$sent created=$created accepted=$accepted other=$other socket=$socket kept=$kept rate=$rate cpu_ms_per_post=$cpu_ms" >>"$WORK/raw/summary.txt"
	log "posts round $round: $rate/s, sent $sent, 201 $created, 202 $accepted, other $other, socket errors $socket, kept $kept, server CPU $cpu_ms ms a post, load $before→$after"
	grep '^POSTS first-error' "$out" >&2 || true
done

# ---------------------------------------------------------------- the spike: posts and reads at once
# (run numbers 10+ so that no address repeats one of the plain post runs' within the flood limit's 10 s)
# Each round: a fresh article with 10 comments; READERS read it quietly for DURATION; then WRITERS post to it
# for SPIKE_DURATION while READERS go on reading it; then every acknowledged comment is looked up, and READERS
# read the page quietly once more: within a second of the spike its first page holds as many comments as a page
# shows (a 20 kB page becomes a 600 kB one), so the readers during the spike got the bytes of the page after it,
# and their rate is set against that page's quiet rate too ("same bytes"), as well as the small page's.
S_POSTS=() S_READ_RATIO=() S_SAME_RATIO=() S_LINES=()
SPIKE_OK=yes
settle() { # waits until the article's approved count stops moving; sets KEPT
	local url=$1 now i
	KEPT=-1
	for i in $(seq 1 30); do
		sleep 1
		now=$(json_field total "$(curl -s --max-time 60 "$url")")
		[[ $now == "$KEPT" ]] && break
		KEPT=$now
	done
}
for ((round = 1; round <= SPIKE_ROUNDS; round++)); do
	publish "Spike, round $round"
	spike_slug=$SLUG
	seed "$spike_slug" 10
	page_url="$BASE/articles/$spike_slug"
	api_url="$BASE/api/v1/articles/$spike_slug/comments"
	bytes_before=$(curl -s --max-time 60 "$page_url" | wc -c)
	wrk -t1 -c"$READERS" -d"$WARMUP" --timeout 10s "$page_url" >"$WORK/raw/spike-r$round-warmup.txt"
	ticks_quiet=$(cpu_ticks)
	quiet_started=$(date +%s%N)
	wrk -t1 -c"$READERS" -d"$DURATION" --timeout 10s --latency "$page_url" >"$WORK/raw/spike-r$round-quiet.txt"
	quiet_cores=$(awk -v t="$(($(cpu_ticks) - ticks_quiet))" -v hz="$CLK_TCK" -v ns="$(($(date +%s%N) - quiet_started))" 'BEGIN { printf "%.2f", t / hz / (ns / 1e9) }')
	quiet=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/raw/spike-r$round-quiet.txt")
	rm -f "$WORK"/raw/spike-r$round-ids-*.txt
	before=$(load1)
	if [[ -n ${SPIKE_JFR:-} ]]; then
		# a CPU profile of the spike alone (start the JVM with -XX:FlightRecorderOptions:stackdepth=256 for whole stacks)
		"$(dirname "$JAVA")/jcmd" "$SERVER_PID" JFR.start name=spike settings=profile >/dev/null
	fi
	ticks_spike=$(cpu_ticks)
	spike_started=$(date +%s%N)
	wrk -t"$THREADS" -c"$WRITERS" -d"$SPIKE_DURATION" --timeout 10s --latency -s "$HERE/post-comments.lua" "$api_url" \
		-- $((10 + round)) "$WORK/raw/spike-r$round-ids" >"$WORK/raw/spike-r$round-posts.txt" &
	writers_pid=$!
	wrk -t1 -c"$READERS" -d"$SPIKE_DURATION" --timeout 10s --latency "$page_url" >"$WORK/raw/spike-r$round-reads.txt"
	wait "$writers_pid"
	if [[ -n ${SPIKE_JFR:-} ]]; then
		"$(dirname "$JAVA")/jcmd" "$SERVER_PID" JFR.stop name=spike filename="${SPIKE_JFR%.jfr}-r$round.jfr" >/dev/null
	fi
	# the server's CPU during the spike (posts and reads together), in cores, and per post acknowledged
	spike_ticks=$(($(cpu_ticks) - ticks_spike))
	spike_cores=$(awk -v t="$spike_ticks" -v hz="$CLK_TCK" -v ns="$(($(date +%s%N) - spike_started))" 'BEGIN { printf "%.2f", t / hz / (ns / 1e9) }')
	after=$(load1)
	settle "$api_url"
	out="$WORK/raw/spike-r$round-posts.txt"
	read -r sent created accepted other < <(sed -n 's/^POSTS sent=\([0-9]*\) created=\([0-9]*\) accepted=\([0-9]*\) other=\([0-9]*\)$/\1 \2 \3 \4/p' "$out")
	socket=$(awk '/Socket errors:/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$out")
	# wrk says "1.00m" for a minute and "15.01s" for seconds
	seconds=$(awk '/requests in/ {d = $4; sub(/,$/, "", d); if (d ~ /ms$/) { sub(/ms$/, "", d); d /= 1000 } else if (d ~ /m$/) { sub(/m$/, "", d); d *= 60 } else { sub(/s$/, "", d) } print d}' "$out")
	rate=$(awk -v c="$((created + accepted))" -v d="$seconds" 'BEGIN { printf "%.1f", c / d }')
	reads=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/raw/spike-r$round-reads.txt")
	read_p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$WORK/raw/spike-r$round-reads.txt")")
	ratio=$(awk -v a="$reads" -v b="$quiet" 'BEGIN { printf "%.2f", a / b }')
	# every acknowledged id (201: approved, so on the public list) must be there
	curl -s --max-time 120 "$api_url" | grep -o '"id":[0-9]*' | sed 's/"id"://' | sort -u >"$WORK/raw/spike-r$round-stored.txt"
	cat "$WORK"/raw/spike-r$round-ids-*.txt 2>/dev/null | awk '$2 == 201 {print $1}' | sort -u >"$WORK/raw/spike-r$round-acked.txt"
	acked=$(wc -l <"$WORK/raw/spike-r$round-acked.txt")
	missing=$(comm -23 "$WORK/raw/spike-r$round-acked.txt" "$WORK/raw/spike-r$round-stored.txt" | wc -l)
	# the page as the readers got it during the spike, read quietly
	bytes_after=$(curl -s --max-time 60 "$page_url" | wc -c)
	wrk -t1 -c"$READERS" -d"$DURATION" --timeout 10s --latency "$page_url" >"$WORK/raw/spike-r$round-after.txt"
	quiet_after=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/raw/spike-r$round-after.txt")
	same=$(awk -v a="$reads" -v b="$quiet_after" 'BEGIN { printf "%.2f", a / b }')
	((missing == 0 && other == 0 && socket == 0 && accepted == 0)) || SPIKE_OK=no
	S_POSTS+=("$rate")
	S_READ_RATIO+=("$ratio")
	S_SAME_RATIO+=("$same")
	S_LINES+=("| $round | $rate | $(to_ms "$(awk '$1 == "99%" {print $2}' "$out")") | $sent | $created | $accepted | $other | $socket | $acked | $missing | $quiet | $reads | $read_p99 | $ratio | $bytes_before→$bytes_after | $quiet_after | $same | $before→$after |")
	cpu_ms=$(awk -v t="$spike_ticks" -v hz="$CLK_TCK" -v n="$((created + accepted))" 'BEGIN { printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0) }')
	echo "spike-r$round posts=$rate sent=$sent created=$created accepted=$accepted other=$other socket=$socket acked=$acked missing=$missing quiet=$quiet reads=$reads ratio=$ratio quiet_after=$quiet_after same_bytes_ratio=$same page_bytes=$bytes_before/$bytes_after server_cores_quiet=$quiet_cores server_cores_spike=$spike_cores cpu_ms_per_post_with_reads=$cpu_ms" >>"$WORK/raw/summary.txt"
	log "spike round $round: $rate posts/s ($created 201, $accepted 202, $other other, $socket socket errors), $missing of $acked acknowledged missing; reads $reads/s vs $quiet/s quiet ($ratio; the page grew from $bytes_before to $bytes_after bytes, read quietly after: $quiet_after/s, $same), server $quiet_cores cores quiet, $spike_cores during the spike ($cpu_ms ms a post, reads included), load $before→$after"
	grep '^POSTS first-error' "$out" >&2 || true
done
log "load after the runs: $(uptime)"

# ---------------------------------------------------------------- report
echo
echo "## Veche thread pages vs the same bytes from nginx"
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1), wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after a $WARMUP warm-up), medians of $ROUNDS rounds, nginx worker_processes $NGINX_WORKERS, tcp_nopush $NGINX_NOPUSH"
echo
echo "| Page | Comments on page 1 | Body bytes | Veche req/s | Veche p50 ms | Veche p99 ms | nginx req/s | nginx p50 ms | nginx p99 ms | Veche / nginx | Errors (V/n) | Veche time-outs |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
declare -A M_RPS M_P99 M_RATIO
for n in "${SIZES[@]}"; do
	# shellcheck disable=SC2086
	{
		M_RPS[$n]=$(median ${V_RPS[$n]})
		vp50=$(median ${V_P50[$n]})
		M_P99[$n]=$(median ${V_P99[$n]})
		nrps=$(median ${N_RPS[$n]})
		np50=$(median ${N_P50[$n]})
		np99=$(median ${N_P99[$n]})
	}
	M_RATIO[$n]=$(awk -v a="${M_RPS[$n]}" -v b="$nrps" 'BEGIN { printf "%.2f", a / b }')
	echo "| $n comments | ${SHOWN_OF[$n]} | ${SIZE_OF[$n]} | ${M_RPS[$n]} | $vp50 | ${M_P99[$n]} | $nrps | $np50 | $np99 | ${M_RATIO[$n]} | ${V_ERR[$n]}/${N_ERR[$n]} | ${V_TO[$n]} |"
done
echo
echo "Every round (req/s): $(for n in "${SIZES[@]}"; do printf '%s: Veche %s, nginx %s; ' "$n" "${V_RPS[$n]% }" "${N_RPS[$n]% }"; done)"
echo
echo "## Comment posts (wrk -t$THREADS -c$CONNECTIONS -d$DURATION, a fresh article each round, every post a different reader)"
echo
echo "| Round | Posts/s (201) | p50 ms | p99 ms | Sent | 201 | Other status | Socket errors | Kept | Kept/sent | Load 1 min |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
printf '%s\n' "${P_LINES[@]}"
echo
echo "Load (1 min average, before→after each measured page run): $(printf '%s; ' "${LOADS[@]}")"
echo
echo "## The spike: $WRITERS writers posting for $SPIKE_DURATION while $READERS connections read the same article"
echo
echo "| Round | Posts/s acknowledged | Post p99 ms | Sent | 201 | 202 | Other status | Socket errors | 201 ids | Missing | Quiet reads/s | Reads/s during posts | Read p99 ms | During / quiet | Page bytes before→after | Quiet reads/s after | During / quiet after (same bytes) | Load 1 min |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|"
printf '%s\n' "${S_LINES[@]}"
echo
POST_MEDIAN=$( ((${#P_RATE[@]})) && median "${P_RATE[@]}" || echo 0)
verdict() { if [[ $1 == yes ]]; then echo "met"; else echo "NOT met"; fi; }
has() { [[ " ${SIZES[*]} " == *" $1 "* ]]; }
SPIKE_POSTS=$(median "${S_POSTS[@]}")
SPIKE_RATIO=$(median "${S_READ_RATIO[@]}")
SPIKE_SAME=$(median "${S_SAME_RATIO[@]}")
echo "## Bars (issue 12)"
echo
if has 10; then
	b1=$(awk -v r="${M_RPS[10]}" -v p="${M_P99[10]}" -v t="${V_TO[10]}" 'BEGIN { print (r >= 10000 && p <= 20 && t == 0) ? "yes" : "no" }')
	echo "- 10-comment page at least 10,000 req/s, p99 at most 20 ms, no time-outs: ${M_RPS[10]} req/s, p99 ${M_P99[10]} ms, ${V_TO[10]} time-outs, $(verdict "$b1")"
fi
if has 2000; then
	b2=$(awk -v p="${M_P99[2000]}" -v q="${M_RATIO[2000]}" 'BEGIN { print (p <= 50 && q >= 0.8) ? "yes" : "no" }')
	echo "- 2,000-comment page at least 0.8 of nginx, p99 at most 50 ms: ${M_RATIO[2000]} of nginx, p99 ${M_P99[2000]} ms, $(verdict "$b2")"
fi
if ((SPIKE_ROUNDS > 0)); then
	b3=$(awk -v r="$SPIKE_POSTS" -v q="$SPIKE_SAME" -v ok="$SPIKE_OK" 'BEGIN { print (r >= 500 && q >= 0.5 && ok == "yes") ? "yes" : "no" }')
	echo "- at least 500 posts/s for $SPIKE_DURATION at $WRITERS writers, every one stored, reads at least 0.5 of the same page read quietly: median $SPIKE_POSTS posts/s, reads ${SPIKE_SAME} of the page they got read quietly after the spike (${SPIKE_RATIO} of the small page before it), every round all 201 and none missing: $SPIKE_OK, $(verdict "$b3")"
fi
