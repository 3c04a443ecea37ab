/**
 * `envFile:` of VS Code and Cursor server entries: a dotenv file of `KEY=VALUE` lines. Only
 * the common subset is read (comments, `export`, quotes, `\n` in double quotes); values are
 * taken literally, without `${VAR}` expansion, as dotenv does by default.
 */

const LINE = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/;

/** Parses dotenv text into a map; lines that are not `KEY=VALUE` are skipped, as dotenv does. */
export function parseEnvFile(text: string): Record<string, string> {
    const env: Record<string, string> = {};
    for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#')) continue;
        const match = LINE.exec(line);
        if (match) env[match[1] as string] = unquote(match[2] as string);
    }
    return env;
}

// `"a b"` (with \n escapes), `'a b'` (literal), or a bare value whose ` # comment` is dropped.
function unquote(value: string): string {
    const quote = value[0];
    if (quote === '"' || quote === "'") {
        let end = 1;
        while (end < value.length && value[end] !== quote) end += quote === '"' && value[end] === '\\' ? 2 : 1;
        // An unclosed quote is taken as written, like dotenv.
        if (end >= value.length) return value;
        const inner = value.slice(1, end);
        return quote === "'" ? inner : inner.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c));
    }
    const comment = value.search(/\s#/);
    return (comment < 0 ? value : value.slice(0, comment)).trim();
}
