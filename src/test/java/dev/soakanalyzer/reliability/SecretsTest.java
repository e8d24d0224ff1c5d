package dev.soakanalyzer.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.soakanalyzer.alert.FakeChatServer;
import dev.soakanalyzer.alert.FakeChatServer.Reply;
import dev.soakanalyzer.cli.CliContext;
import dev.soakanalyzer.cli.Main;
import dev.soakanalyzer.github.FakeGitHub;
import dev.soakanalyzer.github.SimulatedRunner;
import dev.soakanalyzer.testsupport.MutableClock;
import dev.soakanalyzer.testsupport.RealRedis;
import dev.soakanalyzer.testsupport.RedisServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, secrets: a full {@code run} (Redis with a password, Telegram and Slack that fail and
 * then deliver, Redis refusing a wrong password), a full {@code action} (GitHub comment, Redis
 * export) and {@code export-redis}, all with distinctive secrets; then every stdout and stderr
 * line, every file left in the work directory and every request body sent to a fake is searched for
 * each secret, raw and URL-encoded.
 */
class SecretsTest {
  private static final Path PROJECT = Path.of(System.getProperty("soak.project.dir", "."));

  private static final String TELEGRAM_TOKEN = "7001337:AAtg-SECRET_tok~en";
  private static final String SLACK_PATH = "/services/T0SECRET/B0SECRET/sl4ckS3cretHook";
  private static final String REDIS_PASSWORD = "rp@ss/SECRET+w0rd";
  private static final String WRONG_PASSWORD = "wr0ng@PASS/SECRET";
  private static final String GITHUB_TOKEN = "ghs_GITHUBSECRETt0ken9876";

  @RegisterExtension
  static final RealRedis REDIS =
      new RealRedis(RedisServer.Options.plain().withAclUser("soak", REDIS_PASSWORD));

  @TempDir Path work;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T12:00:00Z"));
  private final Map<String, String> env = new HashMap<>();
  private final List<String> outputs = new ArrayList<>();
  private FakeChatServer telegram;
  private FakeChatServer slack;
  private FakeGitHub github;

  @BeforeEach
  void fakes() throws IOException {
    telegram = new FakeChatServer();
    slack = new FakeChatServer();
    github = new FakeGitHub();
  }

  @AfterEach
  void stopFakes() {
    telegram.close();
    slack.close();
    github.close();
  }

  private String redisUrl(String password) {
    RedisServer server = REDIS.server();
    return server.url("soak", URLEncoder.encode(password, StandardCharsets.UTF_8), 0);
  }

  private String slackUrl() {
    return slack.url() + SLACK_PATH;
  }

  /** Every secret value that must not appear, and the forms it may take on the way out. */
  private Map<String, String> forbidden() {
    Map<String, String> secrets = new LinkedHashMap<>();
    for (String s :
        List.of(
            TELEGRAM_TOKEN,
            "SECRET_tok~en",
            SLACK_PATH,
            "sl4ckS3cretHook",
            slackUrl(),
            REDIS_PASSWORD,
            WRONG_PASSWORD,
            redisUrl(REDIS_PASSWORD),
            redisUrl(WRONG_PASSWORD),
            GITHUB_TOKEN)) {
      secrets.put(s, s);
      secrets.put(URLEncoder.encode(s, StandardCharsets.UTF_8), s);
    }
    return secrets;
  }

