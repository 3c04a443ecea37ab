/** Public surface of the spec loader. */
export { loadSpec, loadSpecs, parseSpec } from './load.js';
export { loadServerConfig, loadServerConfigFile, type ServerConfigFile } from './import.js';
export { parseDuration, MAX_DURATION_MS } from './duration.js';
export { interpolateString, type Env, type InterpolatedString } from './interpolate.js';
export { expandSpecFiles, type ExpandedSpecFiles } from './files.js';
export { formatPath } from './paths.js';
export { parseMatcher, MATCHER_NAMES, type MatcherName, type MatcherProblem, type ParsedMatcher } from './matcher.js';
export { DEFAULT_RETRY_INTERVAL_MS, DEFAULT_SKIP_REASON } from './normalize.js';
export { SCHEMA_URL } from './schema.js';
export type * from './types.js';
