package dev.soakanalyzer.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.soakanalyzer.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the runner does with the Dockerfile and action.yml that the container test (podman, which
 * understands everything) cannot show: a ref that is not a release makes the runner build the
 * Dockerfile with whatever builder its Docker has, often the legacy one on self-hosted runners
 * (Docker before 23, or DOCKER_BUILDKIT=0); and the runner appends a workflow's {@code with: args:}
 * after the entry point unless action.yml declares runs.args (ContainerActionHandler in
 * actions/runner).
 */
class ImageRecipeTest {
  private static final Path ROOT = CliRunner.projectDir();

  /** Dockerfile syntax the legacy builder rejects or misreads, with what it is. */
  private static final List<String[]> BUILDKIT_ONLY =
      List.of(
          new String[] {"(?m)^#\\s*syntax\\s*=", "a syntax directive (pulls a frontend image)"},
          new String[] {"(?m)^#\\s*check\\s*=", "a check directive"},
          new String[] {"--mount(=|\\s)", "RUN --mount (cache, secret and bind mounts)"},
          new String[] {"(?m)^RUN\\s+--(network|security)", "RUN --network/--security"},
          new String[] {"--link\\b", "COPY/ADD --link"},
          new String[] {"--chmod\\b", "COPY/ADD --chmod"},
          new String[] {"--checksum\\b", "ADD --checksum"},
          new String[] {"--parents\\b", "COPY --parents"},
          new String[] {"--exclude\\b", "COPY --exclude"},
          new String[] {"<<-?\\s*[\"']?[A-Za-z_]+", "a heredoc"},
          new String[] {
            "\\$\\{?(BUILDPLATFORM|TARGETPLATFORM|TARGETARCH|TARGETOS)",
            "BuildKit's" + " automatic platform arguments"
          });

  @Test
  void theDockerfileUsesOnlySyntaxTheLegacyBuilderUnderstands() throws IOException {
    String dockerfile = instructions(Files.readString(ROOT.resolve("Dockerfile")));
    List<String> found = new ArrayList<>();
    for (String[] rule : BUILDKIT_ONLY) {
      Matcher m = Pattern.compile(rule[0]).matcher(dockerfile);
      if (m.find()) {
        found.add(rule[1] + ": '" + m.group() + "'");
      }
    }
    assertThat(found).as("BuildKit-only syntax in the Dockerfile").isEmpty();
    // And the directive check above must see a directive where there is one.
    assertThat(Pattern.compile(BUILDKIT_ONLY.get(0)[0]).matcher("# syntax=docker/dockerfile:1\n"))
        .matches(Matcher::find, "finds a syntax directive");
  }

  @Test
  void aWorkflowsArgsNeverReachTheCommandLine() throws IOException {
    JsonNode action =
        new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("action.yml").toFile());
    JsonNode args = action.at("/runs/args");
    assertThat(args.isArray()).as("action.yml declares runs.args").isTrue();
    assertThat(args.size()).isEqualTo(1);
    assertThat(args.get(0).asText()).isEqualTo("action");

    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    assertThat(dockerfile)
        .as("the entry point is the tool itself; `action` comes from runs.args (or CMD)")
        .contains(
            "ENTRYPOINT [\"/opt/soak-analyzer/bin/java\", \"@/opt/soak-analyzer/lib/app/java.args\"]")
        .contains("CMD [\"action\"]");
  }

  @Test
  void theReleaseAttachesTheSbomAndBuildsWithItsOwnScript() throws IOException {
    String release = Files.readString(ROOT.resolve(".github/workflows/release.yml"));
    assertThat(release)
        .contains("target/soak-analyzer.cdx.json")
        .contains("-Dsoak.commit=")
        .doesNotContain("docker/build-push-action");
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    assertThat(pom).contains("<artifactId>cyclonedx-maven-plugin</artifactId><version>");
  }

  /** The Dockerfile without comment lines, except parser directives at its very top. */
  private static String instructions(String dockerfile) {
    StringBuilder out = new StringBuilder();
    boolean top = true;
    for (String line : dockerfile.split("\n", -1)) {
      boolean directive = top && line.matches("#\\s*[a-z]+\\s*=.*");
      top = top && directive;
      if (directive || !line.stripLeading().startsWith("#")) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }
}
