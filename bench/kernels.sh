#!/usr/bin/env bash
# The backend's kernels under JMH, with JMH's own table (microseconds a call):
#   bash bench/kernels.sh [JMH ARGUMENTS]
# e.g. `bash bench/kernels.sh GemmKernels -p shape=B32_DW,SQUARE_1024 -p threads=1,2`, or
# `bash bench/kernels.sh ElementwiseKernels -p kernel=RELU_GRAD`. With no arguments, every benchmark.
# bench/run.sh takes its GEMM rows from the same GemmKernels, through dev.nn.bench.GemmBench.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=$(ls -d /usr/lib/jvm/*25*/bin/java | head -1)
mvn -q -B -DskipTests -pl nn-bench -am package >&2
exec "$JAVA" --add-modules jdk.incubator.vector -cp "nn-bench/target/nn-bench.jar:nn-bench/target/lib/*" \
  org.openjdk.jmh.Main "$@"
