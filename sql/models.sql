-- textsense_models(): the installed model files, what their headers say,
-- and the checksum of the copy this session has loaded. Listing them loads
-- nothing.
SELECT kind, lang,
       path ~ ('/textsense/' || kind || '_' || lang || '\.model$') AS path_ok,
       bytes > 1000 AS has_bytes, format_version, checksum ~ '^[0-9a-f]{16}$' AS checksum_ok,
       loaded_checksum, problem
FROM textsense_models() ORDER BY kind, lang;
-- A call loads the model it needs: its loaded checksum is the file's.
SELECT count(*) > 0 AS tagged FROM pos_tag('Der Hund schläft.', 'de');
SELECT sentiment('Great!', 'en') > 0 AS positive;
SELECT kind, lang, loaded_checksum = checksum AS loaded_is_installed
FROM textsense_models() WHERE loaded_checksum IS NOT NULL ORDER BY kind, lang;
-- The same checksums as textsense_languages() shows.
SELECT count(*) AS models,
       count(*) FILTER (WHERE m.checksum = CASE m.kind WHEN 'pos' THEN l.pos_checksum ELSE l.sentiment_checksum END
                          AND m.format_version = CASE m.kind WHEN 'pos' THEN l.pos_format ELSE l.sentiment_format END) AS agreeing
FROM textsense_models() m JOIN textsense_languages() l USING (lang);
