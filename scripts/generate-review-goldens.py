#!/usr/bin/env python3
"""Writes the inputs of the golden scenarios about what reviewers see (deterministic, no RNG):

- chart-spike-long-run: 200 windows (101-300) of one symbol; p95 is ~300 ms with one 900 ms spike
  at window 250, so a chart that averages chunks would hide it below the CRIT line.
- forty-symbols-five-crit: 40 symbols x 24 windows in the multi-symbol shape; 5 symbols are CRIT
  (on different metrics, mid-run, then recovered), 4 are WARN, the rest OK.
- no-data-metric: every threshold respected but risk_ratio never reported for ETHUSDT, and a
  constant maker/taker ratio bucketed by 3 (floating-point noise must not read as a trend).
Run from the repository root: python3 scripts/generate-review-goldens.py
"""
import json
import math
import os

ROOT = "src/test/resources/golden"


def write(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")


def spike():
    d = f"{ROOT}/chart-spike-long-run"
    for w in range(101, 301):
        lat = 300 + round(20 * math.sin(w / 7.0), 1)
        if w == 250:
            lat = 900
        write(f"{d}/input/ITER_SUMMARY_{w}_BTCUSDT.json", {
            "symbol": "BTCUSDT", "commit": "1a2b3c4d5e6f", "profile": "moderate",
            "edge_bps": round(3.1 + 0.1 * math.cos(w / 5.0), 3),
            "maker_taker_ratio": round(0.86 + 0.01 * math.sin(w / 3.0), 3),
            "p95_latency_ms": lat,
            "risk_ratio": round(0.33 + 0.02 * math.sin(w / 11.0), 3)})
    open(f"{d}/args", "w").write("analyze\n--iter-glob\ninput/*.json\n")


def forty():
    d = f"{ROOT}/forty-symbols-five-crit"
    names = [f"{p}USDT" for p in (
        "AAVE ADA APT ARB ATOM AVAX BCH BNB BTC DOGE DOT ETC ETH FIL HBAR ICP INJ LDO LINK LTC "
        "NEAR OP PEPE SEI SHIB SOL STX SUI TIA TON TRX UNI WIF WLD XLM XMR XRP ZEC ZRO MKR").split()]
    crit = {"TRXUSDT": "p95_latency_ms", "ADAUSDT": "edge_bps", "SOLUSDT": "risk_ratio",
            "XRPUSDT": "maker_taker_ratio", "NEARUSDT": "p95_latency_ms"}
    warn = {"DOGEUSDT": "edge_bps", "LINKUSDT": "p95_latency_ms", "TONUSDT": "risk_ratio",
            "BTCUSDT": "maker_taker_ratio"}
    for w in range(1, 25):
        symbols = {}
        for i, s in enumerate(names):
            v = {"edge_bps": round(3.0 + 0.05 * math.sin(w + i), 2),
                 "maker_taker_ratio": round(0.86 + 0.005 * math.cos(w + i), 3),
                 "p95_latency_ms": round(280 + 10 * math.sin(w / 3.0 + i)),
                 "risk_ratio": round(0.34 + 0.01 * math.cos(w / 4.0 + i), 3)}
            bad = crit.get(s)
            if bad and 10 <= w <= 13:  # CRIT mid-run, recovered by the last window
                v[bad] = {"edge_bps": 1.7, "maker_taker_ratio": 0.70,
                          "p95_latency_ms": 480 + 10 * w, "risk_ratio": 0.58}[bad]
            bad = warn.get(s)
            if bad and w >= 20:
                v[bad] = {"edge_bps": 2.4, "maker_taker_ratio": 0.78,
                          "p95_latency_ms": 370, "risk_ratio": 0.47}[bad]
            symbols[s] = v
        write(f"{d}/input/ITER_SUMMARY_{w}.json", {"iteration": w, "symbols": symbols})
    open(f"{d}/args", "w").write("analyze\n--iter-glob\ninput/*.json\n")


def no_data():
    d = f"{ROOT}/no-data-metric"
    for w in range(1, 25):
        for s in ("BTCUSDT", "ETHUSDT"):
            v = {"symbol": s, "edge_bps": round(3.0 + 0.02 * w, 2),
                 "maker_taker_ratio": 0.83, "p95_latency_ms": 300 - w,
                 "risk_ratio": 0.3}
            if s == "ETHUSDT":
                del v["risk_ratio"]
            write(f"{d}/input/ITER_SUMMARY_{w}_{s}.json", v)
    open(f"{d}/args", "w").write(
        "analyze\n--iter-glob\ninput/*.json\n--time-buckets\n3\n--lang\nen\n")


spike()
forty()
no_data()
