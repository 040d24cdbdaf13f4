#!/usr/bin/env bash
# The card QR round trip on SQLite and then on PostgreSQL, on this machine, one after the
# other, with both engines' figures and their ratio printed side by side (benches/round_trip).
# PostgreSQL is a throwaway cluster with its durable defaults (fsync and synchronous_commit
# on) reached over its Unix socket; PG_OVER_TCP=1 uses loopback TCP instead, and
# NHI_BENCH_INSTANCES=2 puts two backends on it. Release build: the figures are a user's.

source "$(dirname "$0")/lib.sh"
install_apt_packages
PG_DURABLE=1 start_postgres
trap stop_postgres EXIT
url="$NHI_TEST_DATABASE_URL"
if [ -n "${PG_OVER_TCP:-}" ]; then url="$PG_TCP_URL"; fi
NHI_BENCH_DATABASE_URL="$url" cargo bench --bench round_trip
