-- ads_week_over_week
SELECT '${bizdate}' AS ds;
