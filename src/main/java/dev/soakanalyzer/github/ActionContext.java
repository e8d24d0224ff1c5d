package dev.soakanalyzer.github;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the runner hands a container action: its inputs as {@code INPUT_<NAME>} variables
 * (upper-cased, hyphens kept, e.g. {@code INPUT_ITER-GLOB}) and the {@code GITHUB_*} context.
 */
public record ActionContext(Map<String, String> env) {

  public static final String DEFAULT_API_URL = "https://api.github.com";

  public ActionContext {
    env = Map.copyOf(env);
  }

  /**
   * The input's value, or empty when unset or blank (the runner passes unset inputs as empty
   * strings). The underscore spelling is accepted too, for shells that cannot export hyphens.
   */
  public Optional<String> input(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    String value = env.get("INPUT_" + upper);
    if (value == null || value.isBlank()) {
      value = env.get("INPUT_" + upper.replace('-', '_'));
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public boolean runningInActions() {
    return "true".equals(env.get("GITHUB_ACTIONS"));
  }

  public Path workspace() {
    return Path.of(env.getOrDefault("GITHUB_WORKSPACE", "."));
  }

  public String eventName() {
    return env.getOrDefault("GITHUB_EVENT_NAME", "");
  }

  public Optional<Path> eventPath() {
    return path("GITHUB_EVENT_PATH");
  }

  public Optional<Path> stepSummaryPath() {
    return path("GITHUB_STEP_SUMMARY");
  }

  /** {@code RUNNER_TEMP}: in the container, the runner's mount {@code /github/runner_temp}. */
  public Optional<Path> runnerTemp() {
    return path("RUNNER_TEMP");
  }

  public Optional<Path> outputPath() {
    return path("GITHUB_OUTPUT");
  }

  public Optional<String> repository() {
    return value("GITHUB_REPOSITORY");
  }

  /** REST base URL; GitHub Enterprise Server sets it to {@code https://HOST/api/v3}. */
  public String apiUrl() {
    return value("GITHUB_API_URL").orElse(DEFAULT_API_URL).replaceAll("/+$", "");
  }

  /** Link to this workflow run, or empty outside Actions. */
  public Optional<String> runUrl() {
    Optional<String> server = value("GITHUB_SERVER_URL");
    Optional<String> repo = repository();
    Optional<String> run = value("GITHUB_RUN_ID");
    if (server.isEmpty() || repo.isEmpty() || run.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(server.get() + "/" + repo.get() + "/actions/runs/" + run.get());
  }

  /** True for the events whose payload carries a pull request we may comment on. */
  public boolean isPullRequestEvent() {
    return switch (eventName()) {
      case "pull_request", "pull_request_target" -> true;
      default -> false;
    };
  }

  private Optional<String> value(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  private Optional<Path> path(String name) {
    return value(name).map(Path::of);
  }
}
