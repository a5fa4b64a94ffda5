-- ods_inventory_15min
INSERT OVERWRITE TABLE ods.inventory_15min PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
