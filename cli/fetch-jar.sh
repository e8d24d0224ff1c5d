#!/usr/bin/env bash
# Step of the composite action (cli/action.yml), the same on Linux, macOS and, through Git Bash
# named by its full path, Windows. Finds a Java 17+ the runner already has and the jar of the
# release the action ref points at; writes java=..., path=... (and java-missing=true when the
# action must install one) to GITHUB_OUTPUT. Never changes the caller's environment.
# Reads: ACTION_REF, ACTION_REPO, SERVER (github.server_url), RUNNER_TEMP, GITHUB_ACTION_PATH,
# GITHUB_OUTPUT; SOAK_JAR_FALLBACK_SERVER (default https://github.com, tests use a local fake).
set -eo pipefail

# github.action_ref/action_repository are often empty inside composite actions
# (actions/runner#2473): read them from the path the runner checked the action out to,
# .../_actions/OWNER/REPO/REF/cli.
if [ -z "$ACTION_REPO" ] || [ -z "$ACTION_REF" ]; then
  p="$(printf '%s' "$GITHUB_ACTION_PATH" | tr '\\' '/')"
  case "$p" in
    */_actions/*/*/*/cli)
      rest="${p#*/_actions/}"; rest="${rest%/cli}"
      ACTION_REPO="${rest%%/*}/$(printf '%s' "${rest#*/}" | cut -d/ -f1)"
      ACTION_REF="$(printf '%s' "$rest" | cut -d/ -f3-)"
      ;;
  esac
fi

# A Java the runner has (hosted images set JAVA_HOME_<major>_<arch>), used by its full path so
# nothing is added to PATH or JAVA_HOME for the caller's later steps.
java=""
for home in "$JAVA_HOME_25_X64" "$JAVA_HOME_25_ARM64" "$JAVA_HOME_21_X64" "$JAVA_HOME_21_ARM64" \
            "$JAVA_HOME_17_X64" "$JAVA_HOME_17_ARM64" "$JAVA_HOME"; do
  [ -n "$home" ] || continue
  for exe in "$home/bin/java" "$home/bin/java.exe"; do
    if [ -x "$exe" ]; then
      major="$("$exe" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | tr -d '\r')"
      if [ -n "$major" ] && [ "${major%%.*}" -ge 17 ] 2>/dev/null; then java="$exe"; break 2; fi
    fi
  done
done
if [ -n "$java" ]; then
  echo "java=$java" >> "$GITHUB_OUTPUT"
else
  echo "java-missing=true" >> "$GITHUB_OUTPUT"
  echo "caller-java-home=$JAVA_HOME" >> "$GITHUB_OUTPUT"
fi

dir="${RUNNER_TEMP}/soak-analyzer"
mkdir -p "$dir"
jar="$dir/soak-analyzer.jar"
# On GitHub Enterprise Server the action is synced from github.com without its release assets:
# the jar comes from github.com (curl honours the runner's HTTPS_PROXY/NO_PROXY), else it is
# built from the action's sources. The notice says which.
fallback="${SOAK_JAR_FALLBACK_SERVER:-https://github.com}"
servers="$SERVER"
if [ "$SERVER" != "$fallback" ]; then servers="$SERVER $fallback"; fi
if [ ! -f "$jar" ] && [ -n "$ACTION_REPO" ] && [ -n "$ACTION_REF" ]; then
  for server in $servers; do
    for url in "$server/$ACTION_REPO/releases/download/$ACTION_REF/soak-analyzer.jar" \
               "$server/$ACTION_REPO/releases/latest/download/soak-analyzer.jar"; do
      if curl -fsSL --retry 3 --max-time 120 -o "$jar" "$url"; then
        echo "::notice::soak-analyzer.jar downloaded from $url"
        break 2
      fi
      rm -f "$jar"
    done
  done
fi
if [ ! -f "$jar" ]; then
  echo "::notice::no released jar reachable for $ACTION_REPO@$ACTION_REF (tried: $servers), building it from the action's sources"
  (cd "$GITHUB_ACTION_PATH/.." && mvn -B -q package -DskipTests -Dspotless.check.skip=true)
  cp "$GITHUB_ACTION_PATH/../target/soak-analyzer.jar" "$jar"
fi
echo "path=$jar" >> "$GITHUB_OUTPUT"
