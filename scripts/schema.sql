-- The contract table the job reads by default. Columns are nullable on purpose: the
-- fixtures of rows that break the contract need to be loadable.
CREATE TABLE IF NOT EXISTS orders (
    id bigint PRIMARY KEY,
    user_id bigint,
    status text,
    amount numeric(14, 2),
    currency char(3),
    ordered_at timestamptz
);
CREATE INDEX IF NOT EXISTS orders_ordered_at ON orders (ordered_at);
