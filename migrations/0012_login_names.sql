-- Login names are compared after NFC and ASCII lower-casing only (server/users/identity.ts);
-- the old key also folded NFKC and Unicode case, so `ｓａｔｏ` or `ª` could reach another
-- account. SQLite's built-in lower() changes ASCII letters only, exactly the new rule. Keys that
-- were unique under the coarser fold stay unique under this finer one.
UPDATE users SET username_norm = lower(username);
