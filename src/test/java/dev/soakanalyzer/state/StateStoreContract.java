package dev.soakanalyzer.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StateStore} must do. Subclasses provide the store, a key prefix of their own,
 * and a way to let time pass for TTLs (a clock for files, expiring the key on a real Redis).
 */
public abstract class StateStoreContract {
  protected StateStore store;
  protected String prefix;

  /** A fresh store; keys this test writes start with {@link #prefix}. */
  protected abstract StateStore createStore() throws Exception;

  protected abstract String newPrefix();

  /** Lets {@code elapsed} pass for the key's TTL. */
  protected abstract void letTimePass(String key, Duration elapsed) throws Exception;

  @BeforeEach
  void open() throws Exception {
    prefix = newPrefix();
    store = createStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void anAbsentKeyIsEmpty() throws Exception {
    assertThat(store.get(prefix + "missing")).isEmpty();
  }

  @Test
  void aValuePutIsReadBackExactly() throws Exception {
    String json = "{\"last_level\":\"CRIT\",\"last_sent_utc\":\"2025-10-26T12:34:56Z\"}";
    store.put(prefix + "soak:alerts:debounce", json, null);

    assertThat(store.get(prefix + "soak:alerts:debounce")).contains(json);
  }

  @Test
  void aSecondPutReplacesTheValue() throws Exception {
    store.put(prefix + "k", "one", null);
    store.put(prefix + "k", "two ✅ юникод", null);

    assertThat(store.get(prefix + "k")).contains("two ✅ юникод");
  }

  @Test
  void keysAreIndependent() throws Exception {
    store.put(prefix + "a:b", "1", null);
    store.put(prefix + "a_b", "2", null);

    assertThat(store.get(prefix + "a:b")).contains("1");
    assertThat(store.get(prefix + "a_b")).contains("2");
  }

  @Test
  void deleteRemovesAndToleratesAbsentKeys() throws Exception {
    store.put(prefix + "k", "v", null);
    store.delete(prefix + "k");
    store.delete(prefix + "never-there");

    assertThat(store.get(prefix + "k")).isEmpty();
  }

  @Test
  void aValueLivesUntilItsTtlEnds() throws Exception {
    store.put(prefix + "heartbeat", "2025-10-26T12:00:00Z", Duration.ofSeconds(3600));
    letTimePass(prefix + "heartbeat", Duration.ofSeconds(3000));
    assertThat(store.get(prefix + "heartbeat")).contains("2025-10-26T12:00:00Z");

    letTimePass(prefix + "heartbeat", Duration.ofSeconds(601));
    assertThat(store.get(prefix + "heartbeat")).isEmpty();
  }

  @Test
  void aPutWithoutTtlClearsAnEarlierTtl() throws Exception {
    store.put(prefix + "k", "short", Duration.ofSeconds(10));
    store.put(prefix + "k", "forever", null);
    letTimePass(prefix + "k", Duration.ofDays(30));

    assertThat(store.get(prefix + "k")).contains("forever");
  }

  @Test
  void aNonPositiveTtlIsRejected() {
    assertThatThrownBy(() -> store.put(prefix + "k", "v", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void describeIsPrintable() {
    assertThat(store.describe()).isNotBlank();
  }
}
