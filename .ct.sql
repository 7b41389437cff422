CREATE EXTENSION migstat;
\i /work/wt-country/sql/background_countries.sql
