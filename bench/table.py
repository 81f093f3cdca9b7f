#!/usr/bin/python3
"""Prints the table of bench/run.sh from the files it wrote: nn next to its peer, with the ratio.

Usage: table.py OUT_DIR [ROUNDS]. Each value is the median over the rounds; the ratio is the median
of the ratios taken within each round (nn and its peer ran back to back), followed by their range.
"""
import re
import statistics
import sys
from pathlib import Path

out = Path(sys.argv[1])
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 1


def files(stem):
    """The files of one benchmark, one per round (an old single-round run has no _rN suffix)."""
    found = [out / f"{stem}_r{r}.txt" for r in range(1, rounds + 1)]
    found = [f for f in found if f.exists()]
    return found or [out / f"{stem}.txt"]


def gflops(path):
    """name -> median GFLOP/s from GemmBench or matmul_bench.py output."""
    rows = {}
    for line in path.read_text().splitlines():
        m = re.match(r"(.+?)\s+M=\s*(\d+) K=\s*(\d+) N=\s*(\d+)\s+median\s+([\d.]+)", line)
        if m:
            rows[m.group(1).strip()] = float(m.group(5))
    return rows


def kv(path):
    line = path.read_text().strip().splitlines()[-1]
    return dict(p.split("=", 1) for p in line.split())


def torch_rate(path):
    m = re.search(r"median epoch ([\d.]+)s = (\d+) samples/s", path.read_text())
    acc = re.search(r"test_acc ([\d.]+)", path.read_text())
    return float(m.group(2)), float(acc.group(1))


def summary(ours, theirs):
    """Medians of nn and of the peer, the median ratio within a round and the ratios' range."""
    ratios = [a / b for a, b in zip(ours, theirs)]
    spread = f"{min(ratios):.2f}-{max(ratios):.2f}" if len(ratios) > 1 else ""
    return statistics.median(ours), statistics.median(theirs), statistics.median(ratios), spread


print(f"\n{rounds} round(s); each figure is the median over the rounds, the ratio the median of each round's"
      " ratio, then the ratios' range")
print("\n## GEMM, median GFLOP/s (peer: OpenBLAS via numpy for squares, via torch.mm for the MLP shapes)")
print(f"{'shape':34s} {'thr':>3s} {'nn':>8s} {'peer':>8s} {'nn/peer':>8s} {'range':>10s}")
pairs = [("B32 fwd x·W (784->300)", "B32 fwd x@W^T+b (784->300)"),
         ("B32 dW = xᵀ·dy (784->300)", "B32 dW = gy^T@x (784->300)"),
         ("B32 dx = dy·Wᵀ (784->300)", "B32 dX = gy@W (784->300)"),
         ("B256 fwd x·W (784->300)", "B256 fwd x@W^T+b (784->300)"),
         ("B256 dW = xᵀ·dy (784->300)", "B256 dW = gy^T@x (784->300)"),
         ("B256 dx = dy·Wᵀ (784->300)", "B256 dX = gy@W (784->300)"),
         ("square 1024", "square 1024"), ("square 2048", "square 2048")]
for t in (1, 2):
    nn = [gflops(f) for f in files(f"gemm_nn_{t}")]
    peer = [{**gflops(f), **gflops(g)} for f, g in zip(files(f"gemm_torch_{t}"), files(f"gemm_numpy_{t}"))]
    for ours, theirs in pairs:
        if all(ours in r for r in nn) and all(theirs in r for r in peer):
            a, b, ratio, spread = summary([r[ours] for r in nn], [r[theirs] for r in peer])
            print(f"{ours:34s} {t:3d} {a:8.1f} {b:8.1f} {ratio:8.2f} {spread:>10s}")

print("\n## Training the Fashion-MNIST MLP 784-300-100-10, samples/s (median epoch after the first)")
print(f"{'batch':>5s} {'thr':>3s} {'nn':>9s} {'torch':>9s} {'nn/torch':>8s} {'range':>10s} {'nn acc':>7s} "
      f"{'torch acc':>9s} {'nn RSS MB':>9s}")
rates = {}
for b in (32, 256):
    for t in (1, 2):
        nn = [kv(f) for f in files(f"train_nn_{b}_{t}")]
        torch = [torch_rate(f) for f in files(f"train_torch_{b}_{t}")]
        rates[(b, t)] = [float(r["samples_per_s"]) for r in nn]
        a, tr, ratio, spread = summary(rates[(b, t)], [r for r, _ in torch])
        print(f"{b:5d} {t:3d} {a:9.0f} {tr:9.0f} {ratio:8.2f} {spread:>10s} {float(nn[0]['test_accuracy']):7.4f} "
              f"{torch[0][1]:9.4f} {max(float(r['peak_rss_mb']) for r in nn):9.0f}")
for b in (256, 32):
    scaling = [two / one for one, two in zip(rates[(b, 1)], rates[(b, 2)])]
    print(f"two threads over one at batch {b}: {statistics.median(scaling):.2f}x"
          + (f" (rounds {', '.join(f'{s:.2f}' for s in scaling)})" if len(scaling) > 1 else ""))
data_mb = (70000 * 784 + 70000) * 4 / 2**20
print(f"memory target: 1.5 x {data_mb:.0f} MB of float32 data + 200 MB = {1.5 * data_mb + 200:.0f} MB")

print("\n## Prediction of the same MLP (medians over the rounds)")
print(f"{'runtime':12s} {'thr':>3s} {'batch-1 median us':>18s} {'batch-256 rows/s':>17s} {'best block':>11s}")
for t in (1, 2):
    runs = {}
    for f in files(f"predict_{t}"):
        for line in f.read_text().splitlines():
            d = dict(p.split("=", 1) for p in line.split())
            runs.setdefault(d["runtime"], []).append(d)
    for runtime, ds in runs.items():
        def med(key):
            return statistics.median(float(d[key]) for d in ds)
        print(f"{runtime:12s} {t:3d} {med('batch1_median_us'):18.1f} {med('batch256_rows_per_s'):17.0f} "
              f"{med('batch256_best_rows_per_s'):11.0f}")
print("\n" + (out / "load.txt").read_text())
