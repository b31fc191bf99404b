# Shared by scripts/demo.sh and scripts/test.sh: installs what the project
# needs from Debian's archive (idempotently) and builds the extension.
set -euo pipefail

TEXTSENSE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_MAJOR=15
export LANG=${LANG:-C.UTF-8}

# Runs a command as root (directly when we are root, else through sudo).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
  local packages=(
    build-essential cmake pkg-config xz-utils
    "postgresql-$PG_MAJOR" "postgresql-server-dev-$PG_MAJOR" postgresql-common
    libicu-dev libcld2-dev libstemmer-dev libgtest-dev libbenchmark-dev
    python3 python3-psycopg2
    clang-14 libclang-rt-14-dev  # ThreadSanitizer (scripts/sanitizers.sh)
    clang-format-14              # scripts/format.sh --check
    flex libcurl4-openssl-dev liblz4-dev libzstd-dev libkrb5-dev libpam0g-dev  # Citus build
    libreadline-dev libselinux1-dev libssl-dev libxslt1-dev uuid-dev           # (scripts/citus.sh)
    debhelper dpkg-dev fakeroot postgresql-server-dev-all  # Debian package (test/package_test.sh)
  )
  install_debian_packages "${packages[@]}"
}

# Installs those of the given Debian packages that are not installed yet.
install_debian_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> installing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
}

# The npm peers of bench/peers.mjs, pinned, into bench/node_modules (ignored
# by git) unless they are there already. Needs node and npm.
install_npm_peers() {
  local bench_dir="$TEXTSENSE_ROOT/bench"
  local peers=(vader-sentiment@1.1.3 sentiment@5.0.2 wink-nlp@2.4.0 wink-eng-lite-web-model@1.8.1)
  if ! (cd "$bench_dir" && node -e "for (const p of ['vader-sentiment','sentiment','wink-nlp','wink-eng-lite-web-model']) require.resolve(p)") 2>/dev/null; then
    echo "==> installing the npm peers: ${peers[*]}"
    (cd "$bench_dir" && npm install --silent --no-save --no-audit --no-fund "${peers[@]}" >/dev/null)
  fi
}

build_and_install_extension() {
  echo "==> building and installing the extension (make && make install)"
  make -C "$TEXTSENSE_ROOT" -s -j2 PG_CONFIG="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config"
  as_root make -C "$TEXTSENSE_ROOT" -s install PG_CONFIG="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config" >/dev/null
}

# Runs "$@" with PG* variables pointing at a throwaway cluster that is
# removed afterwards.
with_throwaway_cluster() {
  # -t: a temporary directory even as root, so runs never collide.
  pg_virtualenv -t -v "$PG_MAJOR" "$@"
}

# A port for a throwaway server, below the kernel's range of ephemeral
# ports (ip_local_port_range, 32768-60999 by default): a port in that range
# can be the local end of a client connection (one of Citus's between its
# nodes, say) at the moment the server binds it, and the bind then fails
# with "Address already in use" though nothing listens there.
random_server_port() {
  local low
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  [[ $low =~ ^[0-9]+$ ]] && [ "$low" -gt 21000 ] || low=32768
  echo $((low - 12000 + RANDOM % 10000))
}

# pg_virtualenv -t puts every throwaway cluster on port 5432 unless PGPORT
# says otherwise, so a long benchmark would collide with a test run started
# meanwhile: unless PGPORT is set, export one that nothing listens on.
use_free_port() {
  [ -n "${PGPORT:-}" ] && return 0
  local port
  for _ in $(seq 100); do
    port=$(random_server_port)
    if [ ! -e "/var/run/postgresql/.s.PGSQL.$port" ] && [ ! -e "/tmp/.s.PGSQL.$port" ] &&
       [ -z "$(ss -Htan "sport = :$port" 2>/dev/null)" ]; then
      export PGPORT=$port
      return 0
    fi
  done
}
