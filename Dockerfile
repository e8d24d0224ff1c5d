# syntax=docker/dockerfile:1
# soak-analyzer GitHub Action image: Maven build -> jlink-trimmed JDK 25 runtime with an AOT class
# cache from a training run on the bundled fixtures -> small final image.
# The runtime stage calls scripts/build-runtime.sh, the same script that builds build/runtime/ on a
# machine without a Docker engine, so the tested runtime is the shipped one.

FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY pom.xml ./
COPY .mvn .mvn
COPY src src
# Tests and the format check run in CI before the image is built. Dependencies come from Maven
# Central only, through the cache mount (kept between builds); no dependency:go-offline, which also
# resolves optional dependencies that exist only outside Central.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q package -DskipTests -Dspotless.check.skip=true

FROM eclipse-temurin:25-jdk AS runtime
WORKDIR /src
COPY scripts/build-runtime.sh scripts/FakeGitHubApi.java scripts/
COPY fixtures fixtures
COPY --from=build /src/target/soak-analyzer.jar target/soak-analyzer.jar
# /opt/soak-analyzer is also the final path: the AOT cache is only used from where it was made.
RUN JAVA_HOME=/opt/java/openjdk scripts/build-runtime.sh \
      --jar target/soak-analyzer.jar --out /opt/soak-analyzer --fixtures fixtures

FROM debian:bookworm-slim
LABEL org.opencontainers.image.title="soak-analyzer" \
      org.opencontainers.image.description="Post-soak analysis GitHub Action: trends, sparklines, WARN/CRIT violations, step summary, PR comment" \
      org.opencontainers.image.licenses="Apache-2.0"
# COPY keeps file times, which the AOT cache checks against the jar.
COPY --from=runtime /opt/soak-analyzer /opt/soak-analyzer
ENV PATH="/opt/soak-analyzer/bin:${PATH}" \
    LANG=C.UTF-8
# GitHub runs container actions as root (workspace and file-command files belong to root).
USER root
WORKDIR /github/workspace
ENTRYPOINT ["/opt/soak-analyzer/bin/soak-analyzer", "action"]
