-- ods_campaigns_di
INSERT OVERWRITE TABLE ods.campaigns_di PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
