-- dws_log_daily
INSERT OVERWRITE TABLE dws.log_daily PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
