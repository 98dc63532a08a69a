#!/usr/bin/env bash
# JMH: the time to score one comment with the learning filter (tokenizing, features, probability, reasons).
# Compiles the benchmark with the jmh profile, then runs it in a fresh JVM: one fork, 5 warm-ups, 10 measurements.
set -euo pipefail
cd "$(dirname "$0")/.."
java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
[ -x "$java" ] || java=java
mvn -B -q -Pjmh test-compile dependency:build-classpath -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test >/dev/null
"$java" -cp "target/test-classes:target/classes:$(cat target/jmh.classpath)" org.openjdk.jmh.Main ScoreBenchmark \
  -f 1 -wi 5 -w 1s -i 10 -r 1s "$@"
