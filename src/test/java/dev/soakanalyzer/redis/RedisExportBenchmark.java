package dev.soakanalyzer.redis;

import dev.soakanalyzer.testsupport.RedisServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures the export time of 1000 symbols against a local Redis (no assertions: run it by hand).
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *   dev.soakanalyzer.redis.RedisExportBenchmark [symbols] [rounds]
 * </pre>
 */
public final class RedisExportBenchmark {
  private RedisExportBenchmark() {}

  public static void main(String[] args) {
    int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    ExportPayload payload = BigPayload.symbols(symbols);
    try (RedisServer server = RedisServer.start(RedisServer.Options.plain())) {
      var exporter = new RedisExporter(RedisConnectionSettings.of(server.url()), Clock.systemUTC());
      for (boolean stream : new boolean[] {false, true}) {
        List<Long> millis = new ArrayList<>();
        ExportResult first = null;
        for (int i = 0; i < rounds; i++) {
          // A fresh env per round so every streaming round streams all its events.
          ExportOptions options =
              ExportOptions.of("bench" + i + stream, "bybit").withStream(stream);
          ExportResult r = exporter.export(payload, options);
          if (!r.exported()) {
            throw new IllegalStateException(r.message());
          }
          first = first == null ? r : first;
          millis.add(r.elapsed().toMillis());
        }
        Collections.sort(millis);
        System.out.printf(
            "%d symbols, stream=%s (%d events/export), %d rounds on %s: min %d ms, median %d ms,"
                + " max %d ms%n",
            symbols,
            stream,
            first.eventsStreamed(),
            rounds,
            server,
            millis.get(0),
            millis.get(millis.size() / 2),
            millis.get(millis.size() - 1));
      }
    }
  }
}
