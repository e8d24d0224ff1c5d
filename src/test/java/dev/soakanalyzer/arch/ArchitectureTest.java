package dev.soakanalyzer.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the core pure and adapters in their own packages. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.soakanalyzer");

  @Test
  void coreImportsNoPicocliJacksonJedisGithubOrAdapters() {
    noClasses()
        .that()
        .resideInAPackage("dev.soakanalyzer.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "picocli..",
            "com.fasterxml.jackson..",
            "redis.clients..",
            "org.kohsuke.github..",
            "java.net.http..",
            "java.nio.file..",
            "dev.soakanalyzer.cli..",
            "dev.soakanalyzer.app..",
            "dev.soakanalyzer.ingest..",
            "dev.soakanalyzer.json..",
            "dev.soakanalyzer.io..",
            "dev.soakanalyzer.redis..",
            "dev.soakanalyzer.github..",
            "dev.soakanalyzer.alert..",
            "dev.soakanalyzer.runner..")
        .because("the core is values in, values out (STYLE.md habit 1)")
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
