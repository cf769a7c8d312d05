-- Raw onboarding records, as they arrive.
CREATE OR REFRESH STREAMING TABLE raw_clients
AS SELECT * FROM STREAM read_files('data/clients', format => 'json',
  schema => 'client_id BIGINT, name STRING, email STRING, income BIGINT, net_worth DOUBLE, onboarded_on DATE');

-- Validated clients: every rule tagged validity or accuracy applies here.
CREATE OR REFRESH STREAMING TABLE clients
TBLPROPERTIES ('expectations.tags' = 'validity,accuracy')
AS SELECT * FROM STREAM(raw_clients);

-- Who can be contacted: the contact rules again, on another dataset.
CREATE OR REFRESH MATERIALIZED VIEW contact_list (
  CONSTRAINT has_name EXPECT (name IS NOT NULL) ON VIOLATION DROP ROW
)
TBLPROPERTIES ('expectations.tags' = 'contact', 'quarantine.table' = 'contact_issues')
AS SELECT client_id, name, email FROM raw_clients;
