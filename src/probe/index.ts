/** Schema-driven probing: the public API of `src/probe/`. */
export { schemaArbitrary, type ArbitraryOptions } from './arbitrary.js';
export { probeCaseName, probeProblems, type ProbeProblem } from './cases.js';
export { formatProbeReport, type FormatOptions } from './format.js';
export { invalidVariants, wrongTypeArbitrary, type InvalidVariant } from './invalid.js';
export { DEFAULT_MAX_SHRINK_CALLS, DEFAULT_RUNS, probeServer } from './probe.js';
export { checkSeed, randomSeed } from './seed.js';
export { isReadOnly, SKIP_REASONS, selectTools, type ToolSelection } from './select.js';
export type { Args, ProbeCheck, ProbeFailure, ProbeOptions, ProbeReport, ProbeStatus, SkippedTool, ToolProbe } from './types.js';
