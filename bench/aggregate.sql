-- The report's figures computed inside PostgreSQL by one statement, for comparison.
-- psql variables: :'start' and :'end' bound the day.
WITH day AS MATERIALIZED (
    SELECT * FROM orders WHERE ordered_at >= :'start' AND ordered_at < :'end'
)
SELECT
    (SELECT json_agg(s) FROM (
        SELECT currency, count(*), sum(amount), round(avg(amount), 2), min(amount), max(amount),
               percentile_disc(0.5) WITHIN GROUP (ORDER BY amount) AS median,
               percentile_disc(0.9) WITHIN GROUP (ORDER BY amount) AS p90
        FROM day WHERE status = 'completed' GROUP BY currency) AS s),
    (SELECT json_agg(b) FROM (
        SELECT status, currency, count(*), sum(amount) FROM day GROUP BY 1, 2) AS b),
    (SELECT count(DISTINCT user_id) FROM day),
    (SELECT count(DISTINCT user_id) FROM day WHERE status = 'completed'),
    (SELECT count(*) FROM (SELECT user_id FROM day GROUP BY 1 HAVING count(*) >= 2) AS r),
    (SELECT json_agg(h) FROM (
        SELECT date_trunc('hour', ordered_at AT TIME ZONE 'Asia/Tokyo') AS hour, count(*)
        FROM day GROUP BY 1 ORDER BY 1) AS h);
