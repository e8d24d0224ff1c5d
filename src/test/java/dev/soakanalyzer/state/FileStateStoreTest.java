package dev.soakanalyzer.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soakanalyzer.testsupport.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreTest extends StateStoreContract {
  @TempDir Path dir;
  MutableClock clock = MutableClock.at("2025-10-26T12:00:00Z");

  @Override
  protected StateStore createStore() {
    return new FileStateStore(
        dir, clock, Map.of(prefix + "soak:alerts:debounce", "alert_state.json"));
  }

  @Override
  protected String newPrefix() {
    return "prod:bybit:";
  }

  @Override
  protected void letTimePass(String key, Duration elapsed) {
    clock.advance(elapsed);
  }

  @Test
  void aNamedKeyFileHoldsExactlyTheValueLikeTheRedisKey() throws Exception {
    store.put("prod:bybit:soak:alerts:debounce", "{\"last_level\":\"WARN\"}", null);

    assertThat(Files.readString(dir.resolve("alert_state.json")))
        .isEqualTo("{\"last_level\":\"WARN\"}\n");
    assertThat(store.get("prod:bybit:soak:alerts:debounce")).contains("{\"last_level\":\"WARN\"}");
  }

  @Test
  void noTemporaryFilesAreLeftBehind() throws Exception {
    store.put("prod:bybit:x", "1", Duration.ofMinutes(1));
    store.put("prod:bybit:x", "2", null);

    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void aCorruptFileIsAnErrorNamingTheFileNotUnreachable() throws Exception {
    FileStateStore files = (FileStateStore) store;
    Files.writeString(files.fileFor("prod:bybit:bad"), "{not json");

    assertThatThrownBy(() -> store.get("prod:bybit:bad"))
        .isInstanceOfSatisfying(
            StateStoreException.class, e -> assertThat(e.unreachable()).isFalse())
        .hasMessageContaining(files.fileFor("prod:bybit:bad").toString());
  }
}
