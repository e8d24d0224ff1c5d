package dev.soakanalyzer.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile ITER_SUMMARY content from a seeded {@link Random}: valid documents of all six shapes,
 * then mutated (bytes flipped, cut, spliced), re-encoded (BOMs, UTF-16, Latin-1, invalid UTF-8),
 * nested deep, with huge or special numbers, enormous strings and duplicate keys, or plain random
 * bytes. Shared by the jqwik properties (small, fast) and {@link FuzzCampaign} (one long run).
 */
public final class FuzzInputs {
  /** Scalars that tripped JSON readers elsewhere: specials, extremes, look-alike numbers. */
  static final String[] NASTY_SCALARS = {
    "1e308",
    "-1e308",
    "1e309",
    "-0.0",
    "0",
    "-0",
    "NaN",
    "-NaN",
    "Infinity",
    "-Infinity",
    "\"NaN\"",
    "\"Infinity\"",
    "\"-0.0\"",
    "\"1e308\"",
    "\"1e-400\"",
    "\"0x1p3\"",
    "\" 2.5 \"",
    "\"2,5\"",
    "\"١٢\"",
    "\"+.5\"",
    "\"5.\"",
    "\"1_000\"",
    "4.9e-324",
    "2.2250738585072014E-308",
    "9007199254740993",
    "123456789012345678901234567890",
    "1e-99999",
    "null",
    "true",
    "false",
    "[]",
    "{}",
    "[1]",
    "{\"edge_bps\":1}",
    "\"\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "-",
    "01",
    ".5",
    "1.",
    "+1",
    "0e",
    "1e+",
    "\"\\n::error::x\"",
    "2147483648",
    "-2147483649",
    "2147483647"
  };

  static final String[] KEYS = {
    "symbol",
    "symbols",
    "summary",
    "iteration",
    "window_index",
    "meta",
    "commit",
    "profile",
    "source",
    "edge_bps",
    "net_bps",
    "maker_taker_ratio",
    "p95_latency_ms",
    "risk_ratio",
    "timestamp",
    "tuning",
    "BTCUSDT",
    "ETHUSDT",
    ""
  };

  static final String[] SYMBOLS = {
    "BTCUSDT",
    "ETHUSDT",
    "1000PEPEUSDT",
    "ALL",
    "",
    " ",
    "A|B",
    "<img src=x onerror=alert(1)>",
    "![x](https://evil.example/x.png)",
    "[click](https://evil.example)",
    "@octocat",
    "::error::forged",
    "::set-output name=verdict::OK",
    "##[error]forged",
    "a\nb",
    "a\r\nerror: x",
    "tab\there",
    "\u001b[31mred",
    "x".repeat(65),
    "x".repeat(64),
    "ünïcødé",
    "𝔘𝔫𝔦",
    "\u202Eevil",
    "\u2028line",
    "back\\slash",
    "`code`",
    "www.evil.example",
    "http://evil.example",
    "&amp;",
    "#1",
    "symbols",
    "summary",
    "meta"
  };

  private FuzzInputs() {}

  /** One input; the mix favours almost-valid documents, which reach the deepest code. */
  public static byte[] next(Random r) {
    int pick = r.nextInt(100);
    if (pick < 10) {
      byte[] b = new byte[r.nextInt(r.nextBoolean() ? 16 : 512)];
      r.nextBytes(b);
      return b;
    }
    String doc = document(r);
    if (pick < 35) {
      return encode(doc, r);
    }
    if (pick < 70) {
      return mutate(doc.getBytes(StandardCharsets.UTF_8), r);
    }
    if (pick < 80) {
      return deep(r).getBytes(StandardCharsets.UTF_8);
    }
    return doc.getBytes(StandardCharsets.UTF_8);
  }

  /** A valid (if odd) document in one of the six shapes. */
  public static String document(Random r) {
    return switch (r.nextInt(7)) {
      case 0 -> obj(r, List.of(kv("symbol", sym(r))), metrics(r));
      case 1 -> obj(r, List.of(kv("iteration", scalar(r))), List.of(kv("summary", summary(r))));
      case 2 ->
          obj(
              r,
              List.of(kv("iteration", scalar(r)), kv("timestamp", "\"2025-01-01T00:00:00Z\"")),
              List.of(kv("symbols", symbolList(r)), kv("summary", obj(r, metrics(r)))));
      case 3 ->
          obj(
              r,
              List.of(kv("iteration", scalar(r)), kv("summary", obj(r, metrics(r)))),
              List.of(kv("tuning", "{\"a\":[1,2,{\"b\":null}]}")));
      case 4 -> obj(r, List.of(kv("iteration", scalar(r))), List.of(kv("symbols", bySymbol(r))));
      case 5 -> keyed(r);
      default -> randomValue(r, 0);
    };
  }

