/**
 * Writes the starter spec as YAML text. Hand-assembled around `yaml`'s output because the
 * calls that must not run are written as comments, which a YAML serializer cannot emit.
 */
import { Document, isPair, isScalar, visit } from 'yaml';

/** One call of the spec: made and written live, or written commented out. */
export interface StarterCall {
    call: { name: string; tool: string; args: Record<string, unknown>; expect: Record<string, unknown> };
    /** False: written as a comment, to be checked and uncommented by the user. */
    active: boolean;
    /** Comment lines above the call. */
    notes: string[];
}

/** Everything the starter spec says. */
export interface StarterSpec {
    schemaUrl: string;
    /** Comment lines at the top, after the schema line. */
    header: string[];
    suiteName: string;
    serverName: string;
    server: Record<string, unknown>;
    tools: string[];
    calls: StarterCall[];
    /** Lint rules lowered to `warn` because the server breaks them today, with why. */
    lowered: { rule: string; notes: string[] }[];
}

// Calls sit at tests[0].calls[i]: six spaces in.
const CALL_INDENT = 6;

/** The spec as YAML text, ending with a newline. */
export function renderSpec(spec: StarterSpec): string {
    const lines = [`# yaml-language-server: $schema=${spec.schemaUrl}`, ...spec.header.map(comment)];
    lines.push(...yamlLines({ name: spec.suiteName }, 0));
    lines.push('servers:', ...yamlLines({ [spec.serverName]: spec.server }, 2));
    lines.push('tests:', ...yamlLines([{ server: spec.serverName }], 2));
    if (spec.lowered.length) {
        lines.push('    lint:', '      rules:');
        for (const { rule, notes } of spec.lowered) lines.push(...notes.map((n) => `        ${comment(n)}`), `        ${rule}: warn`);
    }
    if (spec.tools.length) lines.push('    tools:', '      include:', ...yamlLines(spec.tools, 8));
    if (spec.calls.length) {
        // `calls:` with nothing but comments under it would be `null`, which the spec schema rejects.
        lines.push(spec.calls.some((c) => c.active) ? '    calls:' : '    # calls:');
        for (const { call, active, notes } of spec.calls) {
            const pad = ' '.repeat(CALL_INDENT);
            lines.push(...notes.map((n) => `${pad}${comment(n)}`));
            const body = yamlLines([call], 0);
            lines.push(...(active ? body.map((l) => pad + l) : body.map((l) => `${pad}# ${l}`)));
        }
    }
    return `${lines.join('\n')}\n`;
}

function comment(text: string): string {
    return text ? `# ${text}` : '#';
}

/** `value` as block YAML, indented; small maps of scalars in flow style (`{ type: string }`); `${` escaped. */
function yamlLines(value: unknown, indent: number): string[] {
    const doc = new Document(escapeInterpolation(value), { aliasDuplicateObjects: false });
    visit(doc, {
        Map(_, node, path) {
            // Only nested maps: top-level ones get keys appended below them by renderSpec.
            const nested = path.length >= 3 || isPair(path.at(-1));
            if (nested && node.items.length <= 4 && node.items.every((pair) => isScalar(pair.value))) node.flow = true;
        },
    });
    const pad = ' '.repeat(indent);
    return doc
        .toString({ lineWidth: 0 })
        .trimEnd()
        .split('\n')
        .map((l) => pad + l);
}

/** Every string value is interpolated when the spec loads, so a literal `${` must be written `$${`. */
function escapeInterpolation(value: unknown): unknown {
    if (typeof value === 'string') return value.replaceAll('${', '$${');
    if (Array.isArray(value)) return value.map(escapeInterpolation);
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeInterpolation(v)]));
    }
    return value;
}
