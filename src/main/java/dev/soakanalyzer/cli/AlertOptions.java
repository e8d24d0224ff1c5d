package dev.soakanalyzer.cli;

import dev.soakanalyzer.alert.AlertChannel;
import dev.soakanalyzer.alert.AlertPolicy;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.runner.EnvLayers;
import dev.soakanalyzer.runner.RunnerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The alert options of {@code run}, mapped once: flag, else environment, else {@code .env}. */
final class AlertOptions {
  static final long DEFAULT_DEBOUNCE_MIN = 180;

  @Option(
      names = "--alert",
      paramLabel = "telegram|slack",
      split = ",",
      description = "Alert channel, repeatable (default: none).")
  List<String> alert = new ArrayList<>();

  @Option(
      names = "--alert-min-severity",
      paramLabel = "LEVEL",
      description =
          "Lowest verdict that alerts: OK, WARN, CRIT (env ALERT_MIN_SEVERITY, default CRIT).")
  String alertMinSeverity;

  @Option(
      names = "--alert-policy",
      paramLabel = "ENV=LEVEL,...",
      description =
          "Per-environment minimum severity, e.g. dev=WARN,staging=WARN,prod=CRIT (env ALERT_POLICY);"
              + " overrides --alert-min-severity for the listed envs.")
  String alertPolicy;

  @Option(
      names = "--alert-debounce-min",
      paramLabel = "MIN",
      description = "Debounce window in minutes, 0 = off (env ALERT_DEBOUNCE_MIN, default 180).")
  Long alertDebounceMin;

  @Option(
      names = "--alert-key",
      paramLabel = "KEY",
      defaultValue = RunnerConfig.DEFAULT_ALERT_KEY,
      description = "Alert state key, prefixed {env}:{exchange}: (default: ${DEFAULT-VALUE}).")
  String alertKey;

  @Option(
      names = "--redis-down-max",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "WARN alert after N consecutive exports skipped because Redis is down, 0 = never"
              + " (default: ${DEFAULT-VALUE}).")
  int redisDownMax;

  @Option(
      names = "--no-alert-resolved",
      description =
          "Do not send the one [✅ RESOLVED] message when the verdict clears after an alert.")
  boolean noAlertResolved;

  /** The severity policy; problems reported, a usable default returned. */
  AlertPolicy policy(EnvLayers layers, List<String> problems) {
    Level minSeverity = Level.CRIT;
    try {
      minSeverity =
          AlertPolicy.parseLevel(
              layers.pick(alertMinSeverity, "ALERT_MIN_SEVERITY", "CRIT"), "--alert-min-severity");
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    try {
      return AlertPolicy.parse(layers.pick(alertPolicy, "ALERT_POLICY", ""), minSeverity);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return new AlertPolicy(Map.of(), minSeverity);
    }
  }

  /** One sentence per bad value of the plain numeric alert flags. */
  void check(List<String> problems) {
    if (redisDownMax < 0) {
      problems.add("--redis-down-max must be 0 or more, not " + redisDownMax);
    }
  }

  long debounceMin(EnvLayers layers, List<String> problems) {
    long debounce = DEFAULT_DEBOUNCE_MIN;
    try {
      debounce =
          alertDebounceMin != null
              ? alertDebounceMin
              : Long.parseLong(
                  layers
                      .get("ALERT_DEBOUNCE_MIN")
                      .orElse(String.valueOf(DEFAULT_DEBOUNCE_MIN))
                      .strip());
    } catch (NumberFormatException e) {
      problems.add("ALERT_DEBOUNCE_MIN must be a whole number of minutes");
    }
    if (debounce < 0) {
      problems.add("--alert-debounce-min must be 0 or more, not " + debounce);
    }
    return debounce;
  }

  /** The channels asked for, each once, in the order given. */
  List<AlertChannel> channels(List<String> problems) {
    List<AlertChannel> channels = new ArrayList<>();
    for (String a : alert) {
      if (a.isBlank()) {
        continue;
      }
      Optional<AlertChannel> ch = AlertChannel.parse(a);
      if (ch.isEmpty()) {
        problems.add("--alert must be telegram or slack, not '" + a.strip() + "'");
      } else if (!channels.contains(ch.get())) {
        channels.add(ch.get());
      }
    }
    return channels;
  }

  /** The channel credentials from the environment; checked unless {@code dryRun}. */
  RunnerConfig.Secrets secrets(
      EnvLayers layers, List<AlertChannel> channels, boolean dryRun, List<String> problems) {
    RunnerConfig.Secrets secrets =
        new RunnerConfig.Secrets(
            layers.get("TELEGRAM_BOT_TOKEN").orElse(null),
            layers.get("TELEGRAM_CHAT_ID").orElse(null),
            layers.get("TELEGRAM_API_URL").orElse(null),
            layers.get("SLACK_WEBHOOK_URL").orElse(null));
    if (!dryRun) {
      for (AlertChannel ch : channels) {
        switch (ch) {
          case TELEGRAM -> {
            if (secrets.telegramToken() == null || secrets.telegramChatId() == null) {
              problems.add("--alert telegram needs TELEGRAM_BOT_TOKEN and TELEGRAM_CHAT_ID");
            }
          }
          case SLACK -> {
            if (secrets.slackWebhookUrl() == null) {
              problems.add("--alert slack needs SLACK_WEBHOOK_URL");
            }
          }
        }
      }
    }
    return secrets;
  }
}
