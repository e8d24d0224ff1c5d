package dev.soakanalyzer.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.cli.Main;
import dev.soakanalyzer.github.SimulatedRunner;
import dev.soakanalyzer.testsupport.RealRedis;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A self-hosted runner starts the container as root over a checkout that belongs to the runner's
 * user. Every file and directory the action creates in the workspace (reports, the out-dir's lock,
 * the export status) must end up the workspace owner's, or the next actions/checkout cannot clean
 * it. Runs as root over a workspace chowned to another uid; a user's own file is left alone.
 */
class WorkspaceOwnershipTest {
  private static final Path PROJECT = Path.of(System.getProperty("soak.project.dir", "."));
  private static final int RUNNER_UID = 1234;
  private static final int RUNNER_GID = 2345;

  @RegisterExtension static final RealRedis REDIS = new RealRedis();

  @TempDir Path workspace;

  private static int uid(Path p) throws Exception {
    return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
  }

  private static int gid(Path p) throws Exception {
    return (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
  }

  @Test
  void asRootEveryPathTheActionCreatesBelongsToTheWorkspaceOwner() throws Exception {
    Path probe = Files.createTempFile("uid-probe", "");
    int self = uid(probe);
    Files.delete(probe);
    assertThat(self)
        .as(
            "this test checks what a root container does: run the suite as root (uid 0), e.g. in"
                + " the build container or with sudo")
        .isZero();

    Path fixtures = workspace.resolve("fixtures/soak_warn");
    Files.createDirectories(fixtures);
    try (Stream<Path> files = Files.list(PROJECT.resolve("fixtures/soak_warn"))) {
      for (Path f : files.toList()) {
        Files.copy(f, fixtures.resolve(f.getFileName()));
      }
    }
    Map<String, String> env =
        new HashMap<>(SimulatedRunner.pullRequestEnv(workspace, "http://127.0.0.1:9"));
    Path fileCommands = Files.createTempDirectory("file_commands");
    env.put("GITHUB_EVENT_NAME", "push");
    env.put("GITHUB_OUTPUT", fileCommands.resolve("output").toString());
    env.put("GITHUB_STEP_SUMMARY", fileCommands.resolve("summary").toString());
    env.put("INPUT_ITER-GLOB", "fixtures/soak_warn/ITER_SUMMARY_*.json");
    env.put("INPUT_OUT-DIR", "reports/nested/analysis");
    env.put("INPUT_MIN-WINDOWS", "24");
    env.put("INPUT_REDIS-URL", REDIS.url());
    env.put("INPUT_ENV", REDIS.uniqueEnv());
    // A root-owned file of the user's, outside what the action writes: never touched.
    Path usersOwn = workspace.resolve("fixtures/root-owned-by-choice.txt");
    Files.writeString(usersOwn, "mine");
    try (Stream<Path> all = Files.walk(workspace)) {
      for (Path p : all.filter(p -> !p.equals(usersOwn)).toList()) {
        Files.setAttribute(p, "unix:uid", RUNNER_UID, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", RUNNER_GID, LinkOption.NOFOLLOW_LINKS);
      }
    }
    StringWriter err = new StringWriter();

    int code =
        Main.run(
            new String[] {"action"},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            env,
            Clock.fixed(Instant.parse("2026-01-05T12:00:00Z"), ZoneOffset.UTC));

    assertThat(code).as(err.toString()).isZero();
    List<Path> created;
    try (Stream<Path> all = Files.walk(workspace)) {
      created = all.filter(p -> !p.equals(usersOwn)).toList();
    }
    assertThat(created)
        .as("reports, lock and state were written")
        .anyMatch(p -> p.endsWith("reports/nested/analysis/SOAK_SUMMARY.json"))
        .anyMatch(p -> p.endsWith("last_export_status.json"));
    for (Path p : created) {
      assertThat(uid(p)).as("owner of %s", workspace.relativize(p)).isEqualTo(RUNNER_UID);
      assertThat(gid(p)).as("group of %s", workspace.relativize(p)).isEqualTo(RUNNER_GID);
    }
    assertThat(uid(usersOwn)).isZero();
  }
}
