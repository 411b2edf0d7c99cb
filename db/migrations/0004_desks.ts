/** Counters (quầy) and procedure fields (lĩnh vực) that responses and reports name. */
export default /* sql */ `
CREATE TABLE counters (
  code    TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE fields (
  code    TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
`;
