#!/usr/bin/env bash
# Veche benchmark: how fast `java -jar veche.jar import wxr FILE` brings in a WordPress export on SQLite, and
# how fast the same file imported a second time (nothing new) is recognised. Loopback only: the generated
# export has no images to fetch. Prints a Markdown table at the end; see docs/BENCHMARKS.md.
#
# Settings (environment): POSTS (2000), COMMENTS per post (10, every third a reply), ROUNDS (3),
# JAVA (a java binary, default the newest Temurin), JAR (default target/veche.jar, built when missing).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
POSTS=${POSTS:-2000}
COMMENTS=${COMMENTS:-10}
ROUNDS=${ROUNDS:-3}
JAR=${JAR:-$ROOT/target/veche.jar}
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-2[5-9]*/bin/java 2>/dev/null | tail -1)}
JAVA=${JAVA:-java}

# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"

command -v python3 >/dev/null || die "python3 is needed to write the export"
if [[ ! -f $JAR ]]; then
	log "building $JAR"
	(cd "$ROOT" && mvn -q -B package -DskipTests) || die "build failed"
fi

WORK=$(mktemp -d /tmp/veche-bench-import.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
EXPORT=$WORK/export.xml

log "writing an export of $POSTS posts with $COMMENTS comments each"
python3 - "$EXPORT" "$POSTS" "$COMMENTS" <<'PY'
import sys
path, posts, comments = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ns = "http://wordpress.org/export/1.2/"
with open(path, "w", encoding="utf-8") as out:
    out.write(f'<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="{ns}excerpt/" '
              'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
              f'xmlns:wp="{ns}">\n<channel><title>Bench</title><link>https://bench.example</link>'
              '<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example</wp:base_site_url>'
              '<wp:base_blog_url>https://bench.example</wp:base_blog_url>\n'
              '<wp:author><wp:author_login>ed</wp:author_login><wp:author_display_name>Ed Itor</wp:author_display_name></wp:author>\n')
    cid = 0
    for p in range(1, posts + 1):
        body = "\n\n".join(f"Paragraph {i} of post {p}: the square, the march, <a href=\"https://source.example/{p}\">a source</a>." for i in range(6))
        out.write(f'<item><title>Post {p}</title><link>https://bench.example/2020/01/post-{p}/</link>'
                  f'<dc:creator>ed</dc:creator><guid isPermaLink="false">https://bench.example/?p={p}</guid>'
                  f'<content:encoded><![CDATA[{body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>'
                  f'<wp:post_id>{p}</wp:post_id><wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt>'
                  f'<wp:post_name>post-{p}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>'
                  '<category domain="category" nicename="news"><![CDATA[News]]></category>'
                  '<category domain="post_tag" nicename="protest"><![CDATA[Protest]]></category>\n')
        first = cid + 1
        for c in range(comments):
            cid += 1
            parent = cid - 1 if c % 3 == 2 else 0
            out.write(f'<wp:comment><wp:comment_id>{cid}</wp:comment_id><wp:comment_author>Reader {cid}</wp:comment_author>'
                      f'<wp:comment_author_email>r{cid}@readers.example</wp:comment_author_email><wp:comment_author_url></wp:comment_author_url>'
                      f'<wp:comment_date_gmt>2020-01-02 10:00:00</wp:comment_date_gmt>'
                      f'<wp:comment_content><![CDATA[Comment {cid} with <b>bold</b> and a <a href="https://x.example">link</a>.]]></wp:comment_content>'
                      f'<wp:comment_approved>1</wp:comment_approved><wp:comment_type></wp:comment_type>'
                      f'<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>\n')
        out.write('</item>\n')
    out.write('</channel></rss>\n')
PY
ITEMS=$((POSTS + POSTS * COMMENTS))
log "export: $(du -h "$EXPORT" | cut -f1), $ITEMS items"

seconds() { grep -oE 'Import done in [0-9.]+ s' "$1" | grep -oE '[0-9.]+' ; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

firsts=() agains=()
for round in $(seq 1 "$ROUNDS"); do
	DATA=$WORK/data-$round
	log "round $round: import into an empty data directory"
	"$JAVA" -Xmx1g -jar "$JAR" import wxr "$EXPORT" --veche.data-dir="$DATA" > "$WORK/first-$round.txt" 2>&1 \
		|| { tail -20 "$WORK/first-$round.txt"; die "import failed"; }
	firsts+=("$(seconds "$WORK/first-$round.txt")")
	log "round $round: the same file again"
	"$JAVA" -Xmx1g -jar "$JAR" import wxr "$EXPORT" --veche.data-dir="$DATA" > "$WORK/again-$round.txt" 2>&1 \
		|| { tail -20 "$WORK/again-$round.txt"; die "second import failed"; }
	grep -q "Posts already imported before: $POSTS" "$WORK/again-$round.txt" || die "the second import changed something"
	agains+=("$(seconds "$WORK/again-$round.txt")")
done

first=$(printf '%s\n' "${firsts[@]}" | median)
again=$(printf '%s\n' "${agains[@]}" | median)
echo
echo "| run | posts | comments | median s (of ${ROUNDS}) | items/s | all rounds, s |"
echo "|---|---:|---:|---:|---:|---|"
echo "| into an empty site | $POSTS | $((POSTS * COMMENTS)) | $first | $(awk -v i="$ITEMS" -v s="$first" 'BEGIN{printf "%d", i/s}') | ${firsts[*]} |"
echo "| the same file again | $POSTS | $((POSTS * COMMENTS)) | $again | $(awk -v i="$ITEMS" -v s="$again" 'BEGIN{printf "%d", i/s}') | ${agains[*]} |"
