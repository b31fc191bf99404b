#!/usr/bin/env bash
# Runs bench_hostile (bench/hostile_bench.cpp) one benchmark per process, so
# that each input's peak memory is its own, and prints a markdown table:
# for every function and input, the time at 1 MB and 10 MB, the ratio to
# ordinary text of the same size (target: at most 3x), the 10 MB / 1 MB
# ratio (linear: about 10) and the memory the analysis took at 10 MB.
#
#   bench/hostile_report.sh [BUILD_DIR] [REPETITIONS] [FILTER]
#     BUILD_DIR    where bench_hostile is (default build-hostile; build it with
#                  cmake --build BUILD_DIR --target bench_hostile)
#     REPETITIONS  runs per benchmark, the median is reported (default 3)
#     FILTER       a regex over benchmark names (default: all)
#
# Times are CPU times of the one thread that does the work: on a quiet
# machine they equal wall times, and on a busy one (the shared VM) they are
# far less noisy. Ratios compare the same function on the same number of
# bytes. Memory is the peak resident size during the timed runs minus the
# resident size before them (models and input excluded; VmHWM reset through
# /proc/self/clear_refs), so it is what the pipeline itself allocated.
# Raw JSON goes to $OUT_DIR (default bench/out/hostile).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build-hostile}
reps=${2:-3}
filter=${3:-.}
bin=$build/bench_hostile
out=${OUT_DIR:-$root/bench/out/hostile}
[ -x "$bin" ] || { echo "no $bin: cmake --build $build --target bench_hostile" >&2; exit 2; }
mkdir -p "$out"

mapfile -t tests < <("$bin" --benchmark_list_tests | grep -E "$filter")
for t in "${tests[@]}"; do
  name=$(printf '%s' "$t" | tr '/:' '__')
  echo "running $t" >&2
  "$bin" --benchmark_filter="^${t}\$" --benchmark_repetitions="$reps" \
         --benchmark_format=json >"$out/$name.json" 2>/dev/null
done

/usr/bin/python3 - "$out" <<'EOF'
import glob, json, os, statistics, sys

runs = {}
for path in glob.glob(os.path.join(sys.argv[1], "*.json")):
    with open(path) as f:
        data = json.load(f)
    its = [b for b in data["benchmarks"] if b.get("run_type") == "iteration"]
    if not its:
        continue
    b = its[0]
    fn = b["name"].split("/")[0].replace("BM_", "")
    size = int(b["name"].split("bytes:")[1].split("/")[0])
    runs[(fn, b["label"], size)] = {
        "cpu_ms": statistics.median(x["cpu_time"] for x in its),
        "real_ms": statistics.median(x["real_time"] for x in its),
        "tokens": b.get("tokens", 0),
        "work_MB": max(x.get("work_MB", float("nan")) for x in its),
    }

MB = 1 << 20
names = {"Sentiment": "sentiment", "PosTag": "pos_tag", "Tokens": "tokens"}
inputs = ["ordinary", "emoji", "not", "no_space", "combining", "but", "word_same",
          "word_mixed", "rtl", "controls"]
print("| function | input | tokens (1 MB) | 1 MB ms | MB/s | x ordinary | 10 MB ms | "
      "x ordinary | 10 MB / 1 MB | memory at 10 MB |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
worst = []
for fn in ["Sentiment", "PosTag", "Tokens"]:
    for inp in inputs:
        a, b = runs.get((fn, inp, MB)), runs.get((fn, inp, 10 * MB))
        oa, ob = runs.get((fn, "ordinary", MB)), runs.get((fn, "ordinary", 10 * MB))
        if not a:
            continue
        cells = [names[fn], inp, f"{a['tokens'] / 1000:,.0f}k",
                 f"{a['cpu_ms']:,.1f}", f"{1000 / a['cpu_ms']:,.1f}"]
        ra = a["cpu_ms"] / oa["cpu_ms"] if oa else float("nan")
        cells.append(f"{ra:.2f}x")
        if b:
            rb = b["cpu_ms"] / ob["cpu_ms"] if ob else float("nan")
            lin = b["cpu_ms"] / a["cpu_ms"]
            cells += [f"{b['cpu_ms']:,.0f}", f"{rb:.2f}x", f"{lin:.1f}",
                      f"{b['work_MB']:,.0f} MB ({b['work_MB'] / 10:.1f}x input)"]
            worst.append((max(ra, rb), names[fn], inp, lin))
        else:
            cells += ["", "", "", ""]
        print("| " + " | ".join(cells) + " |")
if worst:
    w = max(worst)
    print(f"\nHighest ratio to ordinary text: {w[0]:.2f}x ({w[1]}, {w[2]}); "
          f"10 MB / 1 MB between {min(x[3] for x in worst):.1f} and {max(x[3] for x in worst):.1f}.")
EOF
