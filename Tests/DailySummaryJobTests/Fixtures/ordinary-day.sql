-- An ordinary day in Asia/Tokyo, 2025-01-15: one currency, the usual statuses, users who
-- come back, and a few rows on the days around it that must not count.
INSERT INTO orders VALUES
    (1, 101, 'completed', 1200.00, 'JPY', '2025-01-15 00:05:00+09'),
    (2, 102, 'completed', 3400.00, 'JPY', '2025-01-15 00:45:10+09'),
    (3, 101, 'completed',  980.00, 'JPY', '2025-01-15 07:15:00+09'),
    (4, 103, 'pending',   5000.00, 'JPY', '2025-01-15 09:00:00+09'),
    (5, 104, 'completed', 1200.00, 'JPY', '2025-01-15 12:30:00+09'),
    (6, 105, 'cancelled', 7600.00, 'JPY', '2025-01-15 12:31:00+09'),
    (7, 102, 'completed', 15000.00, 'JPY', '2025-01-15 18:00:00+09'),
    (8, 106, 'completed',  450.00, 'JPY', '2025-01-15 21:59:59+09'),
    (9, 107, 'refunded',  2300.00, 'JPY', '2025-01-15 22:10:00+09'),
    (10, 103, 'completed', 2300.00, 'JPY', '2025-01-15 23:20:00+09'),
    (11, 108, 'completed', 999.00, 'JPY', '2025-01-15 23:59:00+09'),
    (12, 109, 'completed', 5000.00, 'JPY', '2025-01-14 23:00:00+09'),
    (13, 109, 'completed', 5000.00, 'JPY', '2025-01-16 00:00:00+09');
