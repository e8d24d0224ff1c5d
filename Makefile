# Thin wrappers around bin/soak-analyzer: the guide's "Makefile Quick Reference".
# Overrides: ENV, EXCHANGE, REDIS_URL, ALERT_POLICY (e.g. ENV=prod EXCHANGE=kucoin make soak-once).
# Unset overrides are not passed, so the CLI's own precedence (environment > .env > defaults) applies.
# REDIS_URL is never put on a command line: make echoes every recipe, and the URL may hold a
# password. It reaches the CLI through the environment (exported below), which the CLI reads.
ifneq ($(REDIS_URL),)
export REDIS_URL
endif

SOAK          ?= bin/soak-analyzer
ITER_GLOB     ?= artifacts/soak/latest/ITER_SUMMARY_*.json
OUT_DIR       ?= reports/analysis
MIN_WINDOWS   ?= 24
INTERVAL_MIN  ?= 60
VERDICT       ?= crit
FAKE_GLOB     := $(OUT_DIR)/fake/FAKE_ITER_*.json

# Alert channels: the ones whose secrets are set, else a dry run (prints the alert text).
ALERT_FLAGS ?= $(strip $(if $(TELEGRAM_BOT_TOKEN),--alert telegram) $(if $(SLACK_WEBHOOK_URL),--alert slack))
ALERT_OR_DRY := $(if $(ALERT_FLAGS),$(ALERT_FLAGS),--dry-run)

TARGET_FLAGS = $(if $(ENV),--env "$(ENV)") $(if $(EXCHANGE),--exchange "$(EXCHANGE)") \
               $(if $(ALERT_POLICY),--alert-policy "$(ALERT_POLICY)")

# Smoke and self-test isolation: nothing they do reaches production keys. Summary, violations,
# streams, summary hash and lease live under {env}:{exchange}:soak:selftest:*, the alert state at
# {env}:{exchange}:soak:selftest:alert_state, the heartbeat at soak:runner:selftest_heartbeat, with
# their own lock and a short TTL. So `ENV=prod make soak-qol-smoke` neither refreshes the prod
# heartbeat (hiding a dead prod runner) nor puts fake CRIT data where prod dashboards read.
ISOLATION_FLAGS = --key-namespace soak:selftest --alert-key soak:selftest:alert_state \
                  --heartbeat-key soak:runner:selftest_heartbeat --ttl 600 --max-iterations 1
# Their own local state too: the production runner's artifacts/state/{env}.{exchange}/alert_state.json is never
# written by a rehearsal (the newer record wins on read, so a fake alert there would debounce a real one).
SELFTEST_STATE ?= artifacts/state/selftest
SMOKE_FLAGS = --iter-glob "$(FAKE_GLOB)" --out-dir $(OUT_DIR) $(ISOLATION_FLAGS) \
              --state-dir $(SELFTEST_STATE) --lock-file /tmp/soak_smoke.lock
SELFTEST_LOG ?= $(OUT_DIR)/selftest.log
# The channels the self-test must reach (none: a dry run, whose printed alert counts as sent).
EXPECTED_CHANNELS = $(strip $(if $(TELEGRAM_BOT_TOKEN),telegram) $(if $(SLACK_WEBHOOK_URL),slack))

.PHONY: soak-analyze soak-once soak-continuous soak-alert-dry soak-alert-selftest \
        soak-qol-smoke soak-qol-smoke-new-viol soak-violations-redis

soak-analyze:            ## Post-soak analyzer
	$(SOAK) analyze --iter-glob "$(ITER_GLOB)" --min-windows $(MIN_WINDOWS) --out-dir $(OUT_DIR) --verbose

soak-once:               ## Single cycle
	$(SOAK) run --iter-glob "$(ITER_GLOB)" --min-windows $(MIN_WINDOWS) --out-dir $(OUT_DIR) \
	  --max-iterations 1 $(TARGET_FLAGS) $(ALERT_FLAGS) --verbose

soak-continuous:         ## Infinite loop (60 min intervals)
	$(SOAK) run --iter-glob "$(ITER_GLOB)" --min-windows $(MIN_WINDOWS) --out-dir $(OUT_DIR) \
	  --interval-min $(INTERVAL_MIN) --max-iterations 0 $(TARGET_FLAGS) $(ALERT_FLAGS)

soak-alert-dry:          ## Dry-run with debounce: 1st run prints the alert, 2nd is ALERT_DEBOUNCED
	$(SOAK) fake-summary --crit --variant 1 --out $(OUT_DIR)
	$(SOAK) run $(SMOKE_FLAGS) $(TARGET_FLAGS) --dry-run
	$(SOAK) run $(SMOKE_FLAGS) $(TARGET_FLAGS) --dry-run

soak-alert-selftest:     ## Fake data (VERDICT=crit|warn|ok) + one isolated cycle; fails unless delivered
	$(SOAK) fake-summary --$(VERDICT) --out $(OUT_DIR)
	@mkdir -p $(dir $(SELFTEST_LOG))
	$(SOAK) run --iter-glob "$(FAKE_GLOB)" --out-dir $(OUT_DIR) $(ISOLATION_FLAGS) \
	  --alert-debounce-min 0 --alert-min-severity WARN --state-dir $(SELFTEST_STATE) \
	  --lock-file /tmp/soak_selftest.lock \
	  $(TARGET_FLAGS) $(ALERT_OR_DRY) --verbose > $(SELFTEST_LOG) 2>&1; rc=$$?; cat $(SELFTEST_LOG); \
	  if [ $$rc -ne 0 ]; then echo "self-test: runner exited $$rc"; exit $$rc; fi
	scripts/verify-selftest.sh $(VERDICT) $(SELFTEST_LOG) $(EXPECTED_CHANNELS)

soak-qol-smoke:          ## Variant 1: 1st run ALERT_SENT, 2nd run ALERT_DEBOUNCED
	@echo "Step 1: generate fake CRIT (variant 1)"
	$(SOAK) fake-summary --crit --variant 1 --out $(OUT_DIR)
	@echo "Step 2: First run (should alert)"
	$(SOAK) run $(SMOKE_FLAGS) $(TARGET_FLAGS) $(ALERT_OR_DRY)
	@echo "Step 3: Second run (should DEBOUNCE - same violations)"
	$(SOAK) run $(SMOKE_FLAGS) $(TARGET_FLAGS) $(ALERT_OR_DRY)

soak-qol-smoke-new-viol: ## Variant 2: ALERT_BYPASS_DEBOUNCE ... signature_changed=true
	$(SOAK) fake-summary --crit --variant 2 --out $(OUT_DIR)
	$(SOAK) run $(SMOKE_FLAGS) $(TARGET_FLAGS) $(ALERT_OR_DRY)

soak-violations-redis:   ## Export the last analysis to Redis (hash + stream)
	$(SOAK) export-redis --summary $(OUT_DIR)/SOAK_SUMMARY.json --violations $(OUT_DIR)/VIOLATIONS.json \
	  $(if $(ENV),--env "$(ENV)") $(if $(EXCHANGE),--exchange "$(EXCHANGE)") --stream
