export * from './contract/index.js';
export * from './paths.js';
export * from './embed-paths.js';
export * from './parse-path.js';
export * from './routes.js';
export * from './levels.js';
export * from './pause.js';
export * from './client/index.js';
