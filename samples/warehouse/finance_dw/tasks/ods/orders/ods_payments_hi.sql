-- ods_payments_hi
INSERT OVERWRITE TABLE ods.payments_hi PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
