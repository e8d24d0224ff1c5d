package dev.soakanalyzer.github;

import dev.soakanalyzer.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment a GitHub runner gives a container action on a {@code pull_request} event: the
 * event payload copied into the workspace, temp files for GITHUB_STEP_SUMMARY and GITHUB_OUTPUT,
 * and the API URL of a local fake. Tests add their INPUT_* variables.
 */
public final class SimulatedRunner {
  private SimulatedRunner() {}

  public static Map<String, String> pullRequestEnv(Path workspace, String apiUrl)
      throws IOException {
    Path event = workspace.resolve("event.json");
    Files.copy(
        CliRunner.projectDir().resolve("src/test/resources/github/pull_request_event.json"), event);
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_WORKSPACE", workspace.toString());
    env.put("GITHUB_EVENT_NAME", "pull_request");
    env.put("GITHUB_EVENT_PATH", event.toString());
    env.put("GITHUB_REPOSITORY", "acme/mm-bot");
    env.put("GITHUB_API_URL", apiUrl);
    env.put("GITHUB_SERVER_URL", "https://github.com");
    env.put("GITHUB_RUN_ID", "4242");
    env.put("GITHUB_STEP_SUMMARY", workspace.resolve("step_summary.md").toString());
    env.put("GITHUB_OUTPUT", workspace.resolve("output.txt").toString());
    return env;
  }
}
