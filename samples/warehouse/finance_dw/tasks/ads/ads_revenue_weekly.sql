-- ads_revenue_weekly
INSERT OVERWRITE TABLE ads.revenue_weekly PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
