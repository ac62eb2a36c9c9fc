# Shared by the package tests: a scratch folder removed at exit, and comparing file lists.

scratch=$(mktemp -d "${TMPDIR:-/tmp}/untrain-package-XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# The extension's files, relative to extension/, as they are in the source tree.
extension_files() {
  (cd "$source/extension" && find . -type f | sed 's|^\./||' | sort)
}

# Fails, showing the difference, unless the two sorted lists are the same.
same_lists() {
  local what=$1 expected=$2 actual=$3
  if ! diff -u <(printf '%s\n' "$expected") <(printf '%s\n' "$actual"); then
    echo "FAIL: $what differ (- expected, + actual)" >&2
    exit 1
  fi
}