  private int cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args, new CliContext(new PrintWriter(out), new PrintWriter(err), env, clock, work));
    // Labelled by the command only: the arguments hold the secrets on purpose.
    outputs.add(args[0] + " #" + outputs.size() / 2 + " stdout:\n" + out);
    outputs.add(args[0] + " #" + outputs.size() / 2 + " stderr:\n" + err);
    return code;
  }

  @Test
  void noSecretReachesAnyOutputOfARunAnActionOrAnExportAndTheActionMasksThemAll() throws Exception {
    assertThat(cli("fake-summary", "--crit", "--variant", "1", "--out", "reports/analysis"))
        .isZero();

    // 1. run: Telegram rate-limits then refuses (its error echoes the token), Slack's error
    // echoes the webhook; the second cycle delivers on both.
    env.put("TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN);
    env.put("TELEGRAM_CHAT_ID", "-100777");
    env.put("TELEGRAM_API_URL", telegram.url());
    env.put("SLACK_WEBHOOK_URL", slackUrl());
    env.put("REDIS_URL", redisUrl(REDIS_PASSWORD));
    telegram.reply(
        new Reply(429, "{\"ok\":false,\"parameters\":{\"retry_after\":0}}", Map.of()),
        new Reply(
            401,
            "{\"ok\":false,\"description\":\"Unauthorized: bot"
                + TELEGRAM_TOKEN
                + " (as sent: "
                + URLEncoder.encode(TELEGRAM_TOKEN, StandardCharsets.UTF_8)
                + ") rejected\"}",
            Map.of()));
    slack.reply(
        new Reply(
            404,
            "{\"description\":\"no_service " + slackUrl() + " path " + SLACK_PATH + "\"}",
            Map.of()));
    String[] run = {
      "run",
      "--verbose",
      "--iter-glob",
      "reports/analysis/fake/FAKE_ITER_*.json",
      "--out-dir",
      "reports/analysis",
      "--max-iterations",
      "2",
      "--interval-min",
      "0",
      "--alert-debounce-min",
      "0",
      "--lock-file",
      "soak.lock",
      "--alert",
      "telegram,slack"
    };
    assertThat(cli(run)).as(lastOutputs()).isZero();
    assertThat(lastOutputs())
        .contains("EXPORT_STATUS summary=OK")
        .contains("alert not delivered: telegram: HTTP 401")
        .contains("alert not delivered: slack: HTTP 404")
        .contains("ALERT_SENT verdict=CRIT channels=telegram,slack");

    // Redis refuses a wrong password: the runner says so, without the password.
    env.put("REDIS_URL", redisUrl(WRONG_PASSWORD));
    assertThat(cli(run)).isZero();
    assertThat(lastOutputs()).contains("auth_refused");

    // A URL the parser rejects must not be echoed either.
    env.put("REDIS_URL", "redis://soak:" + REDIS_PASSWORD + "@127.0.0.1:notaport/0");
    assertThat(cli(run)).isEqualTo(2);

    // 2. export-redis with the right and the wrong password, and an unparsable URL.
    env.remove("REDIS_URL");
    assertThat(cli("export-redis", "--redis-url", redisUrl(REDIS_PASSWORD))).isZero();
    assertThat(cli("export-redis", "--redis-url", redisUrl(WRONG_PASSWORD))).isEqualTo(2);
    assertThat(lastOutputs()).contains("auth");
    assertThat(
            cli(
                "export-redis",
                "--redis-url",
                "redis://soak:" + REDIS_PASSWORD + "@127.0.0.1:notaport/0"))
        .isEqualTo(2);

    // 3. action: comment created, then a refused write; Redis export with the password.
    actionEnv();
    assertThat(cli("action")).as(lastOutputs()).isZero();
    String firstAction = outputs.get(outputs.size() - 2);
    assertThat(firstAction).contains("PR comment created");
    for (String secret :
        List.of(
            GITHUB_TOKEN,
            redisUrl(REDIS_PASSWORD),
            URLEncoder.encode(REDIS_PASSWORD, StandardCharsets.UTF_8),
            REDIS_PASSWORD)) {
      // The runner unescapes %25 back to %, so the mask is the value itself.
      assertThat(firstAction.lines())
          .as("::add-mask:: of " + secret)
          .contains("::add-mask::" + secret.replace("%", "%25"));
    }
    github.failWrites(
        WireMock.aResponse()
            .withStatus(403)
            .withBody("{\"message\":\"Bad credentials " + GITHUB_TOKEN + "\"}"));
    env.put("INPUT_REDIS-URL", redisUrl(WRONG_PASSWORD));
    assertThat(cli("action")).isZero();
    assertThat(lastOutputs()).contains("PR comment skipped");

    // Every output, every file, every request body.
    Map<String, String> secrets = forbidden();
    List<String> leaks = new ArrayList<>();
    for (String output : outputs) {
      String text =
          String.join("\n", output.lines().filter(l -> !l.startsWith("::add-mask::")).toList());
      find(secrets, text, output.lines().findFirst().orElse(""), leaks);
    }
    try (Stream<Path> files = Files.walk(work)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        find(
            secrets,
            Files.readString(f, StandardCharsets.ISO_8859_1),
            work.relativize(f).toString(),
            leaks);
      }
    }
    for (var e : github.server().getAllServeEvents()) {
      find(
          secrets,
          e.getRequest().getBodyAsString(),
          "GitHub request " + e.getRequest().getUrl(),
          leaks);
    }
    for (FakeChatServer.Request r : telegram.requests()) {
      find(secrets, r.body(), "Telegram request body", leaks);
    }
    for (FakeChatServer.Request r : slack.requests()) {
      find(secrets, r.body(), "Slack request body", leaks);
    }
    assertThat(leaks).as(String.join("\n\n", outputs)).isEmpty();
    assertThat(work.resolve("soak.lock")).doesNotExist();
    assertThat(work.resolve("artifacts/state/dev.bybit/last_export_status.json")).exists();
  }

  private String lastOutputs() {
    return outputs.get(outputs.size() - 2) + outputs.get(outputs.size() - 1);
  }

  private static void find(
      Map<String, String> secrets, String text, String where, List<String> leaks) {
    secrets.forEach(
        (form, secret) -> {
          if (text.contains(form)) {
            int at = text.indexOf(form);
            leaks.add(
                where
                    + ": "
                    + (form.equals(secret) ? "" : "encoded ")
                    + "secret "
                    + secret
                    + " in ..."
                    + text.substring(
                        Math.max(0, at - 80), Math.min(text.length(), at + form.length() + 20))
                    + "...");
          }
        });
  }

  private void actionEnv() throws IOException {
    Path fixtures = work.resolve("fixtures/soak_crit");
    Files.createDirectories(fixtures);
    try (Stream<Path> files = Files.list(PROJECT.resolve("fixtures/soak_crit"))) {
      for (Path f : files.toList()) {
        Files.copy(f, fixtures.resolve(f.getFileName()));
      }
    }
    env.putAll(SimulatedRunner.pullRequestEnv(work, github.apiUrl()));
    env.put("INPUT_ITER-GLOB", "fixtures/soak_crit/ITER_SUMMARY_*.json");
    env.put("INPUT_OUT-DIR", "reports/action");
    env.put("INPUT_GITHUB-TOKEN", GITHUB_TOKEN);
    env.put("INPUT_REDIS-URL", redisUrl(REDIS_PASSWORD));
    env.put("INPUT_COMMENT", "true");
    env.put("INPUT_STEP-SUMMARY", "true");
  }
}
