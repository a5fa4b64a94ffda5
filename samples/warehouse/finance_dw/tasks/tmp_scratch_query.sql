-- tmp_scratch_query
INSERT OVERWRITE TABLE tmp.tmp_scratch_query PARTITION (ds = '${bizdate}')
SELECT *
FROM source_table
WHERE ds = '${bizdate}';
