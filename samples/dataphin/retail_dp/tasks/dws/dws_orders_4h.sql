-- dws_orders_4h
SELECT '${bizdate}' AS ds;
