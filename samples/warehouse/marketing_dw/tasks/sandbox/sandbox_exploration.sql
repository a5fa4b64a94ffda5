-- sandbox_exploration
INSERT OVERWRITE TABLE tmp.sandbox_exploration PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
