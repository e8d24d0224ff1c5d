# soak-analyzer GitHub Action image: Maven build -> jlink-trimmed JDK 25 runtime with an AOT class
# cache from a training run on the bundled fixtures -> a distroless-style image made from scratch:
# the runtime and the few system files it loads (glibc, the CA bundle, passwd), no shell.
#
# Plain Dockerfile syntax only (no RUN --mount, heredocs, COPY --chmod/--link, syntax directive):
# it builds with BuildKit and with the legacy builder that self-hosted runners with an older Docker
# (or DOCKER_BUILDKIT=0) still use, since a ref that is not a release builds this file on the runner.
# The runtime stage calls scripts/build-runtime.sh and scripts/build-rootfs.sh, the scripts that
# build and test the runtime on a machine without a container engine: the tested runtime ships.
#
# Build arguments (the release passes them, scripts/release-image.sh; all optional):
#   REVISION  the commit built: baked into `--version` and the org.opencontainers.image.revision label
#   VERSION   the release version (X.Y.Z): the build fails unless the jar reports the same
#   CREATED   RFC 3339 time for the created label (the release uses the commit's time: reproducible)
#   SOURCE    the repository URL for the source label

FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
# Plugins and dependencies first, in a layer keyed on pom.xml alone, so a source change reuses it
# (the legacy builder has no cache mounts). A build of the empty project fetches what `package`
# needs from Maven Central.
COPY pom.xml ./
COPY .mvn .mvn
RUN mvn -B -q -Dmaven.test.skip=true -Dspotless.check.skip=true package \
 && rm -rf target
COPY src/main src/main
ARG REVISION=
RUN mvn -B -q -Dmaven.test.skip=true -Dspotless.check.skip=true "-Dsoak.commit=${REVISION}" package

FROM eclipse-temurin:25-jdk AS runtime
WORKDIR /src
COPY scripts/build-runtime.sh scripts/build-rootfs.sh scripts/FakeGitHubApi.java scripts/
COPY fixtures fixtures
COPY --from=build /src/target/soak-analyzer.jar target/soak-analyzer.jar
ARG REVISION=
ARG VERSION=
# /opt/soak-analyzer is also the final path: the AOT cache is only used from where it was made.
RUN JAVA_HOME=/opt/java/openjdk scripts/build-runtime.sh --aot action \
      --jar target/soak-analyzer.jar --out /opt/soak-analyzer --fixtures fixtures \
 && scripts/build-rootfs.sh /opt/soak-analyzer /layers \
 && v="$(/opt/soak-analyzer/bin/java @/opt/soak-analyzer/lib/app/java.args --version)" \
 && echo "image: $v" \
 && if [ -n "$VERSION" ]; then echo "$v" | grep -q "^soak-analyzer ${VERSION#v}\( \|$\)" \
      || { echo "error: the jar says '$v', the build was asked for version $VERSION" >&2; exit 1; }; fi \
 && if [ -n "$REVISION" ]; then echo "$v" | grep -qF "(commit $REVISION)" \
      || { echo "error: the jar says '$v', the build was given commit $REVISION" >&2; exit 1; }; fi

FROM scratch
# One layer per rate of change: system files, the JDK runtime, the application (jar + AOT cache).
# COPY keeps file times, which the AOT cache checks against the jar.
COPY --from=runtime /layers/os /
COPY --from=runtime /layers/jdk /
COPY --from=runtime /layers/app /
ARG REVISION=
ARG VERSION=
ARG CREATED=
ARG SOURCE=
LABEL org.opencontainers.image.title="soak-analyzer" \
      org.opencontainers.image.description="Post-soak analysis GitHub Action: trends, sparklines, WARN/CRIT violations, step summary, PR comment" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.created="${CREATED}"
ENV PATH=/opt/soak-analyzer/bin \
    LANG=C.UTF-8
# GitHub runs container actions as root (workspace and file-command files belong to root).
USER 0:0
WORKDIR /github/workspace
# No shell: the java launcher reads the JVM options, class path and main class from java.args, and
# JDK_JAVA_OPTIONS adds options (e.g. -Xmx1g). action.yml passes `action` as the arguments
# (runs.args), so a workflow's `with: args:` never reaches the command line.
ENTRYPOINT ["/opt/soak-analyzer/bin/java", "@/opt/soak-analyzer/lib/app/java.args"]
CMD ["action"]
