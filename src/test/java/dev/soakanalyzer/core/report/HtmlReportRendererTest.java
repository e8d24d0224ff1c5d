package dev.soakanalyzer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.soakanalyzer.core.model.RunMeta;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportRendererTest {
  private static final String HOSTILE =
      "</script><img src=x onerror=alert(1)><!--<script>\u2028\u2029&amp;\"'\\";
  private static final Pattern INLINE =
      Pattern.compile("<(script|style)>(.*?)</\\1>", Pattern.DOTALL);

  private static String page(String symbol, RunMeta meta) {
    return new HtmlReportRenderer(Lang.EN).render(ActionAnalyses.withSymbol(symbol, null, meta));
  }

  private static String data(String html) {
    String open = "<script type=\"application/json\" id=\"soak-data\">";
    int from = html.indexOf(open) + open.length();
    return html.substring(from, html.indexOf("</script>", from));
  }

  @Test
  void textFromInputFilesCannotEndTheDataElementAndComesBackUnchanged() throws Exception {
    String html = page(HOSTILE, new RunMeta(HOSTILE, HOSTILE, "</SCRIPT>"));

    String data = data(html);
    assertThat(data).doesNotContain("<").doesNotContain(">").doesNotContain("&");
    assertThat(data).doesNotContain("\u2028").doesNotContain("\u2029");
    JsonNode json = new ObjectMapper().readTree(data);
    assertThat(json.at("/symbols/0/symbol").asText()).isEqualTo(HOSTILE);
    assertThat(json.at("/meta/commit_range").asText()).isEqualTo(HOSTILE);
    assertThat(json.at("/meta/source").asText()).isEqualTo("</SCRIPT>");
    // The page has its three scripts and two styles, nothing the data could have added.
    assertThat(html.split("<script", -1)).hasSize(4);
    assertThat(html.split("<style", -1)).hasSize(3);
  }

  @Test
  void theContentSecurityPolicyAllowsExactlyThePagesOwnScriptsAndStylesByHash() throws Exception {
    String html = page("BTCUSDT", RunMeta.NONE);

    Matcher csp =
        Pattern.compile("http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"")
            .matcher(html);
    assertThat(csp.find()).isTrue();
    String policy = csp.group(1);
    assertThat(policy).startsWith("default-src 'none';").doesNotContain("unsafe");
    List<String> scripts = new ArrayList<>();
    List<String> styles = new ArrayList<>();
    Matcher inline = INLINE.matcher(html);
    while (inline.find()) {
      (inline.group(1).equals("script") ? scripts : styles).add(sha256(inline.group(2)));
    }
    assertThat(scripts).hasSize(2);
    assertThat(styles).hasSize(2);
    assertThat(policy).contains("script-src " + String.join(" ", scripts) + ";");
    assertThat(policy).contains("style-src " + String.join(" ", styles) + ";");
    // Outside its inline elements the page's markup loads nothing.
    String markup =
        INLINE.matcher(html).replaceAll("").replaceAll("(?s)<script type=[^>]*>.*?</script>", "");
    assertThat(markup)
        .doesNotContain("src=")
        .doesNotContain("href=")
        .doesNotContain("http:")
        .doesNotContain("https:");
  }

  @Test
  void theDataCarriesEachWindowsFileAndRoomForChangePointRangesAndTheBaseline() throws Exception {
    JsonNode json = new ObjectMapper().readTree(data(page("BTCUSDT", RunMeta.NONE)));

    assertThat(json.path("format").asInt()).isEqualTo(HtmlReportData.FORMAT);
    assertThat(json.path("lang").asText()).isEqualTo("en");
    JsonNode cell = json.at("/symbols/0/cells/0");
    assertThat(cell.path("values")).hasSize(json.at("/symbols/0/windows").size());
    assertThat(cell.has("baseline")).isTrue();
    assertThat(cell.path("change_points").isArray()).isTrue();
    assertThat(json.path("files").isArray()).isTrue();
  }

  @Test
  void theSameAnalysisRendersTheSamePage() {
    assertThat(page("BTCUSDT", RunMeta.NONE)).isEqualTo(page("BTCUSDT", RunMeta.NONE));
  }

  @Test
  void theJobSummaryAndCommentLineNamesTheFileOnlyWhenItWasWritten() {
    assertThat(HtmlReportRenderer.whereLine(List.of("SOAK_SUMMARY.json"), "reports/analysis"))
        .isEmpty();
    assertThat(HtmlReportRenderer.whereLine(List.of("SOAK_REPORT.html"), "reports/analysis"))
        .startsWith("**Interactive report:** `reports/analysis/SOAK_REPORT.html`");
  }

  private static String sha256(String text) throws Exception {
    byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return "'sha256-" + Base64.getEncoder().encodeToString(d) + "'";
  }
}
