-- dws_revenue_daily
INSERT OVERWRITE TABLE dws.revenue_daily PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
