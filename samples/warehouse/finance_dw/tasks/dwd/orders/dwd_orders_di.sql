-- dwd_orders_di
INSERT OVERWRITE TABLE dwd.orders_di PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
