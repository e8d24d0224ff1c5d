package dev.soakanalyzer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Property-based fuzzing of the file parser: whatever the bytes, the outcome is a usable result or
 * a one-line skip reason, never an exception. The long campaign is {@link FuzzCampaign}.
 */
class IterFileParserFuzzTest {

  @Property(tries = 3000, seed = "20261127")
  void arbitraryBytesGiveAResultOrAOneLineSkipReason(@ForAll @Size(max = 600) byte[] bytes) {
    assertThat(ParseOutcomes.violation(bytes)).isNull();
  }

  @Property(tries = 3000, seed = "20261127")
  void mutatedDocumentsOfEveryShapeGiveAResultOrAOneLineSkipReason(
      @ForAll("hostileInputs") byte[] input) {
    assertThat(ParseOutcomes.violation(input)).isNull();
  }

  @Property(tries = 1000, seed = "20261127")
  void validDocumentsOfEveryShapeKeepTheContractToo(@ForAll("documents") String doc) {
    assertThat(ParseOutcomes.violation(doc.getBytes(StandardCharsets.UTF_8))).isNull();
  }

  @Provide
  Arbitrary<byte[]> hostileInputs() {
    return Arbitraries.longs().map(seed -> FuzzInputs.next(new Random(seed)));
  }

  @Provide
  Arbitrary<String> documents() {
    return Arbitraries.longs().map(seed -> FuzzInputs.document(new Random(seed)));
  }
}
