#!/usr/bin/python3
"""Prints the table of bench/run.sh from the files it wrote: nn next to its peer, with the ratio."""
import re
import sys
from pathlib import Path

out = Path(sys.argv[1])


def gflops(path):
    """name -> median GFLOP/s from GemmBench or matmul_bench.py output."""
    rows = {}
    for line in path.read_text().splitlines():
        m = re.match(r"(.+?)\s+M=\s*(\d+) K=\s*(\d+) N=\s*(\d+)\s+median\s+([\d.]+)", line)
        if m:
            rows[m.group(1).strip()] = (int(m.group(2)), int(m.group(3)), int(m.group(4)), float(m.group(5)))
    return rows


def kv(path):
    line = path.read_text().strip().splitlines()[-1]
    return dict(p.split("=", 1) for p in line.split())


def torch_rate(path):
    m = re.search(r"median epoch ([\d.]+)s = (\d+) samples/s", path.read_text())
    acc = re.search(r"test_acc ([\d.]+)", path.read_text())
    return float(m.group(2)), float(acc.group(1))


print("\n## GEMM, median GFLOP/s (peer: OpenBLAS via numpy for squares, via torch.mm for the MLP shapes)")
print(f"{'shape':34s} {'thr':>3s} {'nn':>8s} {'peer':>8s} {'nn/peer':>8s}")
pairs = [("B32 fwd x·W (784->300)", "B32 fwd x@W^T+b (784->300)"),
         ("B32 dW = xᵀ·dy (784->300)", "B32 dW = gy^T@x (784->300)"),
         ("B32 dx = dy·Wᵀ (784->300)", "B32 dX = gy@W (784->300)"),
         ("B256 fwd x·W (784->300)", "B256 fwd x@W^T+b (784->300)"),
         ("B256 dW = xᵀ·dy (784->300)", "B256 dW = gy^T@x (784->300)"),
         ("B256 dx = dy·Wᵀ (784->300)", "B256 dX = gy@W (784->300)"),
         ("square 1024", "square 1024"), ("square 2048", "square 2048")]
for t in (1, 2):
    nn = gflops(out / f"gemm_nn_{t}.txt")
    peer = {**gflops(out / f"gemm_torch_{t}.txt"), **gflops(out / f"gemm_numpy_{t}.txt")}
    for ours, theirs in pairs:
        if ours in nn and theirs in peer:
            a, b = nn[ours][3], peer[theirs][3]
            print(f"{ours:34s} {t:3d} {a:8.1f} {b:8.1f} {a / b:8.2f}")

print("\n## Training the Fashion-MNIST MLP 784-300-100-10, samples/s (median epoch after the first)")
print(f"{'batch':>5s} {'thr':>3s} {'nn':>9s} {'torch':>9s} {'nn/torch':>8s} {'nn acc':>7s} {'torch acc':>9s} {'nn RSS MB':>9s}")
rates = {}
for b in (32, 256):
    for t in (1, 2):
        nn = kv(out / f"train_nn_{b}_{t}.txt")
        tr, tacc = torch_rate(out / f"train_torch_{b}_{t}.txt")
        r = float(nn["samples_per_s"])
        rates[(b, t)] = r
        print(f"{b:5d} {t:3d} {r:9.0f} {tr:9.0f} {r / tr:8.2f} {float(nn['test_accuracy']):7.4f} {tacc:9.4f} "
              f"{float(nn['peak_rss_mb']):9.0f}")
print(f"two threads over one at batch 256: {rates[(256, 2)] / rates[(256, 1)]:.2f}x; at batch 32: "
      f"{rates[(32, 2)] / rates[(32, 1)]:.2f}x")
data_mb = (70000 * 784 + 70000) * 4 / 2**20
print(f"memory target: 1.5 x {data_mb:.0f} MB of float32 data + 200 MB = {1.5 * data_mb + 200:.0f} MB")

print("\n## Prediction of the same MLP")
print(f"{'runtime':12s} {'thr':>3s} {'batch-1 median us':>18s} {'batch-256 rows/s':>17s} {'best block':>11s}")
for t in (1, 2):
    for line in (out / f"predict_{t}.txt").read_text().splitlines():
        d = dict(p.split("=", 1) for p in line.split())
        print(f"{d['runtime']:12s} {t:3d} {float(d['batch1_median_us']):18.1f} {float(d['batch256_rows_per_s']):17.0f} "
              f"{float(d['batch256_best_rows_per_s']):11.0f}")
print("\n" + (out / "load.txt").read_text())
