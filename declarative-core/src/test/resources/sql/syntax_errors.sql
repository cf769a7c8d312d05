-- Several mistakes in one file: each is reported at its own place, the good statements survive.
CREATE STREAMING TABLE ok_one AS SELECT * FROM STREAM(src);

CREATE STREAMING TABLE broken_after_columns (
  id INT
) SELEC * FROM src;

CREATE MATERIALIZED VIEW needs_query;

CREATE STREAMING TABLE bad_violation (
  CONSTRAINT c EXPECT (id > 0) ON VIOLATION EXPLODE
) AS SELECT * FROM STREAM(src);

CREATE MATERIALIZED VIEW unclosed AS SELECT count(id FROM src;

CREATE MATERIALIZED VIEW ok_two AS SELECT * FROM src WHERE region = '${env}';

CREATE MATERIALIZED VIEW bad_string AS SELECT 'oops FROM src;

CREATE STREAMING TABLE twice COMMENT 'a' COMMENT 'b';

CREATE MATERIALIZED VIEW unknown_param AS SELECT * FROM src WHERE region = '${region}';

CREATE STREAMING TABLE AS SELECT 1;

CREATE MATERIALIZED VIEW no_semicolon AS SELECT * FROM src
CREATE MATERIALIZED VIEW after_missing_semicolon AS SELECT * FROM src;

CREATE STREAMING TABLE bad_column (id INT, amount DECIMAL(10, 2) BOGUS) AS SELECT * FROM STREAM(src);
