-- ads_spend_hourly
INSERT OVERWRITE TABLE dwd.ads_spend_hourly PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
