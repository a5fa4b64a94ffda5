-- dwd_orders_hourly_05
SELECT '${bizdate}' AS ds;
