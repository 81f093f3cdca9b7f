#!/usr/bin/env bash
# One run, one table: nn against OpenBLAS (GEMM) and PyTorch (training) on this machine, with ratios.
#   bash bench/run.sh [EPOCHS] [ROUNDS]   (default 6 epochs per training setting, 3 rounds; about 20 minutes)
# Each round runs every benchmark once, nn and its peer back to back, and the table gives for each
# row the median over rounds of nn, of the peer and of the ratio within a round, with the ratios'
# range. The machine's speed drifts by 10-20% from one minute to the next (a VM whose 2 cores are
# shared with other guests: the same GEMM ran at 85 and at 104 GFLOP/s half an hour apart), and a
# ratio taken within a round sees both sides at the same speed.
# Training rates are the median epoch after the first, for nn and torch alike. Six epochs, not three:
# on 2 threads the JIT compiles nn's kernels while both cores are busy, and the second epoch still ran
# at 95-105k samples/s against 140-165k for the later ones, so a median of two epochs mixed the two.
# Needs (as root): apt-get install -y python3-torch python3-numpy python3-threadpoolctl \
#   dataset-fashion-mnist libopenblas0-pthread
# The peers run with OPENBLAS_CORETYPE=SkylakeX (AVX-512 kernels): on the AVX-512 Xeon this was first run on,
# Debian's OpenBLAS took the CPU for "Prescott" and ran its slowest kernels; on the Zen 4 machine it picks
# Cooperlake, and SkylakeX was as fast or faster than its AVX2 kernels (Haswell) in two rounds of 1024³ and
# 2048³: 91-100 against 89-99 GFLOP/s on 1 thread, 188-197 against 155-177 on 2. Keep other work off the
# machine while it runs: 2 cores, and both benchmarks use both for the 2-thread rows.
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS=${1:-6}
ROUNDS=${2:-3}
OUT=${BENCH_OUT:-target/bench}
mkdir -p "$OUT"
PY=/usr/bin/python3
SHARED=${NN_SHARED_BENCH:-../shared/bench}
JAVA=$(ls -d /usr/lib/jvm/*25*/bin/java | head -1)
JVM="$JAVA --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
PEER_ENV="OPENBLAS_CORETYPE=SkylakeX OMP_WAIT_POLICY=PASSIVE"

mvn -q -B -DskipTests package >&2
CP_BENCH="nn-bench/target/nn-bench.jar:nn-bench/target/lib/*"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/load.txt"

# Heap for training: the data stays live as about 230 MB of old generation (the 55,000 training and
# 5,000 validation rows and the test set, float32). -Xmx310m leaves 262 MB of old generation: one full GC
# while loading clears the IDX bytes and none follows in 10 epochs
# (3 epochs at -Xmx296m take 3 full GCs, at -Xmx290m 21).
# Peak RSS is set by where that GC falls: about 385 MB, against 437 MB with -Xmx440m, and epochs are no
# slower (as many young collections, in no more time). The young generation stays 48 MB:
# 32 MB saves about 10 MB of RSS but collects 1.5 times as often.
# Transparent huge pages for the heap (the kernel's setting here is "madvise"): the batch gather reads
# rows scattered over 188 MB, one TLB miss a row with 4 KB pages. It went from 160 to 124 µs a step at
# batch 256 on one thread, peak RSS unchanged (391 against 392 MB).
TRAIN_HEAP="-Xmx310m -XX:+UseParallelGC -XX:NewSize=48m -XX:MaxNewSize=48m -XX:+UseTransparentHugePages"

for r in $(seq 1 "$ROUNDS"); do
  for t in 1 2; do
    echo "== round $r: GEMM, $t thread(s)" >&2
    $JVM -cp "$CP_BENCH" dev.nn.bench.GemmBench "$t" 2>/dev/null > "$OUT/gemm_nn_${t}_r$r.txt"
    env $PEER_ENV OPENBLAS_NUM_THREADS=$t $PY "$SHARED/matmul_bench.py" --lib numpy --threads $t --sizes 1024,2048 \
      > "$OUT/gemm_numpy_${t}_r$r.txt"
    env $PEER_ENV OPENBLAS_NUM_THREADS=$t $PY "$SHARED/matmul_bench.py" --lib torch --threads $t --sizes "" --mlp \
      --batches 32,256 > "$OUT/gemm_torch_${t}_r$r.txt"
  done
  for b in 32 256; do
    for t in 1 2; do
      echo "== round $r: training, batch $b, $t thread(s)" >&2
      $JVM $TRAIN_HEAP -cp "$CP_BENCH" dev.nn.bench.TrainingBench $b $t "$EPOCHS" 2>/dev/null \
        | grep '^batch=' > "$OUT/train_nn_${b}_${t}_r$r.txt"
      (cd "$SHARED" && env $PEER_ENV $PY torch_mlp.py --epochs "$EPOCHS" --batch $b --threads $t --blas-threads $t) \
        > "$OUT/train_torch_${b}_${t}_r$r.txt"
    done
  done
  for t in 1 2; do
    echo "== round $r: predict, $t thread(s)" >&2
    $JVM -cp "$CP_BENCH" dev.nn.bench.PredictBench $t 2>/dev/null | grep '^runtime=' > "$OUT/predict_${t}_r$r.txt"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt"

$PY bench/table.py "$OUT" "$ROUNDS"
