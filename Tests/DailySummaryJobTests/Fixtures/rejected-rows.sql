-- Rows that break the input contract in every way, mixed with good ones. The table is
-- widened so that amounts with more than two decimals can be stored at all.
ALTER TABLE orders ALTER COLUMN amount TYPE numeric(20, 4);
INSERT INTO orders VALUES
    (1, 601, 'completed', 10.00, 'JPY', '2025-01-15 10:00:00+09'),
    (2, 602, 'completed', 10.1200, 'JPY', '2025-01-15 10:01:00+09'),
    (3, NULL, 'completed', 10.00, 'JPY', '2025-01-15 10:02:00+09'),
    (4, 604, NULL, 10.00, 'JPY', '2025-01-15 10:03:00+09'),
    (5, 605, 'completed', NULL, 'JPY', '2025-01-15 10:04:00+09'),
    (6, 606, 'completed', 10.00, NULL, '2025-01-15 10:05:00+09'),
    (7, 607, 'completed', -5.00, 'JPY', '2025-01-15 10:06:00+09'),
    (8, 608, 'completed', 10.125, 'JPY', '2025-01-15 10:07:00+09'),
    (9, 609, 'completed', 10.00, 'jpy', '2025-01-15 10:08:00+09'),
    (10, 610, 'completed', 10.00, 'JP', '2025-01-15 10:09:00+09'),
    (11, 611, '', 10.00, 'JPY', '2025-01-15 10:10:00+09'),
    (12, 612, 'completed', 'NaN', 'JPY', '2025-01-15 10:11:00+09'),
    (13, 613, 'completed', 20.00, 'JPY', '2025-01-15 10:12:00+09');
