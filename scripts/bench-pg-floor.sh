#!/usr/bin/env bash
# PostgreSQL's own share of the card QR round trip, with no backend and no HTTP: the round
# trip's two statements (benches/sql/postgres_round_trip.sql) driven by pgbench on the same
# durable throwaway cluster as scripts/bench-round-trip.sh, on data the round-trip bench
# seeded (256 persons with approved cards). At 1 client its latency is what PostgreSQL adds
# to SQLite's round trip at the very least; at 8 and 16 clients its rate is the most the
# database server alone carries on this machine's cores. Release build; prints figures.

source "$(dirname "$0")/lib.sh"
install_apt_packages
PG_DURABLE=1 start_postgres
trap stop_postgres EXIT
url="$NHI_TEST_DATABASE_URL"

log "seeding: the round-trip bench, one short level on each engine"
NHI_BENCH_LEVELS=1 NHI_BENCH_SECONDS=1 NHI_BENCH_DATABASE_URL="$url" \
  cargo bench --bench round_trip >/dev/null
# An app session per person whose token hash pgbench can compute: sha256 of the number.
"$PG_BIN/psql" -X -q "$url" -c "INSERT INTO sessions (token_hash, holder, created_at, expires_at, kind)
  SELECT sha256(int4send(a.id::int)), a.id_number, now(), now() + interval '1 day', 'app'
  FROM card_applications a WHERE a.photo_upload = 'bench-photo-' || (a.id - 1)"

for clients in 1 8 16; do
  "$PG_BIN/psql" -X -q "$url" -c "SELECT pg_stat_statements_reset()" >/dev/null
  echo "pgbench, $clients client(s), 5 s, the round trip's two statements a transaction:"
  "$PG_BIN/pgbench" -n -M prepared -f "$ROOT/benches/sql/postgres_round_trip.sql" \
    -c "$clients" -j 2 -T 5 "$url" 2>&1 | grep -E "latency average|^tps|failed"
  "$PG_BIN/psql" -X -q -A -F ' ' -t "$url" -c "SELECT '  server time a call: ' || round(mean_exec_time::numeric, 3) || ' ms, ' || left(regexp_replace(query, '\s+', ' ', 'g'), 40)
    FROM pg_stat_statements WHERE calls > 100 AND query NOT LIKE '%pg_stat%' ORDER BY mean_exec_time DESC"
done
