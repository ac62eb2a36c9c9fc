# Shared by scripts/install.sh and scripts/test.sh: installs missing Debian packages.

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the named Debian packages that are not installed yet (apt-get update once, first).
ensure_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "untrain: installing ${missing[*]}" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# What building the host needs (docs/architecture.md lists why each is there).
BUILD_PACKAGES=(g++ cmake ninja-build pkg-config nlohmann-json3-dev libsqlite3-dev libboost-dev catch2 libcli11-dev libssl-dev)
