package dev.soakanalyzer.reliability;

import dev.soakanalyzer.ingest.FuzzInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A few ITER_SUMMARY files, hostile in content and sometimes in name, from one seed. */
final class HostileFiles {
  private static final String[] NAMES = {
    "ITER_SUMMARY_%d.json",
    "ITER_SUMMARY_%d_BTCUSDT.json",
    "x\n::error::forged %d.json",
    "::set-output name=verdict::OK %d.json",
    "%d\r\nerror: fake line.json",
    "`%d` |pipe| <b>.json",
    "@octocat [x](y) %d.json",
    "\u001b[31m%d.json",
    "ITER_SUMMARY_%d_99999999999.json"
  };

  private HostileFiles() {}

  static List<AnalyzeOutcomes.Input> next(Random r) {
    int n = 1 + r.nextInt(4);
    List<AnalyzeOutcomes.Input> files = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name =
          String.format(r.nextInt(4) == 0 ? NAMES[r.nextInt(NAMES.length)] : NAMES[0], i + 1);
      byte[] content =
          r.nextInt(3) == 0
              ? FuzzInputs.document(r).getBytes(java.nio.charset.StandardCharsets.UTF_8)
              : FuzzInputs.next(r);
      files.add(new AnalyzeOutcomes.Input(name, content));
    }
    return files;
  }
}
