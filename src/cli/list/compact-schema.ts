/**
 * A JSON Schema in one readable line, e.g. `{ title: string, tags?: string[], limit?: integer 1..50 = 10 }`.
 * It is a summary for people scanning `mcp-check list`, not a faithful rendering: `--json`
 * prints the schemas whole.
 */

const MAX_DEPTH = 3;
const MAX_ENUM = 6;

/** Renders `schema` compactly; unknown shapes become `any`. */
export function compactSchema(schema: unknown, depth = 0): string {
    if (schema === true || schema === undefined) return 'any';
    if (schema === false) return 'never';
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return 'any';
    const s = schema as Record<string, unknown>;
    return `${shape(s, depth)}${constraints(s)}${'default' in s ? ` = ${JSON.stringify(s.default)}` : ''}`;
}

function shape(s: Record<string, unknown>, depth: number): string {
    if ('const' in s) return JSON.stringify(s.const);
    if (Array.isArray(s.enum)) {
        const shown = s.enum.slice(0, MAX_ENUM).map((v) => JSON.stringify(v));
        return `${shown.join(' | ')}${s.enum.length > MAX_ENUM ? ' | …' : ''}`;
    }
    if (typeof s.$ref === 'string') return s.$ref.split('/').pop() || s.$ref;
    for (const key of ['anyOf', 'oneOf'] as const) {
        const options = s[key];
        if (Array.isArray(options) && options.length) return options.map((o) => compactSchema(o, depth + 1)).join(' | ');
    }
    const types = Array.isArray(s.type) ? s.type.map(String) : typeof s.type === 'string' ? [s.type] : [];
    if (types.length === 0 && (s.properties !== undefined || s.required !== undefined)) types.push('object');
    if (types.length === 0 && s.items !== undefined) types.push('array');
    if (types.length === 0) return 'any';
    return types.map((type) => typed(type, s, depth)).join(' | ');
}

function typed(type: string, s: Record<string, unknown>, depth: number): string {
    if (type === 'array') {
        const item = compactSchema(s.items, depth + 1);
        return item.includes(' ') && !item.startsWith('{') ? `(${item})[]` : `${item}[]`;
    }
    if (type !== 'object') return type;
    const properties = (typeof s.properties === 'object' && s.properties !== null ? s.properties : {}) as Record<string, unknown>;
    const names = Object.keys(properties);
    // Declared but empty properties read as "no arguments"; no properties at all as "any object".
    if (names.length === 0) return s.properties !== undefined || s.additionalProperties === false ? '{}' : 'object';
    if (depth >= MAX_DEPTH) return 'object';
    const required = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
    const fields = names.map((name) => `${propertyName(name)}${required.has(name) ? '' : '?'}: ${compactSchema(properties[name], depth + 1)}`);
    return `{ ${fields.join(', ')} }`;
}

/** Ranges, lengths, patterns and formats: the constraints a caller most often trips over. */
function constraints(s: Record<string, unknown>): string {
    const parts: string[] = [];
    const min = s.minimum ?? s.exclusiveMinimum;
    const max = s.maximum ?? s.exclusiveMaximum;
    if (typeof min === 'number' || typeof max === 'number') parts.push(`${typeof min === 'number' ? min : ''}..${typeof max === 'number' ? max : ''}`);
    if (typeof s.minLength === 'number' || typeof s.maxLength === 'number') parts.push(`length ${s.minLength ?? 0}..${s.maxLength ?? ''}`);
    if (typeof s.format === 'string') parts.push(s.format);
    if (typeof s.pattern === 'string') parts.push(`/${s.pattern}/`);
    return parts.length ? ` ${parts.join(' ')}` : '';
}

function propertyName(name: string): string {
    return /^[A-Za-z_$][\w$-]*$/.test(name) ? name : JSON.stringify(name);
}
