# Shared by the bench/ scripts: logging and stopping what a script started (by its own process id).
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

stop_pid() { # ends one process the script started: TERM, then KILL after 20 s
	local pid=$1 i
	[[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
	kill "$pid" 2>/dev/null || true
	for i in $(seq 1 40); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.5
	done
	kill -9 "$pid" 2>/dev/null || true
}

# with_work_dir NAME: a fresh directory in WORK; on exit, however the script ends, the server it started
# (SERVER_PID) is stopped and WORK removed (kept with KEEP=1, for a look afterwards). Call it from the script
# itself, not from a subshell.
with_work_dir() {
	WORK=$(mktemp -d "/tmp/veche-$1.XXXXXX")
	SERVER_PID=""
	trap _leave_work_dir EXIT
	trap 'exit 130' INT TERM
}
_leave_work_dir() {
	local rc=$?
	trap - EXIT INT TERM
	stop_pid "$SERVER_PID"
	if [[ -n ${KEEP:-} ]]; then log "kept: $WORK"; else rm -rf "$WORK"; fi
	exit "$rc"
}

# For scripts that start the jar: dies unless every tool named is installed; sets JAVA (unless given: a JDK 25
# under /usr/lib/jvm, else the first JDK there) and builds JAR when it is missing.
java_and_jar() {
	local tool candidate
	for tool in "$@"; do
		command -v "$tool" >/dev/null 2>&1 || die "missing: $tool (apt-get install $*)"
	done
	if [[ -z ${JAVA:-} ]]; then
		for candidate in /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*/bin/java; do
			[[ -x $candidate ]] && { JAVA=$candidate; break; }
		done
	fi
	[[ -n ${JAVA:-} && -x $JAVA ]] || die "no JDK found under /usr/lib/jvm (set JAVA=/path/to/bin/java)"
	if [[ ! -f $JAR ]]; then
		log "building $JAR"
		(cd "$ROOT" && mvn -q -B package -DskipTests) || die "build failed"
	fi
}
