-- dwd_payments_di
INSERT OVERWRITE TABLE dwd.payments_di PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
