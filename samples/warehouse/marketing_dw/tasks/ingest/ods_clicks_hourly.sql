-- ods_clicks_hourly
INSERT OVERWRITE TABLE ods.clicks_hourly PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
