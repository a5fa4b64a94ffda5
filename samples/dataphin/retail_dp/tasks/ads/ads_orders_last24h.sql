-- ads_orders_last24h
SELECT '${bizdate}' AS ds;
