/** The host's PIN rule (4–8 digits), checked here too so a typo gets an immediate, translated message. */
export const PIN_PATTERN = /^\d{4,8}$/;

/** The host's code rule for officers, counters and fields. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
