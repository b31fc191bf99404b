#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to textsense results: installs
# the packages, builds and installs the extension, starts a throwaway
# PostgreSQL cluster, creates the extension and runs it on sample text.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_packages
build_and_install_extension
echo "==> starting a throwaway PostgreSQL $PG_MAJOR cluster and running scripts/demo.sql"
with_throwaway_cluster psql -X -v ON_ERROR_STOP=1 -f "$TEXTSENSE_ROOT/scripts/demo.sql"
