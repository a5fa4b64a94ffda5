-- dwd_campaign_dim
INSERT OVERWRITE TABLE dwd.campaign_dim PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
