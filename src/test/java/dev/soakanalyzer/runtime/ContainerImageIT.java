package dev.soakanalyzer.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.soakanalyzer.cli.CliRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Builds the repository's Dockerfile, unchanged, with the release's own build step
 * (scripts/release-image.sh, podman), and runs the image as GitHub runs a container action
 * (scripts/test-container.sh: workspace at /github/workspace, hyphenated INPUT_* variables,
 * action.yml's runs.args, event payload, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, a fake GitHub
 * API on loopback; --network none except for the PR comment). Then rehearses the release: pushes
 * the image to a docker-registry on loopback with the release's push step, pins a copy of
 * action.yml by tag and digest, pulls that reference into an empty image store and runs it. Base
 * images are local stand-ins (scripts/container-images.sh), so no outside registry is needed.
 * Without podman or the registry it fails saying what to install.
 */
class ContainerImageIT {
  private static final Path ROOT = CliRunner.projectDir();

  @Test
  void theImageBuiltFromTheDockerfileRunsAsGitHubRunsIt() throws Exception {
    Path log = Files.createTempFile("soak-container-it", ".log");
    Process p =
        new ProcessBuilder("bash", "scripts/test-container.sh")
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(25, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail(
          "scripts/test-container.sh did not finish within 25 minutes; output so far:%n%s",
          read(log));
    }
    String output = read(log);
    Files.deleteIfExists(log);
    // image size as built and pushed, start-to-exit and cold pull-and-run times, for the build log
    System.out.println(output);
    assertThat(p.exitValue())
        .as(
            "scripts/test-container.sh (needs podman, buildah, runc, debootstrap,"
                + " docker-registry, curl and jq: scripts/test installs them) printed:%n%s",
            output)
        .isZero();
    assertThat(output).contains("container test passed").contains("MB as pushed");
  }

  private static String read(Path log) throws java.io.IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
