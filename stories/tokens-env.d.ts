// Vite's `?raw` and `?inline` imports, which the theming, tokens and recipes stories use to show real files.
declare module '*?raw' {
  const text: string;
  export default text;
}
declare module '*?inline' {
  const text: string;
  export default text;
}
