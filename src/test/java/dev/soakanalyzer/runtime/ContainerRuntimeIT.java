package dev.soakanalyzer.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.soakanalyzer.cli.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Builds the container's runtime with the very script the Dockerfile calls (jlink + AOT cache from
 * a training run), then runs the action through it in a simulated runner (scripts/test-runtime.sh:
 * outputs, PR comment to a local fake API, masking, exit codes 0/1/2). This machine has no Docker
 * engine, so this is how what ships in the image is tested.
 */
class ContainerRuntimeIT {
  private static final Path ROOT = CliRunner.projectDir();

  @Test
  void theActionRunsThroughTheTrimmedRuntimeWithItsAotCache() throws Exception {
    Path jdk = jdk25();
    Path jar = ROOT.resolve("target/soak-analyzer.jar");
    assertThat(jar).as("the packaged jar (failsafe runs after 'package')").exists();
    Path runtime = ROOT.resolve("target/it-runtime");

    Result build =
        run(
            List.of(
                "bash",
                "scripts/build-runtime.sh",
                "--jar",
                jar.toString(),
                "--out",
                runtime.toString()),
            Map.of("JAVA_HOME", jdk.toString()));
    assertThat(build.exitCode()).as("build-runtime.sh output:%n%s", build.output()).isZero();
    assertThat(runtime.resolve("lib/app/soak-analyzer.aot")).as("AOT cache").exists();

    Result test =
        run(
            List.of("bash", "scripts/test-runtime.sh"),
            Map.of("JAVA_HOME", jdk.toString(), "RUNTIME", runtime.toString()));
    assertThat(test.exitCode()).as("test-runtime.sh output:%n%s", test.output()).isZero();
    assertThat(test.output()).contains("runtime test passed");
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command, Map<String, String> env) throws Exception {
    Path log = Files.createTempFile("soak-runtime-it", ".log");
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
    pb.environment().putAll(env);
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("%s did not finish within 10 minutes", command);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    return new Result(p.exitValue(), output);
  }

  /**
   * The JDK 25 the runtime is built from (the AOT cache needs it); fails saying how to provide one.
   */
  private static Path jdk25() throws IOException {
    for (String candidate :
        new String[] {
          System.getenv("SOAK_RUNTIME_JAVA_HOME"),
          "/usr/lib/jvm/temurin-25-jdk-amd64",
          System.getenv("JAVA_HOME")
        }) {
      if (candidate == null || candidate.isBlank()) {
        continue;
      }
      Path home = Path.of(candidate);
      Path release = home.resolve("release");
      if (Files.isExecutable(home.resolve("bin/jlink"))
          && Files.exists(release)
          && Files.readString(release).contains("JAVA_VERSION=\"25")) {
        return home;
      }
    }
    return fail(
        "The runtime test needs a JDK 25 (jlink + AOT cache): install one (e.g. Temurin 25) and set"
            + " SOAK_RUNTIME_JAVA_HOME=/path/to/jdk-25, or put it at /usr/lib/jvm/temurin-25-jdk-amd64");
  }
}
