-- Orleans ADO.NET providers look up every statement they run by key in this table
-- (Orleans reads "SELECT QueryKey, QueryText FROM OrleansQuery" itself, so the names are fixed).
-- Our own statements follow in 0002-0004; the contract (keys, parameter and column names) is
-- documented per provider in those files.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL PRIMARY KEY,
    QueryText varchar(8000) NOT NULL
);
