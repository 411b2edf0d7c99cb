// The Vietnamese texts of the kiosk's first paint, cut from vi.json at build time (see firstPaintTexts.ts).
declare module 'virtual:first-paint-texts' {
  const texts: { [key: string]: unknown };
  export default texts;
}
