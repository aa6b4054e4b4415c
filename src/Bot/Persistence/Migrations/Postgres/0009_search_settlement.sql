-- The search text now holds the school's settlement as well as its name and the note. Entries written before lack
-- it; dropping them makes the next /find rebuild every entry from the profile.
DELETE FROM network_search_index;
