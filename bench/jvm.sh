# Shared by startup.sh and memory.sh: the JDK, the jar, a free port, and the JVM flags README recommends.

# The recommended flags (README, "Running it for real"): the C1 compiler only (its code and profiles take some 20 MB
# less than C2's), a bounded 80 MB heap that the serial collector gives back when it is mostly free, compact object
# headers (JDK 25), thread stacks of 512 KB, and the C heap trimmed every 5 s (freed compiler arenas otherwise stay
# resident). The code cache is reserved at 48 MB, not committed: a smaller one made the collector run full
# collections to unload code. Override with JAVA_OPTS; README's variant for a host with memory to spare is
# FAST_JAVA_OPTS (the C2 compiler, a 128 MB heap; more than 250 MB resident after a load).
RECOMMENDED_JAVA_OPTS="-XX:+UseSerialGC -Xms32m -Xmx80m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+UseCompactObjectHeaders -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=48m -Xss512k -XX:TrimNativeHeapInterval=5000"
FAST_JAVA_OPTS="-XX:+UseSerialGC -Xms32m -Xmx128m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+UseCompactObjectHeaders -XX:ReservedCodeCacheSize=48m -Xss512k -XX:TrimNativeHeapInterval=5000"
JAVA_OPTS=${JAVA_OPTS-$RECOMMENDED_JAVA_OPTS}
# glibc gives every thread that allocates its own malloc arena (64 MB reserved, touched in part): two are enough
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

java_major() { "$1" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p'; }

find_java() {
	if [[ -z ${JAVA:-} ]]; then
		local candidate major best=0
		for candidate in /usr/lib/jvm/*/bin/java; do
			[[ -x $candidate ]] || continue
			major=$(java_major "$candidate")
			if [[ -n $major ]] && ((major > best)); then
				best=$major
				JAVA=$candidate
			fi
		done
	fi
	[[ -n ${JAVA:-} && -x $JAVA ]] || die "no JDK found under /usr/lib/jvm (set JAVA=/path/to/bin/java)"
	(($(java_major "$JAVA") >= 25)) || die "$JAVA is older than JDK 25 (the AOT cache and compact headers need 25)"
}

build_jar_if_missing() {
	if [[ ! -f $JAR ]]; then
		command -v mvn >/dev/null 2>&1 || die "$JAR is missing and mvn is not installed"
		log "building $JAR"
		(cd "$ROOT" && mvn -q -B package -DskipTests) || die "build failed"
	fi
}

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
