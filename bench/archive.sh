#!/usr/bin/env bash
# Backup, restore and WXR export of a site of ARTICLES articles and COMMENTS comments (SQLite), through the
# command line of target/veche.jar, ROUNDS times; prints each run's report and the medians of the reported
# times. The rows are written straight into a freshly migrated database with sqlite3, so that seeding takes
# seconds; nothing leaves the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

JAR=${JAR:-target/veche.jar}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
ARTICLES=${ARTICLES:-1000}
COMMENTS=${COMMENTS:-100000}
ROUNDS=${ROUNDS:-3}
command -v sqlite3 >/dev/null || die "sqlite3 is needed (apt-get install sqlite3)"
[[ -f $JAR ]] || { log "building $JAR"; mvn -q -B package -DskipTests; }

work=$(mktemp -d /tmp/veche-bench-archive-XXXXXX)
trap 'rm -rf "$work"' EXIT
site=$work/site
veche() { "$JAVA" -Xmx1g -jar "$JAR" "$@" --logging.level.root=warn; }
ms() { sed -n 's/.* bytes in \([0-9]*\) ms$/\1/p' | head -1; }

log "migrating an empty site"
veche export backup "$work/empty.zip" --veche.data-dir="$site" >/dev/null
log "seeding $ARTICLES articles and $COMMENTS comments"
sqlite3 "$site/veche.db" <<SQL
PRAGMA journal_mode=WAL;
INSERT INTO account (email, password_hash, display_name, role, created_at, email_verified_at)
  VALUES ('editor@example.org', '\$argon2id\$v=19\$m=16384,t=2,p=1\$c2FsdA\$aGFzaA', 'Editor', 'EDITOR', 1700000000000, 1700000000000);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $ARTICLES)
INSERT INTO article (slug, kind, title, lead, body, body_html, author_id, author_name, status, published_at, created_at, updated_at)
  SELECT 'article-' || i, 'ARTICLE', 'Article ' || i, 'The lead of article ' || i,
         'Police *detained* ' || i || ' people.', '<p>Police <em>detained</em> ' || i || ' people.</p>',
         1, 'Editor', 'PUBLISHED', 1700000000000 + i * 60000, 1700000000000, 1700000000000 FROM n;
INSERT INTO article_tag (article_id, tag) SELECT id, 'tag-' || (id % 50) FROM article;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $COMMENTS)
INSERT INTO comment (article_id, parent_id, depth, author_name, author_email, author_url, body, body_html, status, created_at, address_hash, likes)
  SELECT 1 + (i % $ARTICLES), NULL, 0, 'Reader ' || i, 'reader' || i || '@example.org', 'https://reader' || i || '.example',
         'A comment with *some* words, number ' || i, '<p>A comment with <em>some</em> words, number ' || i || '</p>',
         CASE WHEN i % 20 = 0 THEN 'PENDING' ELSE 'APPROVED' END, 1700000000000 + i * 1000, 'hash' || (i % 997), i % 5 FROM n;
UPDATE comment SET parent_id = id - $ARTICLES, depth = 1 WHERE id > $ARTICLES AND id % 3 = 0;
SQL
rows=$(sqlite3 "$site/veche.db" "SELECT (SELECT COUNT(*) FROM article) + (SELECT COUNT(*) FROM article_tag) + (SELECT COUNT(*) FROM comment)")
log "site: $rows rows"

backup_ms=() restore_ms=() wxr_ms=()
for round in $(seq 1 "$ROUNDS"); do
	log "round $round: export backup"
	out=$(veche export backup "$work/site.zip" --veche.data-dir="$site")
	echo "$out" | grep -E "^(backup|restore|wxr): "
	backup_ms+=("$(echo "$out" | ms)")
	log "round $round: restore into an empty site"
	rm -rf "$work/restored"
	out=$(veche restore "$work/site.zip" --veche.data-dir="$work/restored")
	echo "$out" | grep -E "^(backup|restore|wxr): "
	restore_ms+=("$(echo "$out" | ms)")
	log "round $round: export wxr"
	out=$(veche export wxr "$work/site.xml" --veche.data-dir="$site")
	echo "$out" | grep -E "^(backup|restore|wxr): "
	wxr_ms+=("$(echo "$out" | ms)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "rows: $rows; backup zip: $(stat -c %s "$work/site.zip") bytes; wxr: $(stat -c %s "$work/site.xml") bytes"
echo "median ms over $ROUNDS rounds: backup $(median "${backup_ms[@]}"), restore $(median "${restore_ms[@]}"), wxr $(median "${wxr_ms[@]}")"
