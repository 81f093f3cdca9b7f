"""Reads an nn model file with json and numpy only (no nn, no safetensors package) and checks its
weights against the expected bits. Usage: read_weights.py MODEL_FILE EXPECTED_JSON"""
import json
import struct
import sys

import numpy as np

model_path, expected_path = sys.argv[1], sys.argv[2]
with open(model_path, "rb") as f:
    (header_length,) = struct.unpack("<Q", f.read(8))
    header = json.loads(f.read(header_length))
    data = f.read()
metadata = header.pop("__metadata__")
assert metadata["format"] == "nn.model", metadata["format"]
config = json.loads(metadata["nn_config"])
assert config["model"]["class"] == "Sequential", config["model"]["class"]

with open(expected_path) as f:
    expected = json.load(f)
for name, want in expected.items():
    entry = header[name]
    assert entry["dtype"] == "F32", entry
    begin, end = entry["data_offsets"]
    got = np.frombuffer(data[begin:end], dtype="<f4").reshape(entry["shape"])
    want_values = np.array(want["bits"], dtype=np.uint32).view(np.float32).reshape(want["shape"])
    assert got.shape == want_values.shape, (name, got.shape, want_values.shape)
    assert np.array_equal(got, want_values), name
print("read", len(expected), "weights of", config["model"]["config"]["name"], "without nn")
