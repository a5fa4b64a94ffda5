-- dws_risk_score
INSERT OVERWRITE TABLE dws.risk_score PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
