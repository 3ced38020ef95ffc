"""What a data engineer would otherwise write: the same day's figures with polars over
connectorx, or pandas over psycopg2.

    python3 dataframes.py polars|pandas DSN START END
"""

import sys

engine, dsn, start, end = sys.argv[1:5]
query = (f"SELECT id, user_id, status, amount, currency, ordered_at FROM orders "
         f"WHERE ordered_at >= '{start}' AND ordered_at < '{end}'")

if engine == "polars":
    import polars as pl

    frame = pl.read_database_uri(query, dsn, engine="connectorx")
    sales = frame.filter(pl.col("status") == "completed")
    amount = pl.col("amount")
    by_currency = sales.group_by("currency").agg(
        pl.len(), amount.sum().alias("total"), amount.mean().alias("average"),
        amount.min().alias("min"), amount.max().alias("max"),
        amount.quantile(0.5, "lower").alias("median"),
        amount.quantile(0.9, "lower").alias("p90"))
    by_status = frame.group_by("status", "currency").agg(pl.len(), pl.col("amount").sum())
    per_user = frame.group_by("user_id").len()
    hourly = frame.with_columns(
        pl.col("ordered_at").dt.convert_time_zone("Asia/Tokyo").dt.hour().alias("hour")
    ).group_by("hour").len()
    figures = (by_currency.height, by_status.height, per_user.height,
               per_user.filter(pl.col("len") >= 2).height,
               sales["user_id"].n_unique(), hourly.height)
else:
    import pandas as pd
    import psycopg2

    with psycopg2.connect(dsn) as connection:
        frame = pd.read_sql(query, connection)
    sales = frame[frame["status"] == "completed"]
    by_currency = sales.groupby("currency")["amount"].agg(
        ["count", "sum", "mean", "min", "max", lambda s: s.quantile(0.5, interpolation="lower"),
         lambda s: s.quantile(0.9, interpolation="lower")])
    by_status = frame.groupby(["status", "currency"])["amount"].agg(["count", "sum"])
    per_user = frame.groupby("user_id").size()
    hourly = frame["ordered_at"].dt.tz_convert("Asia/Tokyo").dt.hour.value_counts()
    figures = (len(by_currency), len(by_status), len(per_user), int((per_user >= 2).sum()),
               sales["user_id"].nunique(), len(hourly))

print(engine, figures)
