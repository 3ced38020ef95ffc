#!/usr/bin/env bash
# Benchmark: daily-summary against the database's own extraction limit and the usual
# alternatives, on a generated dataset (release build).
#
#   scripts/bench.sh [--per-day N] [--runs R]     (defaults: 5000000 a day, 3 runs)
#
# Loads three days of N orders, then measures, alternating, R times each:
#   A   psql binary COPY of the job's columns for the day to /dev/null (and text COPY)
#   B   daily-summary --dry-run --output /dev/null (and --parallel 2 and 4)
#   B/2 the same over a view holding half of the day's rows, to show flat memory
#   C   the same figures computed by one SQL statement inside PostgreSQL
#   D   polars + connectorx, and pandas + psycopg2
# and prints medians of wall time, peak resident memory and rows per second, also
# written to bench/results.md.
source "$(dirname "$0")/lib.sh"

per_day=5000000 runs=3
while [ $# -gt 0 ]; do
    case "$1" in
        --per-day) per_day=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        *) echo "bench.sh: unknown argument $1" >&2; exit 64 ;;
    esac
done

ensure_packages
command -v /usr/bin/time >/dev/null || as_root apt-get install -y -qq time >/dev/null
python3 -c 'import polars, connectorx, pandas, psycopg2, pyarrow' 2>/dev/null \
    || pip_install polars connectorx pandas psycopg2-binary pyarrow
trap stop_services EXIT
start_postgres
psql -X -q -c "ALTER SYSTEM SET shared_buffers = '4GB'" -c "ALTER SYSTEM SET work_mem = '256MB'"
as_postgres "$(pg_bin pg_ctl)" -D "$STATE_DIR/pgdata" -w restart >/dev/null

say "loading $((per_day * 3)) orders"
psql -X -q -f "$REPO_DIR/scripts/schema.sql"
"$REPO_DIR/scripts/generate-orders.sh" --seed 1 --start 2025-01-14 --days 3 \
    --per-day "$per_day" | psql -X -q >/dev/null
psql -X -q -c "VACUUM ANALYZE orders" \
    -c "CREATE VIEW orders_half AS SELECT * FROM orders WHERE id % 2 = 0"
binary=$(build_release)

start='2025-01-15 00:00:00+09' end='2025-01-16 00:00:00+09'
columns="id::int8, user_id::int8, status::text, amount::numeric, currency::text, ordered_at"
select="SELECT $columns FROM orders WHERE ordered_at >= '$start' AND ordered_at < '$end'"
rows=$(psql -X -A -t -c "SELECT count(*) FROM orders WHERE ordered_at >= '$start' AND ordered_at < '$end'")
users=$(psql -X -A -t -c "SELECT count(DISTINCT user_id) FROM orders WHERE ordered_at >= '$start' AND ordered_at < '$end'")
dsn="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"

declare -A commands=(
    [A_copy_binary]="psql -X -c \"COPY ($select) TO STDOUT (FORMAT binary)\" >/dev/null"
    [A_copy_text]="psql -X -c \"COPY ($select) TO STDOUT\" >/dev/null"
    [B_daily_summary]="$binary --dry-run --date 2025-01-15 --output /dev/null --log-format json 2>/dev/null"
    [B_parallel_2]="$binary --dry-run --date 2025-01-15 --output /dev/null --parallel 2 --log-format json 2>/dev/null"
    [B_parallel_4]="$binary --dry-run --date 2025-01-15 --output /dev/null --parallel 4 --log-format json 2>/dev/null"
    [B_half_rows]="ORDERS_RELATION=orders_half $binary --dry-run --date 2025-01-15 --output /dev/null --log-format json 2>/dev/null"
    [C_sql_statement]="psql -X -v start=\"$start\" -v end=\"$end\" -f $REPO_DIR/bench/aggregate.sql >/dev/null"
    [D_polars_connectorx]="python3 $REPO_DIR/bench/dataframes.py polars $dsn '$start' '$end' >/dev/null"
    [D_pandas_psycopg2]="python3 $REPO_DIR/bench/dataframes.py pandas $dsn '$start' '$end' >/dev/null"
)
order=(A_copy_binary A_copy_text B_daily_summary B_parallel_2 B_parallel_4 B_half_rows
    C_sql_statement D_polars_connectorx D_pandas_psycopg2)
export PGHOST PGPORT PGUSER PGDATABASE

declare -A times memories
for run in $(seq 1 "$runs"); do
    for name in "${order[@]}"; do
        measured=$( { /usr/bin/time -f "%e %M" bash -c "${commands[$name]}" ; } 2>&1 | tail -n 1)
        times[$name]+="${measured% *} "
        memories[$name]+="${measured#* } "
        say "run $run $name: ${measured% *} s, ${measured#* } KiB"
    done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
a=$(median <<<"${times[A_copy_binary]}")
results="$REPO_DIR/bench/results.md"
{
    echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs),"
    echo "$(free -g | awk '/Mem:/ {print $2}') GiB, $(psql -X -A -t -c 'SHOW server_version'), PostgreSQL on the same machine over loopback TCP."
    echo "Day: $rows orders of $((per_day * 3)) loaded, $users distinct users; median of $runs runs."
    echo
    echo "| measurement | median s | ratio to A | rows/s | peak RSS MiB |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    for name in "${order[@]}"; do
        t=$(median <<<"${times[$name]}")
        m=$(median <<<"${memories[$name]}")
        day_rows=$rows
        [ "$name" = B_half_rows ] && day_rows=$((rows / 2))
        awk -v n="$name" -v t="$t" -v a="$a" -v r="$day_rows" -v m="$m" \
            'BEGIN {printf "| %s | %.2f | %.2f | %.0f | %.0f |\n", n, t, t / a, r / t, m / 1024}'
    done
} | tee "$results"
