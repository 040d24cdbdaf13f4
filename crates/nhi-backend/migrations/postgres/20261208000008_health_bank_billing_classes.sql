-- My Health Bank gains the manual's insurance billing class (投保資料, 保費計算) beside the
-- payments and the medical records: the demo records are seeded again in the new shape.
DELETE FROM health_records;
