/** `npm test` runs the stress suite small; `npm run test:stress` sets STRESS_SCALE=5 for the full counts. */
export const STRESS_SCALE = Math.max(1, Number(process.env.STRESS_SCALE ?? 1));
