"""Writes a small PyTorch MLP as ONNX, with a reference input and PyTorch's output for it.

Usage: /usr/bin/python3 make_torch_mlp.py OUT_DIR

OUT_DIR receives:
  mlp.onnx     the model, opset 17, input "input" [batch, 8], output "output" [batch, 3]
  input.f32    the reference input, raw little-endian float32, row-major
  output.f32   PyTorch's output for it, same encoding
  meta.json    {"input_shape": [...], "output_shape": [...], "parameters": N}

The Java tests run this script; the numbers depend only on the seed.
"""
import json
import pathlib
import sys

import numpy as np
import torch
from torch import nn

SEED = 1234
BATCH = 5


def build_model():
    torch.manual_seed(SEED)
    return nn.Sequential(
        nn.Linear(8, 16), nn.ReLU(),
        nn.Linear(16, 16), nn.Tanh(),
        nn.Linear(16, 3),
    ).eval()


def write_f32(path, tensor):
    # '<f4' pins little-endian float32 whatever the host's byte order
    path.write_bytes(tensor.detach().numpy().astype("<f4").tobytes(order="C"))


def main(out_dir):
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    model = build_model()
    x = torch.randn(BATCH, 8, generator=torch.Generator().manual_seed(SEED + 1))
    with torch.no_grad():
        y = model(x)
    torch.onnx.export(
        model, x, str(out / "mlp.onnx"),
        input_names=["input"], output_names=["output"],
        dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}},
        opset_version=17, do_constant_folding=True,
    )
    write_f32(out / "input.f32", x)
    write_f32(out / "output.f32", y)
    meta = {
        "input_shape": list(x.shape),
        "output_shape": list(y.shape),
        "parameters": sum(p.numel() for p in model.parameters()),
    }
    (out / "meta.json").write_text(json.dumps(meta))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_torch_mlp.py OUT_DIR")
    main(sys.argv[1])
