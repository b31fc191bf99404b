-- Upgrade path: 0.1.0 -> 0.2.0 adds pos_tag() and keeps what was there.
CREATE DATABASE textsense_upgrade TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';
\c textsense_upgrade
CREATE EXTENSION textsense VERSION '0.1.0';
SELECT count(*) FROM pg_proc WHERE proname = 'pos_tag';
ALTER EXTENSION textsense UPDATE TO '0.2.0';
SELECT extversion FROM pg_extension WHERE extname = 'textsense';
SELECT token, upos FROM pos_tag('It works.');
SELECT count(*) FROM tokens('Still here.');
\c contrib_regression
DROP DATABASE textsense_upgrade;
