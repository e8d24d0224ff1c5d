package dev.soakanalyzer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {
  @Test
  void ghReferencesAreNotAutolinked() {
    assertThat(Markdown.escapeCell("GH-1")).isEqualTo("GH\u200B-1");
    assertThat(Markdown.escapeCell("fix gh-42 now")).isEqualTo("fix gh\u200B-42 now");
    // Not a reference: a word ending in GH, or GH- without a number.
    assertThat(Markdown.escapeCell("HIGH-1")).isEqualTo("HIGH-1");
    assertThat(Markdown.escapeCell("GH-x")).isEqualTo("GH-x");
  }

  @Test
  void bidiControlsAreShownNotObeyed() {
    assertThat(Markdown.escapeCell("BTC\u202eTDSU")).isEqualTo("BTC\uFFFDTDSU");
    assertThat(Markdown.escapeCell("a\u2066b\u2069c\u200fd")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
    assertThat(Markdown.code("BTC\u202eTDSU")).isEqualTo("`BTC\uFFFDTDSU`");
  }
}
