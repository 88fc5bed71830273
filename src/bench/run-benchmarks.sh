#!/usr/bin/env bash
# Reproduces every figure of BENCHMARKS.md: generates the inputs into /tmp, builds target/medic.jar, runs the
# in-process benchmarks and the hyperfine comparisons, and prints the figures with the machine they ran on.
#
# usage: src/bench/run-benchmarks.sh [--repeats N] [--quick]
#   --repeats N  run each measurement N times (default 3) and report the median of the repeats
#   --quick      fewer iterations, one repeat: a smoke test of the script, not figures to publish
# environment: BENCH_GENERATORS  directory of gen_nginx_config.py and gen_error_log.py (default ../shared/bench)
#              BENCH_MAX_LOAD    wait (up to 10 min) until the 1-minute load average is below this (default 1.0)
set -euo pipefail

repeats=3
quick=false
while (($#)); do
    case $1 in
        --repeats) repeats=$2; shift 2 ;;
        --quick) quick=true; repeats=1; shift ;;
        *) echo "usage: $0 [--repeats N] [--quick]" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
generators=${BENCH_GENERATORS:-$root/../shared/bench}
max_load=${BENCH_MAX_LOAD:-1.0}
config=/tmp/bench.conf
small_config=/tmp/bench-small.conf
error_log=/tmp/bench-error.log
prefix=/tmp/bench-prefix
results=/tmp/medic-bench
iterations=$($quick && echo 10 || echo 50)
runs=$($quick && echo 5 || echo 20)
mkdir -p "$results" "$prefix/logs"
rm -f "$results"/*

for tool in java mvn python3 hyperfine nginx /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "run-benchmarks: $tool is not installed" >&2; exit 2; }
done
[[ -f $generators/gen_nginx_config.py ]] || {
    echo "run-benchmarks: no gen_nginx_config.py in $generators (set BENCH_GENERATORS)" >&2; exit 2; }

load() { cut -d' ' -f1 /proc/loadavg; }

# Other processes (builds, tests) on a 2-core machine double the figures: wait for a quiet moment, and say
# what the load was when the measurement started.
wait_quiet() {
    local waited=0
    while awk -v l="$(load)" -v m="$max_load" 'BEGIN { exit !(l >= m) }' && ((waited < 600)); do
        sleep 10
        waited=$((waited + 10))
    done
    echo "load $(load)"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== machine"
date -u +"%Y-%m-%d %H:%M UTC"
echo "cores: $(nproc), CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
java -version 2>&1 | head -n 1
nginx -v 2>&1
hyperfine --version
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== inputs"
python3 "$generators/gen_nginx_config.py" 2000 "$config" --broken
python3 "$generators/gen_error_log.py" 100 "$error_log"
python3 "$generators/gen_nginx_config.py" 6 "$small_config" --broken
echo "$config: $(wc -l <"$config") lines, $(stat -c %s "$config") bytes"
echo "$error_log: $(wc -l <"$error_log") lines, $(stat -c %s "$error_log") bytes"

echo "== build"
mvn -B -q package -DskipTests
jar=target/medic.jar
# The launcher records its AppCDS archive on the first run after a build; later runs use it.
./medic diagnose --config "$config" --format json >/dev/null || true
nginx -t -q -p "$prefix/" -c "$config"

echo "== 1. parse + analyze + propose in one warm JVM (DiagnoseBench, target: median <= 30 ms)"
for ((r = 1; r <= repeats; r++)); do
    echo "-- repeat $r, $(wait_quiet)"
    java -cp "$jar" medic.bench.DiagnoseBench "$config" "$iterations" | tee "$results/diagnose-$r.txt"
done
echo "median of the repeats' total medians: $(for f in "$results"/diagnose-*.txt; do
    awk '$1 == "total" { print $2 }' "$f"; done | median) ms"
# Under load the wall-clock figures stretch; the CPU the runs took (every thread: rules and checks use two) does less.
echo "median of the repeats' process CPU medians: $(for f in "$results"/diagnose-*.txt; do
    awk '$1 == "total," && $2 == "process" { print $4 }' "$f"; done | median) ms"

echo "-- with the error log (not part of the 30 ms target: the log alone is 100 MB), $(wait_quiet)"
java -cp "$jar" medic.bench.DiagnoseBench "$config" "$((iterations / 5 + 1))" "$error_log" | tee "$results/diagnose-log.txt"

echo "== 2. the whole medic diagnose process beside nginx -t (target: <= 0.6 s)"
medic_cmd="./medic diagnose --config $config --format json"
medic_text="./medic diagnose --config $config --format text --color never"
nginx_cmd="nginx -t -q -p $prefix/ -c $config"
for ((r = 1; r <= repeats; r++)); do
    echo "-- repeat $r, $(wait_quiet)"
    # medic exits 1 when it has findings: -i keeps hyperfine from calling that a failure.
    hyperfine -N -i --warmup 3 --runs "$runs" --export-json "$results/process-$r.json" \
        "$medic_cmd" "$medic_text" "$nginx_cmd"
    echo "-- with the error log, $(wait_quiet)"
    hyperfine -N -i --warmup 2 --runs "$runs" --export-json "$results/process-log-$r.json" \
        "$medic_cmd --error-log $error_log"
done
echo "-- fixed costs: JVM start-up and a small config, $(wait_quiet)"
hyperfine -N -i --warmup 3 --runs "$runs" --export-json "$results/process-small-1.json" \
    "./medic --version" "./medic diagnose --config $small_config --format json"
for name in process process-log process-small; do
    python3 - "$results" "$name" <<'EOF'
import json, statistics, sys, glob
results, name = sys.argv[1], sys.argv[2]
by_command = {}
cpu_by_command = {}
for path in sorted(glob.glob(f"{results}/{name}-[0-9]*.json")):
    for r in json.load(open(path))["results"]:
        by_command.setdefault(r["command"], []).append(r["median"])
        cpu_by_command.setdefault(r["command"], []).append(r["user"] + r["system"])
for command, medians in by_command.items():
    cpu = statistics.median(cpu_by_command[command])
    print(f"median of {len(medians)} repeat(s): {statistics.median(medians):.3f} s (user + sys {cpu:.3f} s)  {command}")
EOF
done

echo "== peak RSS of medic diagnose (/usr/bin/time -v)"
for extra in "" "--error-log $error_log"; do
    /usr/bin/time -v $medic_cmd $extra 2>"$results/rss.txt" >/dev/null || true
    echo "$(awk -F: '/Maximum resident/ { gsub(/ /, "", $2); print $2 }' "$results/rss.txt") KB  $medic_cmd $extra"
done

echo "== 3. error-log classification (target: >= 300 MB/s) beside grep -c"
for ((r = 1; r <= repeats; r++)); do
    echo "-- repeat $r, $(wait_quiet)"
    java -cp "$jar" medic.bench.LogClassificationBench "$error_log" 10 memory | tee "$results/classify-memory-$r.txt"
    java -cp "$jar" medic.bench.LogClassificationBench "$error_log" 10 stream | tee "$results/classify-stream-$r.txt"
    java -cp "$jar" medic.bench.LogClassificationBench "$error_log" 10 memory 1 | tee "$results/classify-single-$r.txt"
    # GNU grep stops at the first match when its output is /dev/null (hyperfine's default): pipe it instead.
    hyperfine -N --output=pipe --warmup 2 --runs 10 --export-json "$results/grep-$r.json" \
        "grep -c \"Connection reset by peer\" $error_log"
done
size=$(stat -c %s "$error_log")
for mode in memory stream single; do
    echo "median of repeats, classification ($mode): $(for f in "$results"/classify-$mode-[0-9]*.txt; do
        awk '$1 == "median" { print $4 }' "$f"; done | median) MB/s"
done
echo "median of repeats, grep -c: $(for f in "$results"/grep-[0-9]*.json; do
    python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['median'])" "$f"; done \
    | median | awk -v s="$size" '{ printf "%.0f", s / $1 / 1e6 }') MB/s"

echo "== done: raw outputs in $results; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
