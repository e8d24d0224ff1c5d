# Thin wrappers around bin/soak-analyzer: the guide's "Makefile Quick Reference".
# Overrides: ENV, EXCHANGE, REDIS_URL, ALERT_POLICY (e.g. ENV=prod EXCHANGE=kucoin make soak-once).
# Unset overrides are not passed, so the CLI's own precedence (environment > .env > defaults) applies.

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
               $(if $(REDIS_URL),--redis-url "$(REDIS_URL)") $(if $(ALERT_POLICY),--alert-policy "$(ALERT_POLICY)")

# Smoke/self-test isolation: own alert key, heartbeat key, lock and short TTL.
SMOKE_FLAGS = --iter-glob "$(FAKE_GLOB)" --out-dir $(OUT_DIR) --max-iterations 1 --ttl 600 \
              --lock-file /tmp/soak_smoke.lock --alert-key soak:alerts:qol_smoke

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
	$(SOAK) run $(SMOKE_FLAGS) $(TARGET_FLAGS) --dry-run --state-dir artifacts/state/dry-run
	$(SOAK) run $(SMOKE_FLAGS) $(TARGET_FLAGS) --dry-run --state-dir artifacts/state/dry-run

soak-alert-selftest:     ## Generate fake data (VERDICT=crit|warn|ok) + one cycle, debounce off
	$(SOAK) fake-summary --$(VERDICT) --out $(OUT_DIR)
	$(SOAK) run --iter-glob "$(FAKE_GLOB)" --out-dir $(OUT_DIR) --max-iterations 1 \
	  --alert-debounce-min 0 --ttl 600 --alert-min-severity WARN \
	  --heartbeat-key soak:runner:selftest_heartbeat --alert-key soak:alerts:selftest \
	  --lock-file /tmp/soak_selftest.lock $(TARGET_FLAGS) $(ALERT_OR_DRY) --verbose

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
	  $(if $(ENV),--env "$(ENV)") $(if $(EXCHANGE),--exchange "$(EXCHANGE)") \
	  $(if $(REDIS_URL),--redis-url "$(REDIS_URL)") --stream
