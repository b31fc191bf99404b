#!/usr/bin/env bash
# Citus and local multi-server clusters for the scale-out tests
# (test/citus_test.sh, test/fdw_shards_test.sh) and bench/scale_out.sh.
#
# Sourced, it defines:
#   citus_available             true when the vendored Citus tarball is there
#   citus_install               installs Citus' Debian build dependencies and
#                               Citus itself, building it only once per tarball
#                               (the build is cached outside the repository)
#   nodes_init                  a temporary directory for servers, removed on exit
#   node_start NAME [PRELOAD]   initdb + pg_ctl start of a server on a free
#                               loopback port (PRELOAD: shared_preload_libraries)
#   node_port NAME, node_sql NAME SQL..., node_psql NAME ARGS..., node_stop NAME [MODE]
#   nodes_stop_all              stops every server and removes the directory
# Run directly (bash scripts/citus.sh), it builds (or re-installs) Citus.
#
# Citus 13.2.2 comes from ../shared/vendor (outside the repository; see its
# README.md); TEXTSENSE_CITUS_TARBALL points elsewhere. The build is cached in
# ${TEXTSENSE_CACHE_DIR:-/var/cache/textsense}/citus-<sha256 of the tarball>-pg15/
# as the tree `make install DESTDIR=...` wrote, with a checksum manifest: a
# later run copies the files that differ into place (a second or two) and
# skips the 3-4 minute build.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
CITUS_TARBALL=${TEXTSENSE_CITUS_TARBALL:-$TEXTSENSE_ROOT/../shared/vendor/citus-13.2.2.tar.xz}
CITUS_CACHE_ROOT=${TEXTSENSE_CACHE_DIR:-/var/cache/textsense}
# Citus' build dependencies on Debian 12 (../shared/vendor/README.md).
CITUS_BUILD_PACKAGES=(
  "postgresql-$PG_MAJOR" "postgresql-server-dev-$PG_MAJOR" postgresql-contrib
  flex libcurl4-openssl-dev liblz4-dev libzstd-dev libkrb5-dev libpam0g-dev
  libreadline-dev libselinux1-dev libssl-dev libxslt1-dev uuid-dev
)

citus_available() { [ -f "$CITUS_TARBALL" ]; }

# Citus 13.2.2 defines have_createdb_privilege() as a static inline shim for
# servers before 16; PostgreSQL 15.20 declares (and exports) the function
# itself, so the shim no longer compiles ("static declaration ... follows
# non-static declaration"). When the server headers declare it, rename the
# shim (same body, the server's own check) instead of deleting it: the build
# then also loads into a server binary older than its headers (15.18 with
# 15.20 headers), which does not export the function.
citus_patch_if_needed() {
  local src=$1 header
  header=$("$PG_BIN/pg_config" --includedir-server)/commands/dbcommands.h
  if grep -q 'have_createdb_privilege' "$header"; then
    echo "==> $header declares have_createdb_privilege(): renaming Citus' shim for older servers"
    sed -i 's/^have_createdb_privilege(void)$/citus_have_createdb_privilege_shim(void)/' \
      "$src/src/include/pg_version_compat.h"
    grep -q '^citus_have_createdb_privilege_shim(void)$' "$src/src/include/pg_version_compat.h" ||
      { echo "citus.sh: the have_createdb_privilege shim was not found; cannot patch" >&2; return 1; }
    sed -i '/^citus_have_createdb_privilege_shim(void)$/,/^}$/{/^}$/a\
#define have_createdb_privilege citus_have_createdb_privilege_shim
}' "$src/src/include/pg_version_compat.h"
  fi
}

citus_cache_dir() {
  local sha
  sha=$(sha256sum "$CITUS_TARBALL" | cut -d' ' -f1)
  echo "$CITUS_CACHE_ROOT/citus-$sha-pg$PG_MAJOR"
}

citus_build_into_cache() {
  local cache=$1 tmp
  tmp=$(mktemp -d)
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp'" RETURN
  echo "==> building Citus from $(basename "$CITUS_TARBALL") (once per tarball; about 4 minutes on 2 cores)"
  tar -xJf "$CITUS_TARBALL" -C "$tmp"
  local src
  src=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d | head -n 1)
  citus_patch_if_needed "$src"
  (cd "$src" && ./configure --quiet PG_CONFIG="$PG_BIN/pg_config" >"$tmp/configure.log" 2>&1) ||
    { tail -n 30 "$tmp/configure.log" >&2; echo "Citus configure failed" >&2; return 1; }
  make -C "$src" -s -j"${CITUS_BUILD_JOBS:-2}" >"$tmp/build.log" 2>&1 ||
    { grep -m 20 -E 'error|Error' "$tmp/build.log" >&2; echo "Citus build failed" >&2; return 1; }
  make -C "$src" -s install DESTDIR="$tmp/root" >"$tmp/install.log" 2>&1 ||
    { tail -n 20 "$tmp/install.log" >&2; echo "Citus make install failed" >&2; return 1; }
  (cd "$tmp/root" && find . -type f -print0 | sort -z | xargs -0 sha256sum) >"$tmp/manifest"
  as_root mkdir -p "$CITUS_CACHE_ROOT"
  as_root rm -rf "$cache.partial"
  as_root mkdir -p "$cache.partial"
  as_root cp -a "$tmp/root" "$tmp/manifest" "$cache.partial/"
  as_root mv "$cache.partial" "$cache"   # complete or absent, never half written
}

