#!/usr/bin/env python3
"""By hand, not in CI: runs docs/sql.md's Spark views and every recipe in Apache Spark (local
mode, `pip install pyspark`, a Java 17 runtime) over a Parquet export, and prints each
recipe's rows as JSON — to compare with DuckDB's (the test) and the report's summary.json.
Usage: scripts/spark-recipes.py EXPORT_FOLDER   (e.g. after
`tsreport export sample-data --format parquet --out /tmp/台账`)."""
import os
DOC = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'docs', 'sql.md')
FOLDER = os.path.abspath(__import__('sys').argv[1])
import json, re
from pyspark.sql import SparkSession
doc = open(DOC, encoding='utf-8').read()
blocks = [b.split('```')[0] for b in doc.split('```sql\n')[1:]]
views = next(b for b in blocks if b.startswith('-- views: Spark SQL'))
recipes = [(re.match(r'-- recipe: (\w+)', b).group(1), b) for b in blocks if b.startswith('-- recipe:')]
spark = SparkSession.builder.master('local[2]').config('spark.ui.enabled', 'false').getOrCreate()
spark.sparkContext.setLogLevel('ERROR')
for st in views.split(';'):
    st = '\n'.join(l for l in st.splitlines() if not l.strip().startswith('--')).strip()
    if st:
        spark.sql(st.replace('reports/台账', FOLDER))
out = {}
for name, sql in recipes:
    sql = sql.strip().rstrip(';')
    out[name] = [[None if v is None else (float(v) if not isinstance(v, (str, bool, int)) else v) for v in row] for row in spark.sql(sql).collect()]
print(json.dumps(out, ensure_ascii=False, default=str))
