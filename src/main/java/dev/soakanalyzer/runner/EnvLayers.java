package dev.soakanalyzer.runner;

import java.util.Map;
import java.util.Optional;

/**
 * Environment below the CLI: the process environment first, then the {@code .env} file. Blank
 * values count as unset so {@code FOO=} in a .env does not mask a default.
 */
public record EnvLayers(Map<String, String> environment, Map<String, String> dotEnv) {

  public EnvLayers {
    environment = Map.copyOf(environment);
    dotEnv = Map.copyOf(dotEnv);
  }

  public Optional<String> get(String name) {
    String v = environment.get(name);
    if (v == null || v.isBlank()) {
      v = dotEnv.get(name);
    }
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }

  /** CLI value when given, else environment, else .env, else the default. */
  public String pick(String cli, String name, String fallback) {
    if (cli != null) {
      return cli;
    }
    return get(name).orElse(fallback);
  }
}
