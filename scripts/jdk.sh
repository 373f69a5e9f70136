# Sourced by ./build and ./jx86: sets JAVA_HOME to a JDK of version 25 or later.
# Looks at $JAVA_HOME first, then at every JDK under /usr/lib/jvm; stops with one line if none fits.

jx86_java_version() { # prints the feature version of the JDK at $1, or nothing
  [ -x "$1/bin/javac" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}

jx86_find_jdk() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] || continue
    version=$(jx86_java_version "$candidate")
    if [ -n "$version" ] && [ "$version" -ge 25 ]; then
      JAVA_HOME=$candidate
      export JAVA_HOME
      return 0
    fi
  done
  echo "jx86: no JDK 25 found (looked at \$JAVA_HOME and /usr/lib/jvm): install one, e.g. Temurin 25, or export JAVA_HOME=/path/to/jdk-25" >&2
  exit 1
}

jx86_find_jdk
