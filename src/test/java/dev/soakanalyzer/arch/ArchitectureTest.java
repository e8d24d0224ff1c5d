package dev.soakanalyzer.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the core pure and adapters in their own packages. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.soakanalyzer");

  /**
   * An allow-list, so a new adapter package cannot slip into the core unnoticed: the core may use
   * the JDK, commons-math3 and itself, nothing else.
   */
  @Test
  void coreImportsOnlyTheJdkCommonsMathAndItself() {
    classes()
        .that()
        .resideInAPackage("dev.soakanalyzer.core..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.apache.commons.math3..", "dev.soakanalyzer.core..")
        .because("the core is values in, values out: no files, sockets, adapters or frameworks")
        .check(CLASSES);
  }

  /**
   * The house keeps every source file readable in one sitting: about 400 lines at most. A class
   * that grows past it is split by what it owns, not by line count.
   */
  @Test
  void noSourceFileIsOverAbout400Lines() throws IOException {
    List<String> tooLong;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      tooLong =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> lines(f) > 410)
              .map(f -> f + " (" + lines(f) + " lines)")
              .toList();
    }
    org.assertj.core.api.Assertions.assertThat(tooLong).as("files over 410 lines").isEmpty();
  }

  private static long lines(Path f) {
    try (Stream<String> l = Files.lines(f)) {
      return l.count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void coreTouchesNoFilesAndNoNetwork() {
    noClasses()
        .that()
        .resideInAPackage("dev.soakanalyzer.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.nio.file..", "java.net..", "java.net.http..")
        .because("reading and writing belong to the adapters around the core")
        .check(CLASSES);
  }

  @Test
  void thePackagesImportEachOtherOneWayOnly() {
    slices()
        .matching("dev.soakanalyzer.(*)..")
        .should()
        .beFreeOfCycles()
        .because("layers point one way: entry points -> use cases -> adapters -> core")
        .check(CLASSES);
  }

  @Test
  void jedisStaysInTheRedisAdapter() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.soakanalyzer.redis..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("redis.clients..")
        .check(CLASSES);
  }

  @Test
  void githubApiStaysInTheGithubAdapter() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.soakanalyzer.github..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.kohsuke.github..")
        .check(CLASSES);
  }

  @Test
  void picocliStaysInTheCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.soakanalyzer.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .check(CLASSES);
  }
}
