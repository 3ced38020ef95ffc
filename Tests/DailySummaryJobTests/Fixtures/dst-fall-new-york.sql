-- 2025-11-02 in America/New_York has 25 hours: 01:00-02:00 happens twice, EDT then EST.
INSERT INTO orders VALUES
    (1, 501, 'completed', 10.00, 'USD', '2025-11-02 00:30:00-04'),
    (2, 502, 'completed', 20.00, 'USD', '2025-11-02 01:30:00-04'),
    (3, 503, 'completed', 30.00, 'USD', '2025-11-02 01:30:00-05'),
    (4, 504, 'completed', 40.00, 'USD', '2025-11-02 23:59:59-05'),
    (5, 505, 'completed', 50.00, 'USD', '2025-11-03 00:00:00-05'),
    (6, 506, 'completed', 60.00, 'USD', '2025-11-01 23:59:59-04');
