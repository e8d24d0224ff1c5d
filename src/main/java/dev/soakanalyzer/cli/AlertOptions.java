package dev.soakanalyzer.cli;

import static dev.soakanalyzer.cli.Specs.option;

import dev.soakanalyzer.alert.AlertChannel;
import dev.soakanalyzer.alert.AlertPolicy;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.http.ProxyConfig;
import dev.soakanalyzer.runner.EnvLayers;
import dev.soakanalyzer.runner.RunnerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.OptionSpec;

/** The alert options of {@code run}, mapped once: flag, else environment, else {@code .env}. */
final class AlertOptions extends OptionGroup {
  static final long DEFAULT_DEBOUNCE_MIN = 180;

  private final OptionSpec alert =
      add(
          option(
                  "--alert",
                  List.class,
                  "telegram|slack",
                  "Alert channel, repeatable (default: none).")
              .auxiliaryTypes(String.class)
              .splitRegex(",")
              .build());

  private final OptionSpec alertMinSeverity =
      add(
          option(
                  "--alert-min-severity",
                  String.class,
                  "LEVEL",
                  "Lowest verdict that alerts: OK, WARN, CRIT (env ALERT_MIN_SEVERITY, default CRIT).")
              .build());

  private final OptionSpec alertPolicy =
      add(
          option(
                  "--alert-policy",
                  String.class,
                  "ENV=LEVEL,...",
                  "Per-environment minimum severity, e.g. dev=WARN,staging=WARN,prod=CRIT (env ALERT_POLICY);"
                      + " overrides --alert-min-severity for the listed envs.")
              .build());

  private final OptionSpec alertDebounceMin =
      add(
          option(
                  "--alert-debounce-min",
                  Long.class,
                  "MIN",
                  "Debounce window in minutes, 0 = off (env ALERT_DEBOUNCE_MIN, default 180).")
              .build());

  private final OptionSpec alertKey =
      add(
          option(
                  "--alert-key",
                  String.class,
                  "KEY",
                  "Alert state key, prefixed {env}:{exchange}: (default: ${DEFAULT-VALUE}).")
              .defaultValue(RunnerConfig.DEFAULT_ALERT_KEY)
              .build());

  private final OptionSpec redisDownMax =
      add(
          option(
                  "--redis-down-max",
                  int.class,
                  "N",
                  "WARN alert after N consecutive exports skipped because Redis is down, 0 = never"
                      + " (default: ${DEFAULT-VALUE}).")
              .defaultValue("3")
              .build());

  private final OptionSpec noAlertResolved =
      add(
          Specs.flag(
              "Do not send the one [✅ RESOLVED] message when the verdict clears after an alert.",
              "--no-alert-resolved"));

  private final OptionSpec caFile =
      add(
          option(
                  "--ca-file",
                  java.nio.file.Path.class,
                  "PEM",
                  "CA certificate(s) trusted besides the JDK's for HTTPS (Telegram, Slack), e.g. an"
                      + " enterprise CA; SSL_CERT_FILE and NODE_EXTRA_CA_CERTS add theirs too.")
              .build());

  /** The {@code --ca-file}, resolved against {@code work}, or none. */
  List<java.nio.file.Path> caFiles(java.nio.file.Path work) {
    java.nio.file.Path f = caFile.getValue();
    return f == null ? List.of() : List.of(work.resolve(f));
  }

  String alertKey() {
    return alertKey.getValue();
  }

  int redisDownMax() {
    return redisDownMax.getValue();
  }

  boolean alertResolved() {
    return !Specs.on(noAlertResolved);
  }

  /** The severity policy; problems reported, a usable default returned. */
  AlertPolicy policy(EnvLayers layers, List<String> problems) {
    Level minSeverity = Level.CRIT;
    try {
      minSeverity =
          AlertPolicy.parseLevel(
              layers.pick(alertMinSeverity.getValue(), "ALERT_MIN_SEVERITY", "CRIT"),
              "--alert-min-severity");
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    try {
      return AlertPolicy.parse(
          layers.pick(alertPolicy.getValue(), "ALERT_POLICY", ""), minSeverity);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return new AlertPolicy(Map.of(), minSeverity);
    }
  }

  /** One sentence per bad value of the plain numeric alert flags. */
  void check(List<String> problems) {
    if (redisDownMax() < 0) {
      problems.add("--redis-down-max must be 0 or more, not " + redisDownMax());
    }
  }

  long debounceMin(EnvLayers layers, List<String> problems) {
    long debounce = DEFAULT_DEBOUNCE_MIN;
    Long alertDebounceMin = this.alertDebounceMin.getValue();
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
    List<String> alert = this.alert.getValue() == null ? List.of() : this.alert.getValue();
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
            layers.get("SLACK_WEBHOOK_URL").orElse(null),
            // The proxy's password, should any message ever carry it (the URL itself is not
            // logged); its problems are reported where the HTTP clients are built.
            ProxyConfig.fromEnvironment(layers.environment(), new ArrayList<>()).secrets());
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
