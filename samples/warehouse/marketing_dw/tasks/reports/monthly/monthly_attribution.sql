-- monthly_attribution
INSERT OVERWRITE TABLE ads.attribution_monthly PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
