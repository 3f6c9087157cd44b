/** The renderers: pure functions of a `RunResult` to comment text, reports and logs. */
export * from './escape.js';
export * from './markdown.js';
export * from './sarif.js';
export * from './gitlab.js';
export * from './json.js';
