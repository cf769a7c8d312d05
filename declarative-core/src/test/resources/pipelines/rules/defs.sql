CREATE STREAMING TABLE clients (CONSTRAINT own EXPECT (name IS NOT NULL))
TBLPROPERTIES ('expectations.tags' = 'validity, accuracy')
AS SELECT * FROM STREAM read_files('in', format => 'json');

CREATE MATERIALIZED VIEW contacts
TBLPROPERTIES ('expectations.tags' = 'contact,nope')
AS SELECT * FROM clients;
