/**
 * Why the citizen came (docs/SIPAS.md): staff give it when they arm the kiosk,
 * and it decides which items were asked, so which ratings a response needed to
 * count. NULL is a response nobody armed the kiosk for (purpose unknown), as
 * every response stored before this version.
 */
export default /* sql */ `
ALTER TABLE responses ADD COLUMN purpose TEXT CHECK (purpose IS NULL OR purpose IN ('file', 'collect', 'inquire'));
`;
