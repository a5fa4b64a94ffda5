-- dws_balance_daily
INSERT OVERWRITE TABLE dws.balance_daily PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
