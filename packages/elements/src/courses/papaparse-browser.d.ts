// Papa Parse's browser build: the same API as its main file, without the Node stream support that main file requires.
declare module 'papaparse/papaparse.min.js' {
  import Papa from 'papaparse';
  export default Papa;
}
