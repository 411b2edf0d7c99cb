/** A phone number never breaks across lines: "0235 3846 123" stays readable as one. */
export const keepTogether = (text: string): string => text.replace(/ /g, '\u00a0');
