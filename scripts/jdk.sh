# Sourced by ./build and ./jx86: sets JAVA_HOME to a JDK of version 25 or later.
# Looks at $JAVA_HOME first, then at every JDK under /usr/lib/jvm (or the directories in $JX86_JDK_DIRS, separated
# by ':'); stops with one line if none fits. No subprocess: ./jx86 runs this on every start.

jx86_java_version() { # sets jx86_version to the feature version of the JDK at $1, or to nothing
  jx86_version=
  [ -x "$1/bin/javac" ] && [ -r "$1/release" ] || return 0
  local line
  while IFS= read -r line; do
    if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then
      jx86_version=${BASH_REMATCH[1]}
      return 0
    fi
  done <"$1/release"
}

jx86_try_jdk() { # sets JAVA_HOME to $1 if it is a JDK 25 or later
  jx86_java_version "$1"
  [ -n "$jx86_version" ] && [ "$jx86_version" -ge 25 ] || return 1
  JAVA_HOME=$1
  export JAVA_HOME
}

jx86_find_jdk() {
  local dir dirs candidate
  if [ -n "${JAVA_HOME:-}" ] && jx86_try_jdk "$JAVA_HOME"; then
    return 0
  fi
  IFS=: read -r -a dirs <<<"${JX86_JDK_DIRS:-/usr/lib/jvm}"
  for dir in "${dirs[@]}"; do
    for candidate in "$dir"/*; do
      jx86_try_jdk "$candidate" && return 0
    done
  done
  echo "jx86: no JDK 25 found (looked at \$JAVA_HOME and ${JX86_JDK_DIRS:-/usr/lib/jvm}): install one, e.g. Temurin 25, or export JAVA_HOME=/path/to/jdk-25" >&2
  exit 1
}

jx86_find_jdk
