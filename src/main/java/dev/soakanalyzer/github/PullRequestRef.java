package dev.soakanalyzer.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The pull request of a {@code pull_request}/{@code pull_request_target} event payload.
 *
 * @param baseRepository {@code owner/name} the PR targets (where the comment goes)
 * @param fromFork head branch lives in another repository: on {@code pull_request} the token is
 *     read-only
 */
public record PullRequestRef(
    int number, String baseRepository, boolean fromFork, String headSha, String baseSha) {

  public PullRequestRef(int number, String baseRepository, boolean fromFork, String headSha) {
    this(number, baseRepository, fromFork, headSha, "");
  }

  /** {@code base[:7]..head[:7]}, or null when the payload lacks either SHA. */
  public String commitRange() {
    if (headSha == null || baseSha == null || headSha.isBlank() || baseSha.isBlank()) {
      return null;
    }
    return shortSha(baseSha) + ".." + shortSha(headSha);
  }

  private static String shortSha(String sha) {
    String s = sha.strip();
    return s.length() > 7 ? s.substring(0, 7) : s;
  }

  /** Reads the PR from the event file; empty when the payload has no pull request. */
  public static Optional<PullRequestRef> read(Path eventPath) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(eventPath));
    JsonNode pr = root == null ? null : root.get("pull_request");
    if (pr == null || !pr.isObject()) {
      return Optional.empty();
    }
    int number = pr.path("number").asInt(root.path("number").asInt(0));
    if (number <= 0) {
      return Optional.empty();
    }
    String base = pr.path("base").path("repo").path("full_name").asText("");
    if (base.isEmpty()) {
      base = root.path("repository").path("full_name").asText("");
    }
    JsonNode headRepo = pr.path("head").path("repo");
    String head = headRepo.path("full_name").asText("");
    // A deleted fork has head.repo = null: treat it as a fork, its token is read-only too.
    boolean fork = headRepo.isNull() || headRepo.isMissingNode() || !head.equalsIgnoreCase(base);
    return Optional.of(
        new PullRequestRef(
            number,
            base,
            fork,
            pr.path("head").path("sha").asText(""),
            pr.path("base").path("sha").asText("")));
  }
}
