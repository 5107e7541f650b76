# Shared by the scripts: install what the project needs on a fresh Debian machine.
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.local/bin:$PATH"
export UV_PYTHON_DOWNLOADS="${UV_PYTHON_DOWNLOADS:-never}"  # only the registries are reachable

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

_apt_updated=0
apt_install() {
  # apt_install PACKAGE... : install the Debian packages that are missing.
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  log "installing Debian packages: ${missing[*]}"
  if [ $_apt_updated -eq 0 ]; then $sudo apt-get update -qq; _apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_uv() {
  command -v uv >/dev/null 2>&1 && return 0
  log "installing uv"
  python3 -m pip install --quiet --user uv 2>/dev/null || python3 -m pip install --quiet uv
  command -v uv >/dev/null 2>&1 || { echo "uv could not be installed" >&2; exit 1; }
}

bootstrap() {
  # The Python environment, the system packages every run needs, compiled translations.
  cd "$ROOT"
  apt_install gettext
  ensure_uv
  log "syncing the Python environment (uv)"
  uv sync --frozen --quiet
  (cd src/werkpost && uv run --frozen werkpost compilemessages --verbosity 0)
}
