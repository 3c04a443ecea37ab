/**
 * YAML text to plain data plus a position index. Syntax errors come back as located
 * `SpecError`s; the later stages only run when there are none, since a broken tree would
 * make them report phantom problems. JSON files (MCP client configs) go through the same
 * parser, which reads JSON as YAML and so keeps positions for every value.
 *
 * A plain spec is read by the fast parser (`fast-parse.ts`) and its positions are indexed by
 * `yaml` only when a location is first needed; everything else is parsed by `yaml`, so every
 * error and location is the one `yaml` gives either way.
 */
import { extname } from 'node:path';
import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { SpecError } from '../errors.js';
import { parseCommonYaml } from './fast-parse.js';
import { indexDocument } from './position-index.js';
import { SpecPositions } from './positions.js';
import { parseYamlInPieces } from './yaml-stream.js';

/** A parsed spec file before validation. */
export interface ParsedSpec {
    data: unknown;
    positions: SpecPositions;
    errors: SpecError[];
}

/** How to name the text in messages: its syntax and what kind of file it is. */
interface ParseOptions {
    syntax: 'YAML' | 'JSON';
    noun: string;
}

const SPEC_FILE: ParseOptions = { syntax: 'YAML', noun: 'spec file' };

/** Parses one spec file's text; `file` is only used for locations. */
export function parseSpecYaml(source: string, file: string, options: ParseOptions = SPEC_FILE): ParsedSpec {
    const common = parseCommonYaml(source);
    if (!common) return parseWithYaml(source, file, options);
    return { data: common.data, positions: SpecPositions.deferred(file, () => parseWithYaml(source, file, options).positions), errors: [] };
}

/** Parses with `yaml`, positions included: what `parseSpecYaml` does for any text the fast parser leaves. */
export function parseWithYaml(source: string, file: string, options: ParseOptions = SPEC_FILE): ParsedSpec {
    // `prettyErrors: false` keeps messages free of a `at line X, column Y` suffix and code
    // frame: we print the location ourselves. `merge` allows `<<: *defaults` in server maps.
    const yamlOptions = { prettyErrors: false, merge: true };
    const empty = (positions: SpecPositions): ParsedSpec => ({ data: undefined, positions, errors: [new SpecError(`${options.noun} is empty`, positions.at(0))] });
    // Most specs parse in pieces, never holding the whole syntax tree; anything that could make
    // the pieces differ from the whole (errors first of all) is parsed again in one go, so its
    // messages and locations are the library's own.
    const pieceLines = new LineCounter();
    const streamed = parseYamlInPieces(source, pieceLines, yamlOptions);
    if (streamed) {
        const positions = new SpecPositions(streamed.index, pieceLines, file);
        if (streamed.empty) return empty(positions);
        return { data: streamed.data, positions, errors: [] };
    }
    const lineCounter = new LineCounter();
    const doc = parseDocument(source, { ...yamlOptions, lineCounter });
    // Only the index is kept: the document would hold several times the text's size until exit.
    const positions = new SpecPositions(indexDocument(doc), lineCounter, file);
    const errors = syntaxErrors(doc.errors, positions, options.syntax);
    if (errors.length > 0) return { data: undefined, positions, errors };
    if (doc.contents === null) return empty(positions);
    try {
        return { data: doc.toJS(), positions, errors };
    } catch (error) {
        // toJS throws e.g. on an alias bomb (too many alias expansions).
        const reason = error instanceof Error ? error.message : String(error);
        return { data: undefined, positions, errors: [new SpecError(`${options.syntax} error: ${reason}`, positions.at(0))] };
    }
}

/**
 * Parses a file that may be JSON (`.json`, `.jsonc`: MCP client configs) or YAML (anything
 * else: mcp-check specs). JSON may have comments, as VS Code's `mcp.json` allows.
 */
export function parseConfigFile(source: string, file: string): ParsedSpec {
    const ext = extname(file).toLowerCase();
    if (ext !== '.json' && ext !== '.jsonc') return parseSpecYaml(source, file, { syntax: 'YAML', noun: 'file' });
    return parseSpecYaml(blankJsonComments(source), file, { syntax: 'JSON', noun: 'file' });
}

/**
 * Replaces line (`//`) and block comments outside strings with spaces. The YAML parser
 * would otherwise read `// note` before a key as part of the key; blanking (not removing)
 * keeps every offset, so positions still match the file.
 */
export function blankJsonComments(source: string): string {
    let out = '';
    let i = 0;
    while (i < source.length) {
        const char = source[i] as string;
        if (char === '"') {
            // Copy the string as is, honouring escapes, so `"http://x"` is not a comment.
            let end = i + 1;
            while (end < source.length && source[end] !== '"' && source[end] !== '\n') end += source[end] === '\\' ? 2 : 1;
            out += source.slice(i, end + 1);
            i = end + 1;
        } else if (source.startsWith('//', i)) {
            const end = source.indexOf('\n', i);
            const stop = end < 0 ? source.length : end;
            out += ' '.repeat(stop - i);
            i = stop;
        } else if (source.startsWith('/*', i)) {
            const end = source.indexOf('*/', i + 2);
            const stop = end < 0 ? source.length : end + 2;
            // Newlines stay, so line numbers after a block comment are right.
            out += source.slice(i, stop).replace(/[^\n]/g, ' ');
            i = stop;
        } else {
            out += char;
            i += 1;
        }
    }
    return out;
}

// After one mistake the YAML parser often reports every following token as unexpected;
// showing one error per line, and only the first few, keeps the real cause visible.
const MAX_SYNTAX_ERRORS = 5;

function syntaxErrors(found: readonly YAMLError[], positions: SpecPositions, syntax: ParseOptions['syntax']): SpecError[] {
    const errors: SpecError[] = [];
    const lines = new Set<number>();
    for (const error of found) {
        const loc = positions.at(error.pos[0]);
        if (lines.has(loc.line)) continue;
        lines.add(loc.line);
        errors.push(new SpecError(`${syntax} syntax error: ${error.message}`, loc));
    }
    if (errors.length <= MAX_SYNTAX_ERRORS) return errors;
    const hidden = errors.length - MAX_SYNTAX_ERRORS;
    return [
        ...errors.slice(0, MAX_SYNTAX_ERRORS),
        new SpecError(
            `${hidden} more ${syntax} syntax error${hidden === 1 ? '' : 's'} in ${positions.file} not shown (often consequences of the first)`,
        ),
    ];
}
