package dev.soakanalyzer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's "Makefile Quick Reference": every target is a thin call of the CLI, the ENV overrides
 * reach it, and a Redis password never appears in what make echoes. The CLI is replaced by a stub
 * ({@code SOAK=...}) that records its arguments and the REDIS_URL it was given.
 */
class MakefileTest {
  private static final Path PROJECT = Path.of(System.getProperty("soak.project.dir", "."));
  private static final String SECRET_URL = "redis://:Pa55word@redis.example:6380/1";

  private static final String DRY_RUN_CRIT_CYCLE =
      "[INFO] ALERT_SENT verdict=CRIT channels=dry-run\n"
          + "[INFO] CONTINUOUS_METRICS verdict=CRIT windows=24 symbols=3 crit=3 warn=0 ok=9";

  @TempDir Path tmp;

  record Made(int code, String echoed, String calls) {}

  private Made make(Map<String, String> env, String... args) throws Exception {
    Path stub = tmp.resolve("soak-stub.sh");
    Path calls = tmp.resolve("calls.log");
    // A run call prints STUB_OUTPUT, standing for what the runner logged.
    Files.writeString(
        stub,
        "#!/bin/sh\necho \"CALL $* REDIS_URL_ENV=${REDIS_URL:-unset}\" >> '"
            + calls
            + "'\nif [ \"$1\" = run ] && [ -n \"$STUB_OUTPUT\" ]; then printf '%s\\n' \"$STUB_OUTPUT\"; fi\n");
    Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> cmd = new ArrayList<>(List.of("make", "--no-print-directory", "-C"));
    cmd.add(PROJECT.toAbsolutePath().toString());
    cmd.add("SOAK=" + stub);
    cmd.add("SELFTEST_LOG=" + tmp.resolve("selftest.log"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().keySet().removeAll(List.of("REDIS_URL", "ENV", "EXCHANGE", "ALERT_POLICY"));
    pb.environment().keySet().removeAll(List.of("TELEGRAM_BOT_TOKEN", "SLACK_WEBHOOK_URL"));
    pb.environment().put("STUB_OUTPUT", DRY_RUN_CRIT_CYCLE);
    pb.environment().putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new AssertionError(
          "GNU make is needed for the Makefile test (apt-get install make)", e);
    }
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String log = Files.exists(calls) ? Files.readString(calls) : "";
    return new Made(p.exitValue(), out, log);
  }

  @Test
  void everyQuickReferenceTargetCallsTheCli() throws Exception {
    for (String target :
        List.of(
            "soak-analyze",
            "soak-once",
            "soak-continuous",
            "soak-alert-dry",
            "soak-alert-selftest",
            "soak-qol-smoke",
            "soak-qol-smoke-new-viol",
            "soak-violations-redis")) {
      Made m = make(Map.of(), target);
      assertThat(m.code()).as(target + ":\n" + m.echoed()).isZero();
      assertThat(m.calls()).as(target).startsWith("CALL ");
    }
  }

  @Test
  void aRedisUrlWithAPasswordReachesTheCliButIsNeverEchoed() throws Exception {
    for (String target : List.of("soak-once", "soak-qol-smoke", "soak-violations-redis")) {
      Made fromEnv = make(Map.of("REDIS_URL", SECRET_URL), target);
      Made fromArg = make(Map.of(), target, "REDIS_URL=" + SECRET_URL);
      for (Made m : List.of(fromEnv, fromArg)) {
        assertThat(m.echoed()).as(target).doesNotContain("Pa55word");
        assertThat(m.calls()).as(target).contains("REDIS_URL_ENV=" + SECRET_URL);
      }
    }
  }

  @Test
  void theGuidesEnvOverridesReachTheCli() throws Exception {
    Made m =
        make(
            Map.of("ENV", "prod", "EXCHANGE", "kucoin", "ALERT_POLICY", "dev=WARN,prod=CRIT"),
            "soak-once");
    assertThat(m.calls())
        .contains("--env prod")
        .contains("--exchange kucoin")
        .contains("--alert-policy dev=WARN,prod=CRIT")
        .contains("--max-iterations 1");
  }

  @Test
  void theSmokeTargetsUseTheGuidesAlertStateKeyAndTheFakeData() throws Exception {
    Made smoke = make(Map.of(), "soak-qol-smoke");
    assertThat(smoke.calls().lines())
        .hasSize(3)
        .first()
        .asString()
        .contains("fake-summary --crit --variant 1");
    assertThat(smoke.calls().lines().skip(1))
        .allSatisfy(
            l ->
                assertThat(l)
                    .contains("run --iter-glob reports/analysis/fake/FAKE_ITER_*.json")
                    .contains("--key-namespace soak:selftest")
                    .contains("--alert-key soak:selftest:alert_state")
                    .contains("--heartbeat-key soak:runner:selftest_heartbeat")
                    .contains("--state-dir artifacts/state/selftest")
                    .contains("--ttl 600"));
    Made newViol = make(Map.of(), "soak-qol-smoke-new-viol");
    assertThat(newViol.calls()).contains("fake-summary --crit --variant 2");
  }

  @Test
  void noSmokeOrSelfTestTargetTouchesProductionKeysOrState() throws Exception {
    for (String target :
        List.of(
            "soak-qol-smoke", "soak-qol-smoke-new-viol", "soak-alert-dry", "soak-alert-selftest")) {
      Made m = make(Map.of("ENV", "prod"), target);
      assertThat(m.calls().lines().filter(l -> l.startsWith("CALL run ")))
          .as(target)
          .isNotEmpty()
          .allSatisfy(
              l ->
                  assertThat(l)
                      .contains("--env prod")
                      .contains("--key-namespace soak:selftest")
                      .contains("--heartbeat-key soak:runner:selftest_heartbeat")
                      .contains("--alert-key soak:selftest:")
                      .contains("--state-dir artifacts/state/selftest")
                      .doesNotContain("soak:alerts:debounce"));
    }
  }

  @Test
  void theSelfTestFailsWhenTheExpectedAlertWasNotDelivered() throws Exception {
    Made delivered = make(Map.of(), "soak-alert-selftest");
    assertThat(delivered.code()).as(delivered.echoed()).isZero();
    assertThat(delivered.echoed()).contains("Delivered: [INFO] ALERT_SENT verdict=CRIT");

    String failed =
        "warn: ALERT_FAILED not delivered on any channel, will retry next cycle\n"
            + "[INFO] CONTINUOUS_METRICS verdict=CRIT windows=24 symbols=3 crit=3 warn=0 ok=9";
    Made none = make(Map.of("STUB_OUTPUT", failed), "soak-alert-selftest");
    assertThat(none.code()).as(none.echoed()).isNotZero();
    assertThat(none.echoed()).contains("expected ALERT_SENT verdict=CRIT, none found");

    String slackOnly =
        "[INFO] ALERT_SENT verdict=CRIT channels=slack\n"
            + "[INFO] CONTINUOUS_METRICS verdict=CRIT windows=24 symbols=3 crit=3 warn=0 ok=9";
    Made partly =
        make(
            Map.of(
                "STUB_OUTPUT", slackOnly,
                "TELEGRAM_BOT_TOKEN", "1:x",
                "SLACK_WEBHOOK_URL", "http://127.0.0.1:1/hook"),
            "soak-alert-selftest");
    assertThat(partly.code()).as(partly.echoed()).isNotZero();
    assertThat(partly.echoed()).contains("alert not delivered on telegram");

    Made ok =
        make(
            Map.of("STUB_OUTPUT", "[INFO] CONTINUOUS_METRICS verdict=OK windows=24"),
            "soak-alert-selftest",
            "VERDICT=ok");
    assertThat(ok.code()).as(ok.echoed()).isZero();
    Made okSent =
        make(
            Map.of(
                "STUB_OUTPUT",
                "[INFO] ALERT_SENT verdict=OK channels=dry-run\n[INFO] CONTINUOUS_METRICS verdict=OK w"),
            "soak-alert-selftest",
            "VERDICT=ok");
    assertThat(okSent.code()).as(okSent.echoed()).isNotZero();
  }
}
