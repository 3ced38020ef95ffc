-- Nothing on 2025-01-15 in Asia/Tokyo; orders on the days before and after only.
INSERT INTO orders VALUES
    (1, 101, 'completed', 1200.00, 'JPY', '2025-01-14 23:59:59+09'),
    (2, 102, 'completed', 3400.00, 'JPY', '2025-01-16 00:00:00+09');
