-- dws_orders_daily
SELECT '${bizdate}' AS ds;
