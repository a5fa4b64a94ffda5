-- dwd_clicks_daily
INSERT OVERWRITE TABLE dwd.clicks_daily PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
