-- dws_orders_stats_6h
INSERT OVERWRITE TABLE dws.orders_stats_6h PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
