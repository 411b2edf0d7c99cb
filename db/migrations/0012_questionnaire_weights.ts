/**
 * Questionnaires no longer carry dimension weights: SIPAS uses equal weights and
 * no code ever applied them (docs/SIPAS.md). Definitions stored by earlier
 * versions hold `"weight": 1` on every dimension, which the schema now refuses,
 * so it is removed here. A definition has at most five dimensions (the schema's
 * limit), and json_remove ignores a path that does not exist. Nothing else in a
 * stored version changes: the definition stays what the citizens answered.
 */
export default /* sql */ `
UPDATE questionnaires
   SET definition = json_remove(definition,
         '$.dimensions[0].weight', '$.dimensions[1].weight', '$.dimensions[2].weight',
         '$.dimensions[3].weight', '$.dimensions[4].weight')
 WHERE EXISTS (SELECT 1 FROM json_each(definition, '$.dimensions') AS d WHERE json_type(d.value, '$.weight') IS NOT NULL);
`;
