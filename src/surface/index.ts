/** Public surface of the surface module: capture, snapshot files, the diff engine, semver and renderers. */
export { captureServerSurface, captureSurface, surfaceFromListings, toSurface, type RawListings } from './capture.js';
export { canonicalJson, sortKeys } from './canonical.js';
export { countChanges, diffSurfaces, failingLevels, failsAt, type FailOn } from './diff.js';
export { diffServerSurfaces, sortChanges } from './diff-server.js';
export { looksLikeSurface, parseSurface, readSurfaceFile, serializeSurface, SurfaceFileError, writeSurfaceFile } from './file.js';
export { buildDiffReport, DIFF_FORMAT, renderJson, type DiffReport, type ServerDiffReport } from './report.js';
export { renderConsole } from './render-console.js';
export { renderMarkdown } from './render-markdown.js';
export { diffSchemas, schemaDeltas, type SchemaDiffOptions } from './schema/compare.js';
export { levelFor, type Direction, type Effect, type SchemaDelta } from './schema/context.js';
export { checkSemver, type Bump, type SemverVerdict } from './semver.js';
export { changeLines, checkSnapshot, isCi, type SnapshotCheckOptions, type SnapshotCheckResult } from './snapshot-check.js';
export { loadSide, type LoadedSide, type SourceOptions } from './source.js';
export type * from './types.js';
export { CHANGE_LEVELS, SURFACE_FORMAT } from './types.js';
