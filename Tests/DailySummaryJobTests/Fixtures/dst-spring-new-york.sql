-- 2025-03-09 in America/New_York has 23 hours: 02:00 EST jumps to 03:00 EDT.
INSERT INTO orders VALUES
    (1, 401, 'completed', 10.00, 'USD', '2025-03-09 00:00:00-05'),
    (2, 402, 'completed', 11.00, 'USD', '2025-03-09 01:59:59-05'),
    (3, 403, 'completed', 12.00, 'USD', '2025-03-09 03:00:00-04'),
    (4, 404, 'completed', 13.00, 'USD', '2025-03-09 23:59:59-04'),
    (5, 405, 'completed', 14.00, 'USD', '2025-03-10 00:00:00-04'),
    (6, 406, 'completed', 15.00, 'USD', '2025-03-08 23:59:59-05');