citus_install() {
  citus_available || { echo "citus.sh: no Citus tarball at $CITUS_TARBALL" >&2; return 1; }
  install_debian_packages "${CITUS_BUILD_PACKAGES[@]}"
  local cache lock_fd
  cache=$(citus_cache_dir)
  exec {lock_fd}>"/tmp/textsense-citus-build.lock"
  flock "$lock_fd"   # one build at a time; a second run waits and reuses it
  [ -f "$cache/manifest" ] || citus_build_into_cache "$cache"
  # Copy the cached files that differ from the installed ones (a new file
  # replaces the old, --remove-destination, so a running server that mapped
  # citus.so is not disturbed).
  if ! (cd / && sha256sum --quiet --status -c "$cache/manifest" 2>/dev/null); then
    echo "==> installing Citus from the cache ($cache)"
    as_root cp -a --remove-destination "$cache/root/." /
  fi
  flock -u "$lock_fd"
  exec {lock_fd}>&-
  [ -f "$("$PG_BIN/pg_config" --pkglibdir)/citus.so" ] || { echo "citus.so is not installed" >&2; return 1; }
}

# ---------------------------------------------------------------- servers
# Servers run as the postgres system user when we are root (initdb refuses
# root), else as ourselves; every server's superuser is "postgres" and
# clients connect over TCP to 127.0.0.1 (trust authentication: throwaway
# servers on loopback only).

NODES_DIR=
declare -A NODE_PORTS=()

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

nodes_init() {
  NODES_DIR=$(mktemp -d "${TMPDIR:-/tmp}/textsense-nodes.XXXXXX")
  chmod 755 "$NODES_DIR"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$NODES_DIR"
}

# A port no socket (listening or connected) and no socket file uses, as use_free_port in
# scripts/common.sh picks them, and none of our own nodes has.
free_port() {
  local port p taken
  for _ in $(seq 200); do
    port=$(random_server_port)
    taken=0
    for p in "${NODE_PORTS[@]}"; do [ "$p" != "$port" ] || taken=1; done
    if [ "$taken" -eq 0 ] && [ ! -e "/var/run/postgresql/.s.PGSQL.$port" ] &&
       [ ! -e "/tmp/.s.PGSQL.$port" ] && [ -z "$(ss -Htan "sport = :$port" 2>/dev/null)" ]; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}

# node_start NAME [PRELOAD] [EXTRA_CONF]: a new server in $NODES_DIR/NAME.
node_start() {
  local name=$1 preload=${2:-} extra=${3:-} port dir
  dir=$NODES_DIR/$name
  port=$(free_port)
  NODE_PORTS[$name]=$port
  as_server_user "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 -N \
    >"$NODES_DIR/$name.initdb.log" 2>&1 ||
    { cat "$NODES_DIR/$name.initdb.log" >&2; echo "initdb of $name failed" >&2; return 1; }
  cat >>"$dir/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$NODES_DIR'
shared_preload_libraries = '$preload'
max_connections = 200
shared_buffers = 256MB
fsync = off
synchronous_commit = off
full_page_writes = off
jit = off
log_min_messages = warning
log_min_error_statement = panic
$extra
CONF
  node_pg_ctl "$name" start
}

node_pg_ctl() {
  local name=$1 action=$2 mode=${3:-fast}
  if [ "$action" = start ]; then
    as_server_user "$PG_BIN/pg_ctl" -D "$NODES_DIR/$name" -l "$NODES_DIR/$name.log" -w -t 60 start >/dev/null ||
      { tail -n 20 "$NODES_DIR/$name.log" >&2; echo "server $name did not start" >&2; return 1; }
  else
    as_server_user "$PG_BIN/pg_ctl" -D "$NODES_DIR/$name" -m "$mode" -w -t 60 stop >/dev/null
  fi
}
node_stop() { node_pg_ctl "$1" stop "${2:-fast}"; }
node_port() { echo "${NODE_PORTS[$1]}"; }

# node_psql NAME [psql arguments...]: psql as postgres to NAME (database
# $NODE_DB, default postgres), stopping at the first error.
node_psql() {
  local name=$1
  shift
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${NODE_PORTS[$name]}" -U postgres -d "${NODE_DB:-postgres}" "$@"
}
# node_sql NAME SQL...: each SQL in turn (one session), unaligned output.
node_sql() {
  local name=$1 args=() s
  shift
  for s in "$@"; do args+=(-c "$s"); done
  node_psql "$name" -At "${args[@]}"
}

nodes_stop_all() {
  [ -n "$NODES_DIR" ] && [ -d "$NODES_DIR" ] || return 0
  local name
  for name in "${!NODE_PORTS[@]}"; do
    [ ! -f "$NODES_DIR/$name/postmaster.pid" ] ||
      as_server_user "$PG_BIN/pg_ctl" -D "$NODES_DIR/$name" -m immediate -w -t 60 stop >/dev/null 2>&1 || true
  done
  rm -rf "$NODES_DIR"
  NODES_DIR=
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  if ! citus_available; then
    echo "no Citus tarball at $CITUS_TARBALL (../shared/vendor is not part of this repository)" >&2
    exit 1
  fi
  citus_install
  echo "Citus installed: $("$PG_BIN/pg_config" --pkglibdir)/citus.so (cache $(citus_cache_dir))"
fi
