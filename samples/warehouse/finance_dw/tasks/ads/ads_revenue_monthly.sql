-- ads_revenue_monthly
INSERT OVERWRITE TABLE ads.revenue_monthly PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
