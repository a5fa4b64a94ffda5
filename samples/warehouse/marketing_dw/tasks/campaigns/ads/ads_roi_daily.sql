-- ads_roi_daily
INSERT OVERWRITE TABLE dws.ads_roi_daily PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
