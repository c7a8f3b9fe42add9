#!/usr/bin/env python3
"""Generates reference.json, the fixture the AnswerModel tests compare Rehearse's encoder with.

This is a generator, run by hand, never by the tests:

    pip install numpy tokenizers
    python3 Tests/Fixtures/answer-model/make_reference.py .build/answer-model

It reads the same model.safetensors and tokenizer.json as Rehearse, but shares none of its
code: token ids and offsets come from the `tokenizers` library (the implementation
tokenizer.json is written for), and the forward pass is a plain numpy BERT in float64.
"""

import json
import math
import struct
import sys
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

# Sentences chosen for what they exercise; every one is the project's own.
SENTENCES = [
    "A man is eating food.",
    "A man is eating a piece of bread.",
    # accents, stripped after decomposition; a ligature and a dotted capital I
    "Café crème brûlée at the Zürich façade: naïve Æsir from İzmir.",
    # punctuation inside and between words, a dash and curly quotes
    "Latency (p99) dropped 40%—from 120ms to 72ms; don't “over-quantize” it!",
    # CJK ideographs are split one by one; kana are not
    "中文模型 cuts 記憶體 use; テスト passed.",
    # a word longer than 100 characters becomes one [UNK]
    "It said " + "quantization" * 9 + " twice.",
    # symbols the vocabulary lacks, a non-breaking space, a tab, a zero-width space
    "The ☃ sensor\u00a0and\tthe 🙂 face, zero\u200bwidth.",
    # a control character and the replacement character, which are dropped
    "Bytes \u0007and \ufffdgaps.",
]

# A text near the window's 256 positions, so that every position embedding is exercised.
LONG_TEXT = (
    "We profiled the detector on the board and found the post-processing step took most of "
    "the frame budget, so we moved non-maximum suppression onto the accelerator, fused the "
    "resize into the camera pipeline, and quantized the backbone to eight bits after checking "
    "accuracy on a held-out set of night-time images. "
) * 3 + "Then we measured power at the wall, found the fan was the largest draw, and tuned it."

LAYERS_FOR_TRUNCATION = 3

# Tokenizer-only cases: ids and byte ranges, no vectors.
TOKENIZER_TEXTS = [
    "a\u000bb c\u000cd e\u0085f g\u2028h",  # controls that are also white space
    "\ufb01nance stra\u00dfe \u0130STANBUL \u01c4",  # a ligature, sharp s, dotted I, a digraph
    "e\u0301t\u00e9 x\u0300\u0301y",  # combining accents after the letter
    "\u03a9\u03bc\u03ad\u03b3\u03b1 \u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440",
    "\u0645\u0631\u062d\u0628\u0627 \u0928\u092e\u0938\u094d\u0924\u0947 \uc548\ub155\ud558\uc138\uc694",
    "\u30c6\u30b9\u30c8\u3067\u3059\u3002 \u4e2d\u6587\uff0c\u8c22\u8c22\uff01 \uf900\U0002F800",
    "\U0001F44D\U0001F3FD \U0001F468\u200d\U0001F4BB \u2603\ufe0f",
    "https://example.com/a?b=c&d=e C++ & C# $100 3.14 --flag don't",
    "\u00a9 2024 \u20ac5 \u00b1 1% \u2264 \u2192 \u2026 \u00ab\u00bb \u201e\u201c",
    "word\u00adbreak soft\u2060joiner tab\there\r\nnew",
    "   leading and trailing   ",
    "",
    "x" * 101 + " " + "y" * 100,
]


def random_texts(count, seed=7):
    """Seeded random strings over alphabets that exercise every branch of the tokenizer."""
    import random

    rng = random.Random(seed)
    pools = [
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        " \t\n.,;:!?'\"()[]{}-_/\\@#$%^&*+=<>|~`",
        "\u00e0\u00e9\u00ee\u00f5\u00fc\u00c7\u00d1\u00c5\u0301\u0308\u00df\u00e6\u0153",
        "\u4e00\u4e2d\u6587\u5b57\u3042\u30a2\uac00\u0410\u044f\u03b1\u05d0\u0627",
        "\u2014\u2013\u201c\u201d\u2018\u2019\u00a0\u200b\u2022\u20ac\u00a3\u2122\U0001F600",
    ]
    texts = []
    for _ in range(count):
        length = rng.randint(1, 60)
        texts.append("".join(rng.choice(rng.choice(pools)) for _ in range(length)))
    return texts


