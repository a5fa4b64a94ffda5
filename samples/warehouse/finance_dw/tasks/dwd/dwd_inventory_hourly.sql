-- dwd_inventory_hourly
INSERT OVERWRITE TABLE dwd.inventory_hourly PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
