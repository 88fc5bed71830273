#!/usr/bin/env bash
# The alert storm against the whole `medic serve` in one run (issues 4 and 7): starts medic (1 replica on embedded
# H2, or several child JVMs on PostgreSQL behind Debian's nginx round-robin), sends the storm with wrk from outside
# every JVM (src/bench/storm.lua), then checks the database and Slack's (WireMock's) journal against the targets.
# Exits non-zero when a target is missed. Needs wrk, nginx, and PostgreSQL for --replicas > 1 or --postgres.
#
# usage: src/bench/storm-run.sh [--replicas N] [--seconds S] [--rate R] [--postgres] [--no-build] [--build-only]
#   --replicas N   medic replicas (default 1)           --seconds S  storm length (default 60)
#   --rate R       webhook requests a second (default 500; 10 alerts each)
#   --postgres     one replica on PostgreSQL instead of H2 (several replicas always use PostgreSQL)
#   --no-build     use target/ as it is (for a quiet-machine run: build first with --build-only)
# environment: STORM_DIR (default: a new /tmp/medic-storm.XXXX), STORM_DRAIN_LIMIT seconds (default 480),
#              STORM_JAVA_OPTS for the bench JVM (default -XX:TieredStopAtLevel=1, as deploy/ runs medic serve; a value
#              replaces it, e.g. "-XX:TieredStopAtLevel=1 -XX:StartFlightRecording=filename=storm.jfr" to profile),
#              STORM_WRK_WRAPPER runs the storm itself under a command, e.g. /work/bin/quiet: medic starts and its
#              outbox drains (at Slack's pace, minutes) outside that window, the storm and its diagnoses inside
set -euo pipefail

replicas=1 seconds=60 rate=500 database= build=true build_only=false
while (($#)); do
    case $1 in
        --replicas) replicas=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --rate) rate=$2; shift 2 ;;
        --postgres) database=postgres; shift ;;
        --no-build) build=false; shift ;;
        --build-only) build_only=true; shift ;;
        *) sed -n '7,12p' "$0" >&2; exit 2 ;;
    esac
done
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
classpath=target/storm-classpath.txt
if $build || $build_only || [[ ! -f $classpath ]]; then
    mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$classpath" -Dmdep.includeScope=test
fi
$build_only && exit 0
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[[ -n $database ]] || database=$([[ $replicas -gt 1 ]] && echo postgres || echo h2)

dir=${STORM_DIR:-$(mktemp -d /tmp/medic-storm.XXXX)}
mkdir -p "$dir"
echo "storm-run: $replicas replica(s), $database, $seconds s at $rate req/s; files in $dir"
java -Xmx1g ${STORM_JAVA_OPTS--XX:TieredStopAtLevel=1} -cp "target/test-classes:target/classes:$(cat "$classpath")" medic.bench.ServeStormBench \
    "$dir" "$replicas" "$seconds" "$rate" "$database" "${STORM_DRAIN_LIMIT:-480}" >"$dir/bench.out" 2>"$dir/bench.err" &
bench=$!
trap 'kill $bench 2>/dev/null || true' EXIT
while [[ ! -f $dir/ready ]]; do
    kill -0 $bench 2>/dev/null || { echo "storm-run: the bench stopped before medic was ready:" >&2
        tail -50 "$dir/bench.err" >&2; exit 1; }
    sleep 1
done
read -r url count token <"$dir/ready"
echo "storm-run: medic ready at $url; wrk for $seconds s"
# 2 threads x 4 connections; storm.lua gives each request a slot on a timeline of RATE requests a second.
PAYLOADS=$dir/payloads COUNT=$count RATE=$rate THREADS=2 TOKEN=$token ${STORM_WRK_WRAPPER:-} \
    bash -c 'echo "storm-run: load $(cut -d" " -f1-3 /proc/loadavg) when wrk started"; exec "$@"' wrk wrk -t2 -c8 -d"${seconds}s" --timeout 10s --latency -s src/bench/storm.lua "$url/hooks/alertmanager" \
    >"$dir/wrk.out" 2>&1 || true
echo "storm-run: load $(cut -d' ' -f1-3 /proc/loadavg) when wrk ended"
touch "$dir/wrk.done"
grep -E 'when wrk started|Requests/sec|requests in|Non-2xx|Socket errors' "$dir/wrk.out" || true
echo "storm-run: wrk done; waiting for medic to diagnose, post and drain its outbox, then checking"
status=0
wait $bench || status=$?
trap - EXIT
cat "$dir/report.txt" 2>/dev/null || { echo "storm-run: no report:" >&2; tail -50 "$dir/bench.err" >&2; }
exit $status