def load_safetensors(path):
    data = Path(path).read_bytes()
    (header_length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + header_length])
    base = 8 + header_length
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        start, end = info["data_offsets"]
        array = np.frombuffer(data[base + start : base + end], dtype="<f4").reshape(info["shape"])
        tensors[name] = array.astype(np.float64)
    return tensors


def layer_norm(x, weight, bias, eps=1e-12):
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def gelu(x):
    erf = np.vectorize(math.erf)
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def encode(w, ids, layers=6, heads=12):
    n = len(ids)
    p = "embeddings."
    x = w[p + "word_embeddings.weight"][ids] + w[p + "position_embeddings.weight"][:n]
    x = x + w[p + "token_type_embeddings.weight"][0]
    x = layer_norm(x, w[p + "LayerNorm.weight"], w[p + "LayerNorm.bias"])
    hidden = x.shape[1]
    size = hidden // heads
    for i in range(layers):
        p = f"encoder.layer.{i}."

        def dense(v, name):
            return v @ w[p + name + ".weight"].T + w[p + name + ".bias"]

        q = dense(x, "attention.self.query").reshape(n, heads, size).transpose(1, 0, 2)
        k = dense(x, "attention.self.key").reshape(n, heads, size).transpose(1, 0, 2)
        v = dense(x, "attention.self.value").reshape(n, heads, size).transpose(1, 0, 2)
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(size)
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ v).transpose(1, 0, 2).reshape(n, hidden)
        x = layer_norm(dense(context, "attention.output.dense") + x,
                       w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
        inner = gelu(dense(x, "intermediate.dense"))
        x = layer_norm(dense(inner, "output.dense") + x,
                       w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
    return x


def unit(rows):
    return rows / np.linalg.norm(rows, axis=-1, keepdims=True)


def byte_range(text, start, end):
    return [len(text[:start].encode("utf-8")), len(text[:end].encode("utf-8"))]


def rounded(values):
    return [float(f"{v:.6g}") for v in values]


def describe(tokenizer, weights, text, layers=6, sample_rows=None):
    encoding = tokenizer.encode(text)
    ids = encoding.ids
    hidden = encode(weights, ids, layers=layers)
    pieces = unit(hidden[1:-1])
    pooled = unit(hidden.mean(axis=0))
    count = len(ids) - 2
    rows = sample_rows if sample_rows is not None else sorted({0, count - 1})
    return {
        "text": text,
        "layers": layers,
        "ids": ids,
        "pieces": encoding.tokens[1:-1],
        "ranges": [byte_range(text, s, e) for s, e in encoding.offsets[1:-1]],
        "sampleRows": rows,
        "sampleVectors": [rounded(pieces[r]) for r in rows],
        "sentenceVector": rounded(pooled),
    }


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ".build/answer-model")
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    weights = load_safetensors(folder / "model.safetensors")

    cases = [describe(tokenizer, weights, text) for text in SENTENCES]
    long_case = describe(tokenizer, weights, LONG_TEXT.strip())
    assert len(long_case["ids"]) <= 256, len(long_case["ids"])
    cases.append(long_case)
    cases.append(describe(tokenizer, weights, SENTENCES[3], layers=LAYERS_FOR_TRUNCATION))

    token_cases = []
    for text in TOKENIZER_TEXTS + random_texts(60):
        encoding = tokenizer.encode(text, add_special_tokens=False)
        token_cases.append({
            "text": text,
            "ids": encoding.ids,
            "ranges": [byte_range(text, s, e) for s, e in encoding.offsets],
        })

    first, second = cases[0]["sentenceVector"], cases[1]["sentenceVector"]
    reference = {
        "generator": "make_reference.py (tokenizers + numpy float64)",
        "cases": cases,
        "knownPairCosine": float(np.dot(first, second)),
    }
    out = Path(__file__).with_name("reference.json")
    def lines(items):
        return ",\n".join(json.dumps(item, ensure_ascii=False, separators=(",", ":")) for item in items)

    out.write_text(
        "{\"generator\":" + json.dumps(reference["generator"]) + ",\n"
        + "\"knownPairCosine\":" + json.dumps(reference["knownPairCosine"]) + ",\n"
        + "\"tokenizerCases\":[\n" + lines(token_cases) + "\n],\n"
        + "\"cases\":[\n" + lines(cases) + "\n]}\n",
        encoding="utf-8",
    )
    print(f"wrote {out}: {len(cases)} cases, known pair cosine {reference['knownPairCosine']:.4f}")
    for case in cases:
        print(len(case["ids"]), case["pieces"][:24])


if __name__ == "__main__":
    main()
