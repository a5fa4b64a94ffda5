-- ods_log_hourly
INSERT OVERWRITE TABLE ods.log_hourly PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
