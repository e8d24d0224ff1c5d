#!/usr/bin/env python3
"""Regenerates fixtures/ (the bundled ITER_SUMMARY sets of the guide's five test scenarios).

Deterministic: a seeded generator, so the committed files and golden reports stay stable.
Each set uses a different input shape so every input shape README lists ships as an example.
"""
import json, math, os, random, shutil

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")


def wave(i, n, lo, hi, phase=0.0):
    return lo + (hi - lo) * (0.5 + 0.5 * math.sin(2 * math.pi * (i / n) + phase))


def write(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=2, ensure_ascii=False)
        f.write("\n")


def healthy(rng, i, n, base_edge=3.0):
    return {
        "edge_bps": round(base_edge + 0.25 * math.sin(i / 3) + rng.uniform(-0.05, 0.05), 3),
        "maker_taker_ratio": round(0.86 + 0.02 * math.sin(i / 4) + rng.uniform(-0.005, 0.005), 3),
        "p95_latency_ms": round(260 + 25 * math.sin(i / 5) + rng.uniform(-5, 5), 1),
        "risk_ratio": round(0.33 + 0.03 * math.sin(i / 6) + rng.uniform(-0.01, 0.01), 3),
    }


def soak_ok():
    # "multi" shape: one file per window, {"iteration", "symbols": {SYM: metrics}}
    rng = random.Random(1)
    d = os.path.join(ROOT, "soak_ok")
    for i in range(1, 25):
        write(os.path.join(d, f"ITER_SUMMARY_{i}.json"), {
            "iteration": i,
            "timestamp": f"2025-10-21T{(i - 1) // 2:02d}:{30 * ((i - 1) % 2):02d}:00Z",
            "profile": "moderate",
            "commit": "abc123" if i <= 12 else "def456",
            "symbols": {
                "BTCUSDT": healthy(rng, i, 24, 3.1),
                "ETHUSDT": healthy(rng, i, 24, 2.9),
            },
        })


def soak_warn():
    # "flat" shape: one file per symbol per window, ITER_SUMMARY_<n>_<SYM>.json
    rng = random.Random(2)
    d = os.path.join(ROOT, "soak_warn")
    for i in range(1, 25):
        t = (i - 1) / 23
        write(os.path.join(d, f"ITER_SUMMARY_{i}_BTCUSDT.json"),
              {"symbol": "BTCUSDT", "source": "soak", **healthy(rng, i, 24, 3.0)})
        eth = {
            # ETHUSDT drifts from healthy into WARN on every metric, never CRIT.
            "edge_bps": round(2.95 - 0.5 * t + rng.uniform(-0.03, 0.03), 3),
            "maker_taker_ratio": round(0.85 - 0.07 * t + rng.uniform(-0.004, 0.004), 3),
            "p95_latency_ms": round(300 + 62 * t + rng.uniform(-4, 4), 1),
            "risk_ratio": round(0.38 + 0.09 * t + rng.uniform(-0.005, 0.005), 3),
        }
        write(os.path.join(d, f"ITER_SUMMARY_{i}_ETHUSDT.json"), {"symbol": "ETHUSDT", "source": "soak", **eth})


def soak_crit():
    # "runner" shape: the soak runner's own schema, one portfolio-level summary per window (row ALL)
    rng = random.Random(3)
    d = os.path.join(ROOT, "soak_crit")
    for i in range(1, 25):
        t = (i - 1) / 23
        late = i >= 20
        summary = {
            "net_bps": round(3.0 - 1.3 * t ** 2 + rng.uniform(-0.04, 0.04), 3),
            "maker_taker_ratio": round(0.87 - 0.06 * t + rng.uniform(-0.004, 0.004), 3),
            "p95_latency_ms": round((420 + 15 * (i - 20)) if late else 280 + 40 * t + rng.uniform(-6, 6), 1),
            "risk_ratio": round(0.36 + 0.1 * t + rng.uniform(-0.005, 0.005), 3),
            "fills": 1200 + 37 * i,
        }
        write(os.path.join(d, f"ITER_SUMMARY_{i}.json"), {
            "iteration": i,
            "timestamp": f"2025-10-22T{i - 1:02d}:00:00Z",
            "symbols": ["BTCUSDT", "ETHUSDT", "SOLUSDT"],
            "profile": "aggressive",
            "summary": summary,
            "tuning": {"spread_bps": 1.2, "levels": 3},
            "meta": {"commit": "1a2b3c4" if i <= 16 else "5d6e7f8", "source": "soak"},
        })


def soak_short():
    # "nested" shape: {"iteration", "summary": {"symbol", metrics}}; only 8 windows
    rng = random.Random(4)
    d = os.path.join(ROOT, "soak_short")
    for i in range(1, 9):
        for sym, base in (("BTCUSDT", 3.0), ("ETHUSDT", 2.8)):
            write(os.path.join(d, f"ITER_SUMMARY_{i}_{sym}.json"),
                  {"iteration": i, "summary": {"symbol": sym, **healthy(rng, i, 8, base)}})


def soak_multi():
    # "keyed" shape: top-level symbol keys plus meta; 4 symbols for --symbols filtering
    rng = random.Random(5)
    d = os.path.join(ROOT, "soak_multi")
    for i in range(1, 25):
        t = (i - 1) / 23
        sol = healthy(rng, i, 24, 2.7)
        sol["maker_taker_ratio"] = round(0.81 - 0.08 * t + rng.uniform(-0.004, 0.004), 3)
        btc = healthy(rng, i, 24, 3.2)
        if i in (17, 23):
            btc["p95_latency_ms"] = 362.5 + i  # latency spikes: WARN windows for BTCUSDT
        if i == 21:
            btc["edge_bps"] = 2.41
        xrp = healthy(rng, i, 24, 2.6)
        xrp["risk_ratio"] = None if i % 7 == 0 else round(0.40 + 0.12 * t, 3)
        write(os.path.join(d, f"ITER_SUMMARY_{i}.json"), {
            "window_index": i,
            "BTCUSDT": btc,
            "ETHUSDT": healthy(rng, i, 24, 2.9),
            "SOLUSDT": sol,
            "XRPUSDT": xrp,
            "meta": {"commit": "9f8e7d6", "profile": "conservative", "source": "soak"},
        })


if __name__ == "__main__":
    for name in ("soak_ok", "soak_warn", "soak_crit", "soak_short", "soak_multi"):
        shutil.rmtree(os.path.join(ROOT, name), ignore_errors=True)
    soak_ok(); soak_warn(); soak_crit(); soak_short(); soak_multi()
    print("fixtures regenerated under", os.path.normpath(ROOT))
