-- ads_orders_15
SELECT '${bizdate}' AS ds;
