-- email_open_rate_daily
INSERT OVERWRITE TABLE dws.email_open_rate PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
