package dev.soakanalyzer.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.soakanalyzer.alert.FakeChatServer.Reply;
import dev.soakanalyzer.io.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotifierTest {
  private static final String TOKEN = "123456:SECRET-TOKEN-abc";
  private static final HttpRetryPolicy FAST =
      new HttpRetryPolicy(
          Duration.ofSeconds(2),
          Duration.ofMillis(300),
          3,
          Duration.ofSeconds(1),
          Duration.ofSeconds(60));

  private final List<Duration> waits = new ArrayList<>();
  private final Sleeper recordingSleeper = waits::add;
  private final FakeChatServer server;

  NotifierTest() throws Exception {
    server = new FakeChatServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private TelegramNotifier telegram() {
    return new TelegramNotifier(server.url() + "/", TOKEN, "-100123", FAST, recordingSleeper);
  }

  @Test
  void telegramGetsThePlainTextMessageOnTheBotPath() throws Exception {
    telegram().send("[🔴 CRIT] a_b *c* <d>");
    assertThat(server.requests()).hasSize(1);
    FakeChatServer.Request r = server.requests().get(0);
    assertThat(r.path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
    JsonNode body = new ObjectMapper().readTree(r.body());
    assertThat(body.path("text").asText()).isEqualTo("[🔴 CRIT] a_b *c* <d>");
    assertThat(body.path("chat_id").asText()).isEqualTo("-100123");
    assertThat(body.has("parse_mode")).isFalse();
  }

  @Test
  void slackGetsTheTextFieldOnTheWebhook() throws Exception {
    new SlackNotifier(server.url() + "/services/T0/B0/XYZ", FAST, recordingSleeper).send("hi");
    FakeChatServer.Request r = server.requests().get(0);
    assertThat(r.path()).isEqualTo("/services/T0/B0/XYZ");
    assertThat(r.body()).isEqualTo("{\"text\":\"hi\"}");
  }

  @Test
  void a429WaitsTheRetryAfterOfTelegramsBodyThenDelivers() throws Exception {
    server.reply(
        new Reply(
            429, "{\"ok\":false,\"error_code\":429,\"parameters\":{\"retry_after\":7}}", Map.of()));
    telegram().send("x");
    assertThat(server.requests()).hasSize(2);
    assertThat(waits).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void a429WaitsTheRetryAfterHeaderOfSlack() throws Exception {
    server.reply(new Reply(429, "rate_limited", Map.of("Retry-After", "4")));
    new SlackNotifier(server.url() + "/hook", FAST, recordingSleeper).send("x");
    assertThat(waits).containsExactly(Duration.ofSeconds(4));
  }

  @Test
  void aRetryAfterBeyondTheBoundGivesUpWithoutWaiting() {
    server.reply(new Reply(429, "{\"parameters\":{\"retry_after\":3600}}", Map.of()));
    assertThatThrownBy(() -> telegram().send("x"))
        .isInstanceOf(NotifyException.class)
        .hasMessage(
            "telegram: HTTP 429 rate limited, retry_after=3600s is longer than the 60s bound,"
                + " giving up");
    assertThat(waits).isEmpty();
  }

  @Test
  void serverErrorsBackOffExponentiallyAndFailAfterTheLastAttempt() {
    Reply err = new Reply(500, "oops", Map.of());
    server.reply(err, err, err);
    assertThatThrownBy(() -> telegram().send("x"))
        .isInstanceOf(NotifyException.class)
        .hasMessage("telegram: HTTP 500 after 3 attempts");
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void aServerErrorThenSuccessDelivers() throws Exception {
    server.reply(new Reply(502, "", Map.of()));
    telegram().send("x");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void aHangingServerTimesOutAndIsRetriedWithinTheBound() {
    server.reply(Reply.hang(), Reply.hang(), Reply.hang());
    assertThatThrownBy(() -> telegram().send("x"))
        .isInstanceOf(NotifyException.class)
        .hasMessage("telegram: timed out after 300 ms after 3 attempts");
  }

  @Test
  void aClientErrorFailsAtOnceAndNoMessageHoldsTheTokenOrWebhook() {
    server.reply(
        new Reply(400, "{\"ok\":false,\"description\":\"Bad Request: chat not found\"}", Map.of()));
    assertThatThrownBy(() -> telegram().send("x"))
        .hasMessage("telegram: HTTP 400 (Bad Request: chat not found)")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    String hook = "http://127.0.0.1:1/services/SECRET-HOOK";
    assertThatThrownBy(() -> new SlackNotifier(hook, FAST, recordingSleeper).send("x"))
        .isInstanceOf(NotifyException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET-HOOK"));
  }

  @Test
  void oneFailingChannelDoesNotStopTheOther() {
    Reply err = new Reply(500, "", Map.of());
    server.reply(err, err, err);
    List<String> warnings = new ArrayList<>();
    AlertDispatcher d =
        new AlertDispatcher(
            List.of(telegram(), new SlackNotifier(server.url() + "/hook", FAST, recordingSleeper)));
    assertThat(d.dispatch("x", warnings::add)).containsExactly(AlertChannel.SLACK);
    assertThat(warnings)
        .containsExactly("alert not delivered: telegram: HTTP 500 after 3 attempts");
  }

  @Test
  void aStopDuringTheBackoffEndsTheRetriesWithTheReason() {
    server.reply(new Reply(500, "", Map.of()));
    boolean[] stopped = {false};
    Sleeper stopping =
        new Sleeper() {
          @Override
          public void sleep(Duration d) {
            waits.add(d);
            stopped[0] = true; // SIGTERM arrives during the wait
          }

          @Override
          public boolean stopRequested() {
            return stopped[0];
          }
        };
    assertThatThrownBy(
            () -> new TelegramNotifier(server.url(), TOKEN, "-1", FAST, stopping).send("x"))
        .isInstanceOf(NotifyException.class)
        .hasMessage("telegram: HTTP 500, not retried: stop requested");
    assertThat(server.requests()).hasSize(1);
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
  }
}
