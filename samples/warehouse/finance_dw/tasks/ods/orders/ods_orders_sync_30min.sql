-- ods_orders_sync_30min
INSERT OVERWRITE TABLE ods.orders_30min PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
