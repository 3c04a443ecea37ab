/** Public surface of the spec loader. */
export { loadSpec, loadSpecs, parseSpec } from './load.js';
export { parseDuration, MAX_DURATION_MS } from './duration.js';
export { interpolateString, type Env, type InterpolatedString } from './interpolate.js';
export { expandSpecFiles, type ExpandedSpecFiles } from './files.js';
export { formatPath } from './paths.js';
export { SCHEMA_URL } from './schema.js';
export type * from './types.js';
