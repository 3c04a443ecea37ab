/**
 * YAML text to plain data plus a position index. Syntax errors come back as located
 * `SpecError`s; the later stages only run when there are none, since a broken tree would
 * make them report phantom problems.
 */
import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { SpecError } from '../errors.js';
import { SpecPositions } from './positions.js';

/** A parsed spec file before validation. */
export interface ParsedSpec {
    data: unknown;
    positions: SpecPositions;
    errors: SpecError[];
}

/** Parses one spec file's text; `file` is only used for locations. */
export function parseSpecYaml(source: string, file: string): ParsedSpec {
    const lineCounter = new LineCounter();
    // `prettyErrors: false` keeps messages free of a `at line X, column Y` suffix and code
    // frame: we print the location ourselves. `merge` allows `<<: *defaults` in server maps.
    const doc = parseDocument(source, { lineCounter, prettyErrors: false, merge: true });
    const positions = new SpecPositions(doc, lineCounter, file);
    const errors = syntaxErrors(doc.errors, positions);
    if (errors.length > 0) return { data: undefined, positions, errors };
    if (doc.contents === null) {
        return { data: undefined, positions, errors: [new SpecError('spec file is empty', positions.at(0))] };
    }
    try {
        return { data: doc.toJS(), positions, errors };
    } catch (error) {
        // toJS throws e.g. on an alias bomb (too many alias expansions).
        const reason = error instanceof Error ? error.message : String(error);
        return { data: undefined, positions, errors: [new SpecError(`YAML error: ${reason}`, positions.at(0))] };
    }
}

// After one mistake the YAML parser often reports every following token as unexpected;
// showing one error per line, and only the first few, keeps the real cause visible.
const MAX_SYNTAX_ERRORS = 5;

function syntaxErrors(found: readonly YAMLError[], positions: SpecPositions): SpecError[] {
    const errors: SpecError[] = [];
    const lines = new Set<number>();
    for (const error of found) {
        const loc = positions.at(error.pos[0]);
        if (lines.has(loc.line)) continue;
        lines.add(loc.line);
        errors.push(new SpecError(`YAML syntax error: ${error.message}`, loc));
    }
    if (errors.length <= MAX_SYNTAX_ERRORS) return errors;
    const hidden = errors.length - MAX_SYNTAX_ERRORS;
    return [
        ...errors.slice(0, MAX_SYNTAX_ERRORS),
        new SpecError(
            `${hidden} more YAML syntax error${hidden === 1 ? '' : 's'} in ${positions.file} not shown (often consequences of the first)`,
        ),
    ];
}