  private static String summary(Random r) {
    List<String> m = new ArrayList<>(metrics(r));
    if (r.nextInt(4) > 0) {
      m.add(kv("symbol", sym(r)));
    }
    return obj(r, m);
  }

  private static String keyed(Random r) {
    List<String> members = new ArrayList<>();
    members.add(kv(r.nextBoolean() ? "window_index" : "iteration", scalar(r)));
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      members.add(kv(str(r, SYMBOLS[r.nextInt(SYMBOLS.length)]), obj(r, metrics(r))));
    }
    members.add(kv("meta", obj(r, List.of(kv("commit", sym(r)), kv("profile", sym(r))))));
    return obj(r, members);
  }

  private static String bySymbol(Random r) {
    List<String> members = new ArrayList<>();
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      members.add(
          kv(
              str(r, SYMBOLS[r.nextInt(SYMBOLS.length)]),
              r.nextInt(8) == 0 ? "1" : obj(r, metrics(r))));
    }
    return obj(r, members);
  }

  private static String symbolList(Random r) {
    int n = r.nextInt(4);
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ",").append(r.nextInt(6) == 0 ? scalar(r) : sym(r));
    }
    return sb.append(']').toString();
  }

  private static List<String> metrics(Random r) {
    List<String> m = new ArrayList<>();
    String[] keys = {"edge_bps", "net_bps", "maker_taker_ratio", "p95_latency_ms", "risk_ratio"};
    for (String k : keys) {
      if (r.nextInt(5) > 0) {
        m.add(kv(k, r.nextInt(3) == 0 ? scalar(r) : number(r)));
      }
    }
    if (r.nextInt(6) == 0) {
      m.add(kv(keys[r.nextInt(keys.length)], scalar(r))); // duplicate key: the last one wins
    }
    return m;
  }

  private static String number(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> Double.toString(r.nextDouble() * 5);
      case 1 -> Integer.toString(r.nextInt(600));
      case 2 -> Double.toString(r.nextGaussian());
      default -> Double.toString(Double.longBitsToDouble(r.nextLong()));
    };
  }

  private static String scalar(Random r) {
    int pick = r.nextInt(20);
    if (pick == 0) {
      return "1".repeat(1 + r.nextInt(2000)); // longer than the number length limit
    }
    if (pick == 1) {
      return "\"" + "9".repeat(1 + r.nextInt(300)) + "\"";
    }
    if (pick < 6) {
      return Integer.toString(r.nextInt(100) - 5);
    }
    return NASTY_SCALARS[r.nextInt(NASTY_SCALARS.length)];
  }

  private static String sym(Random r) {
    return r.nextInt(10) == 0 ? scalar(r) : str(r, SYMBOLS[r.nextInt(SYMBOLS.length)]);
  }

  /** A JSON string literal, sometimes enormous. */
  private static String str(Random r, String s) {
    if (r.nextInt(200) == 0) {
      s = s + "x".repeat(r.nextInt(64 * 1024));
    }
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static String kv(String key, String value) {
    return (key.startsWith("\"") ? key : "\"" + key + "\"") + ":" + value;
  }

  @SafeVarargs
  private static String obj(Random r, List<String>... parts) {
    List<String> members = new ArrayList<>();
    for (List<String> p : parts) {
      members.addAll(p);
    }
    if (r.nextInt(8) == 0 && !members.isEmpty()) {
      members.add(members.get(r.nextInt(members.size()))); // duplicate member
    }
    if (r.nextInt(10) == 0) {
      members.add(kv(KEYS[r.nextInt(KEYS.length)], randomValue(r, 1)));
    }
    if (r.nextInt(6) == 0) {
      java.util.Collections.shuffle(members, r);
    }
    return "{" + String.join(r.nextInt(10) == 0 ? " ,\n\t" : ",", members) + "}";
  }

  private static String randomValue(Random r, int depth) {
    int pick = depth > 4 ? 3 + r.nextInt(2) : r.nextInt(5);
    return switch (pick) {
      case 0 -> {
        List<String> m = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          m.add(kv(KEYS[r.nextInt(KEYS.length)], randomValue(r, depth + 1)));
        }
        yield "{" + String.join(",", m) + "}";
      }
      case 1 -> {
        List<String> m = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          m.add(randomValue(r, depth + 1));
        }
        yield "[" + String.join(",", m) + "]";
      }
      case 2 -> sym(r);
      default -> scalar(r);
    };
  }

  /** Nesting around or far beyond Jackson's depth limit, objects and arrays mixed. */
  static String deep(Random r) {
    int depth = r.nextBoolean() ? 1 + r.nextInt(600) : 1 + r.nextInt(20_000);
    StringBuilder sb = new StringBuilder(depth * 8);
    boolean[] isObject = new boolean[depth];
    for (int i = 0; i < depth; i++) {
      isObject[i] = r.nextBoolean();
      sb.append(isObject[i] ? "{\"summary\":" : "[");
    }
    sb.append(r.nextBoolean() ? "{\"symbol\":\"X\",\"edge_bps\":1}" : "1");
    boolean close = r.nextInt(4) > 0; // sometimes unterminated
    for (int i = depth - 1; i >= 0 && close; i--) {
      sb.append(isObject[i] ? '}' : ']');
    }
    return sb.toString();
  }

  /** The document with a BOM, or in UTF-16/32, Latin-1 or with invalid UTF-8 bytes. */
  static byte[] encode(String doc, Random r) {
    byte[] utf8 = doc.getBytes(StandardCharsets.UTF_8);
    return switch (r.nextInt(8)) {
      case 0 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8);
      case 1 ->
          concat(
              new byte[] {
                (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF
              },
              utf8);
      case 2 -> doc.getBytes(StandardCharsets.UTF_16); // with a BOM
      case 3 -> doc.getBytes(StandardCharsets.UTF_16LE);
      case 4 -> doc.getBytes(java.nio.charset.Charset.forName("UTF-32"));
      case 5 -> doc.replace("USDT", "USDT\u00e9").getBytes(StandardCharsets.ISO_8859_1);
      case 6 -> {
        // overlong, surrogate, truncated and stray continuation bytes inside a string
        byte[][] bad = {
          {(byte) 0xC0, (byte) 0xAF},
          {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          {(byte) 0xE2, (byte) 0x82},
          {(byte) 0x80},
          {(byte) 0xFF},
          {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}
        };
        int at = doc.indexOf("USDT");
        if (at < 0) {
          yield concat(utf8, bad[r.nextInt(bad.length)]);
        }
        byte[] head = doc.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = doc.substring(at).getBytes(StandardCharsets.UTF_8);
        yield concat(concat(head, bad[r.nextInt(bad.length)]), tail);
      }
      default -> concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, utf8); // a BOM that lies
    };
  }

  /** Byte-level damage: flips, deletions, insertions, truncation, splicing, repetition. */
  static byte[] mutate(byte[] in, Random r) {
    byte[] b = in;
    int rounds = 1 + r.nextInt(4);
    for (int k = 0; k < rounds && b.length > 0; k++) {
      int at = r.nextInt(b.length);
      switch (r.nextInt(6)) {
        case 0 -> {
          b = b.clone();
          b[at] ^= (byte) (1 << r.nextInt(8));
        }
        case 1 ->
            b =
                concat(
                    java.util.Arrays.copyOf(b, at),
                    java.util.Arrays.copyOfRange(b, at + 1, b.length));
        case 2 -> {
          byte[] alphabet = "{}[]\",:\\0-e.nN\u0000".getBytes(StandardCharsets.UTF_8);
          byte[] ins = {alphabet[r.nextInt(alphabet.length)]};
          b =
              concat(
                  concat(java.util.Arrays.copyOf(b, at), ins),
                  java.util.Arrays.copyOfRange(b, at, b.length));
        }
        case 3 -> b = java.util.Arrays.copyOf(b, at);
        case 4 -> {
          int from = r.nextInt(b.length);
          int len = Math.min(b.length - from, 1 + r.nextInt(32));
          byte[] piece = java.util.Arrays.copyOfRange(b, from, from + len);
          b =
              concat(
                  concat(java.util.Arrays.copyOf(b, at), piece),
                  java.util.Arrays.copyOfRange(b, at, b.length));
        }
        default -> b = concat(b, r.nextBoolean() ? b : " x".getBytes(StandardCharsets.UTF_8));
      }
    }
    return b;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
