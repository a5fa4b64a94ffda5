-- campaign_dryrun_probe
INSERT OVERWRITE TABLE tmp.campaign_dryrun_probe PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
