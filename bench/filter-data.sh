#!/usr/bin/env bash
# Converts the shared labelled data sets (youtube-spam, abuse-en, hate-en, hate-en-2k, toxic-ru-pairs) into text,label CSV files
# under target/filter-data, for `moderation evaluate`. VECHE_SHARED_DATA overrides ../shared/data.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${VECHE_SHARED_DATA:-../shared/data}"
if [ ! -d "$data/youtube-spam" ]; then
  echo "no shared data at $data (set VECHE_SHARED_DATA)" >&2
  exit 1
fi
java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
[ -x "$java" ] || java=java
mvn -B -q dependency:build-classpath -Dmdep.includeArtifactIds=commons-csv,commons-io,commons-codec \
  -Dmdep.outputFile=target/filter-data.classpath >/dev/null
"$java" -cp "$(cat target/filter-data.classpath)" bench/FilterData.java "$data" target/filter-data
