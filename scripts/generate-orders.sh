#!/usr/bin/env bash
# Prints SQL that fills the orders table with a realistic, deterministic dataset.
#
#   scripts/generate-orders.sh [--seed S] [--start YYYY-MM-DD] [--days D] [--per-day N]
#                              [--timezone TZ] | psql
#
# The rows are made by PostgreSQL itself (generate_series and a seeded random()), so
# millions take seconds. The same arguments always give the same rows. Currencies JPY,
# USD and EUR; statuses completed, shipped, pending, cancelled and refunded; users drawn
# from a pool a quarter the size of a day, so many order more than once. Ids grow with
# ordered_at, as in a table that orders are appended to.
set -euo pipefail

seed=42 start=2025-01-14 days=3 per_day=10000 timezone=Asia/Tokyo
while [ $# -gt 0 ]; do
    case "$1" in
        --seed) seed=$2; shift 2 ;;
        --start) start=$2; shift 2 ;;
        --days) days=$2; shift 2 ;;
        --per-day) per_day=$2; shift 2 ;;
        --timezone) timezone=$2; shift 2 ;;
        *) echo "generate-orders.sh: unknown argument $1" >&2; exit 64 ;;
    esac
done
[[ $seed =~ ^[0-9]+$ && $days =~ ^[0-9]+$ && $per_day =~ ^[0-9]+$ ]] || {
    echo "generate-orders.sh: --seed, --days and --per-day take whole numbers" >&2; exit 64; }
[[ $start =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ && $timezone =~ ^[A-Za-z0-9_/+-]+$ ]] || {
    echo "generate-orders.sh: --start is YYYY-MM-DD and --timezone an IANA name" >&2; exit 64; }

total=$((days * per_day))
users=$((per_day / 4 + 1))
cat <<SQL
\\set ON_ERROR_STOP on
SELECT setseed(1.0 / ($seed % 1000 + 2));
INSERT INTO orders (id, user_id, status, amount, currency, ordered_at)
SELECT g,
       1 + floor(random() * $users)::bigint,
       CASE WHEN r < 0.70 THEN 'completed' WHEN r < 0.78 THEN 'shipped'
            WHEN r < 0.88 THEN 'pending' WHEN r < 0.96 THEN 'cancelled' ELSE 'refunded' END,
       CASE WHEN c < 0.6 THEN round((300 + random() * 30000)::numeric, 0)
            ELSE round((1 + random() * 400)::numeric, 2) END,
       CASE WHEN c < 0.6 THEN 'JPY' WHEN c < 0.85 THEN 'USD' ELSE 'EUR' END,
       (timestamp '$start' + ((g - 1) / $per_day) * interval '1 day'
            + ((g - 1) % $per_day + random()) * (interval '1 day' / $per_day))
           AT TIME ZONE '$timezone'
FROM (SELECT g, random() AS r, random() AS c FROM generate_series(1, $total) AS g) AS s;
ANALYZE orders;
SQL
