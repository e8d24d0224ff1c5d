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
 * Builds the repository's Dockerfile, unchanged, with podman, and runs the image as GitHub runs a
 * container action (scripts/test-container.sh: workspace at /github/workspace, hyphenated INPUT_*
 * variables, event payload, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, a fake GitHub API on
 * loopback; --network none except for the PR comment). Base images are local stand-ins
 * (scripts/container-images.sh), so no registry is needed. Without podman it fails saying what to
 * install.
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
    System.out.println(output); // image size and start-to-exit time, for the build log
    assertThat(p.exitValue())
        .as(
            "scripts/test-container.sh (needs podman, buildah, runc and debootstrap: scripts/test"
                + " installs them) printed:%n%s",
            output)
        .isZero();
    assertThat(output).contains("container test passed");
  }

  private static String read(Path log) throws java.io.IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
