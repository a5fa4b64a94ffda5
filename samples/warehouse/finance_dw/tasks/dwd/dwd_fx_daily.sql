-- dwd_fx_daily
INSERT OVERWRITE TABLE dwd.fx_daily PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
