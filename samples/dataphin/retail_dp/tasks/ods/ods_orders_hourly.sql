-- ods_orders_hourly
SELECT '${bizdate}' AS ds;
