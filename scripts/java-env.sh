# Sourced by Garden's scripts: finds a JDK 22 or newer (Garden calls llama.cpp through the Foreign Function &
# Memory API, final since Java 22) and exports JAVA_HOME for it.
garden_java_version() { # prints the major version of the JDK at $1, or nothing
  local release="$1/release"
  [[ -x "$1/bin/java" && -f "$release" ]] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

garden_find_java() {
  local candidate version best="" best_version=0
  if [[ -n "${JAVA_HOME:-}" ]]; then
    version="$(garden_java_version "$JAVA_HOME")"
    if [[ -n "$version" && "$version" -ge 22 ]]; then
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [[ -d "$candidate" ]] || continue
    version="$(garden_java_version "$candidate")"
    if [[ -n "$version" && "$version" -ge 22 && "$version" -gt "$best_version" ]]; then
      best="$candidate"
      best_version="$version"
    fi
  done
  if [[ -z "$best" ]]; then
    echo "garden: needs a JDK 22 or newer (found none in JAVA_HOME or /usr/lib/jvm). Install one, e.g. Temurin 25, and set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
