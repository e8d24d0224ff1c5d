package dev.soakanalyzer.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.soakanalyzer.io.Sleeper;
import dev.soakanalyzer.testsupport.HostilePeer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Webhook peers that answer and then stall, drip, or are cut short by SIGTERM. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileWebhookTest {
  private static final HttpRetryPolicy FAST =
      new HttpRetryPolicy(
          Duration.ofSeconds(2), Duration.ofMillis(400), 2, Duration.ZERO, Duration.ofSeconds(1));
  private static final Sleeper NO_WAIT = d -> {};

  @Test
  void headersThenAStalledBodyTimeOutInsteadOfHangingForEver() throws Exception {
    try (HostilePeer peer = HostilePeer.httpHeadersThenStall()) {
      SlackNotifier slack = new SlackNotifier(peer.httpUrl() + "/services/T/B/X", FAST, NO_WAIT);
      assertThatThrownBy(() -> slack.send("x"))
          .isInstanceOf(NotifyException.class)
          .hasMessage("slack: timed out after 400 ms after 2 attempts");
      assertThat(peer.accepted()).isEqualTo(2);
    }
  }

  @Test
  void aBodyDrippedOneByteAtATimeIsCutAtTheRequestDeadline() throws Exception {
    try (HostilePeer peer =
        HostilePeer.drip("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n", 5)) {
      TelegramNotifier telegram =
          new TelegramNotifier(peer.httpUrl(), "1:TOKEN", "-1", FAST, NO_WAIT);
      assertThatThrownBy(() -> telegram.send("x"))
          .isInstanceOf(NotifyException.class)
          .hasMessage("telegram: timed out after 400 ms after 2 attempts");
    }
  }

  @Test
  void aStopRequestAbandonsTheRequestInFlight() throws Exception {
    HttpRetryPolicy slow =
        new HttpRetryPolicy(
            Duration.ofSeconds(2), Duration.ofMinutes(10), 3, Duration.ZERO, Duration.ofSeconds(1));
    AtomicBoolean stop = new AtomicBoolean();
    Sleeper stopping =
        new Sleeper() {
          @Override
          public void sleep(Duration d) {}

          @Override
          public boolean stopRequested() {
            return stop.get();
          }
        };
    try (HostilePeer peer = HostilePeer.httpHeadersThenStall()) {
      SlackNotifier slack = new SlackNotifier(peer.httpUrl() + "/hook", slow, stopping);
      Thread sigterm =
          new Thread(
              () -> {
                while (peer.accepted() == 0) {
                  Thread.onSpinWait();
                }
                stop.set(true);
              });
      sigterm.start();
      assertThatThrownBy(() -> slack.send("x"))
          .isInstanceOf(NotifyException.class)
          .hasMessage("slack: request abandoned: stop requested");
      sigterm.join();
      assertThat(peer.accepted()).isEqualTo(1);
    }
  }

  @Test
  void slackTextIsEscapedSoNoSymbolCanPingOrDisguiseALink() throws Exception {
    try (FakeChatServer server = new FakeChatServer()) {
      new SlackNotifier(server.url() + "/hook", FAST, NO_WAIT)
          .send("- <!channel>: edge < 1 & <https://evil|Click to fix>");
      String text =
          new ObjectMapper().readTree(server.requests().get(0).body()).path("text").asText();
      assertThat(text)
          .isEqualTo("- &lt;!channel&gt;: edge &lt; 1 &amp; &lt;https://evil|Click to fix&gt;");
    }
  }
}
