#!/usr/bin/env bash
# Checks one self-test cycle's log: exits 0 only when the expected alert was delivered on every
# expected channel (or, for VERDICT ok, when nothing was sent), 1 otherwise.
# Usage: scripts/verify-selftest.sh VERDICT LOG [CHANNEL...]
#   VERDICT  crit | warn | ok (the fake data that was analysed)
#   LOG      the runner's stdout + stderr
#   CHANNEL  telegram, slack, ... that must appear in ALERT_SENT; none given = dry-run (the alert
#            text printed) counts as delivered
set -euo pipefail
if [[ $# -lt 2 ]]; then
  echo "usage: $0 crit|warn|ok LOG [CHANNEL...]" >&2
  exit 2
fi
expected=$(echo "$1" | tr '[:lower:]' '[:upper:]')
log=$2
shift 2
if [[ ! -f "$log" ]]; then
  echo "::error::self-test log $log not found"; exit 1
fi
# The cycle must have run on the fake data, whatever the verdict: a runner that failed before
# alerting must not pass as "OK sent nothing".
if ! grep -q "CONTINUOUS_METRICS verdict=$expected " "$log"; then
  echo "::error::expected a completed cycle with CONTINUOUS_METRICS verdict=$expected (see $log)"; exit 1
fi
if [[ "$expected" == OK ]]; then
  if grep -q "ALERT_SENT" "$log"; then
    echo "::error::verdict OK must send nothing, but an alert was sent"; exit 1
  fi
  echo "OK verdict: no alert sent, as expected"; exit 0
fi
line=$(grep -m1 "ALERT_SENT verdict=$expected channels=" "$log" || true)
if [[ -z "$line" ]]; then
  echo "::error::expected ALERT_SENT verdict=$expected, none found (see $log)"; exit 1
fi
delivered=",${line##*channels=},"
if [[ $# -eq 0 ]]; then
  set -- dry-run
fi
for ch in "$@"; do
  if [[ "$delivered" != *",$ch,"* ]]; then
    echo "::error::alert not delivered on $ch"; exit 1
  fi
done
echo "Delivered: $line"
