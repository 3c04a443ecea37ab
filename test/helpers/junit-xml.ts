/**
 * Reads a JUnit report back into plain objects, just enough to assert on it. A few regular
 * expressions, no dependency: the report is validated against the XSD separately.
 */

export interface JUnitChild {
    attrs: Record<string, string>;
    /** Text or CDATA content, unescaped. */
    body: string;
}

export interface JUnitCase {
    attrs: Record<string, string>;
    failure?: JUnitChild;
    error?: JUnitChild;
    skipped?: JUnitChild;
    systemOut?: string;
    systemErr?: string;
}

export interface JUnitSuite {
    attrs: Record<string, string>;
    properties: Record<string, string>;
    cases: JUnitCase[];
}

export interface JUnitDocument {
    attrs: Record<string, string>;
    suites: JUnitSuite[];
}

// Attribute values may contain `>` (XML allows it unescaped there), so tags are matched attribute by attribute.
const ATTRS = String.raw`((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*`;

function element(name: string): RegExp {
    return new RegExp(String.raw`<${name}${ATTRS}(?:/>|>([\s\S]*?)</${name}>)`, 'g');
}

function attributes(text: string | undefined): Record<string, string> {
    const out: Record<string, string> = {};
    for (const m of (text ?? '').matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]!] = unescapeXml(m[2]!);
    return out;
}

/** Unescapes entities and unwraps CDATA sections. */
function content(text: string | undefined): string {
    if (!text) return '';
    return text.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/).map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : unescapeXml(part))).join('');
}

export function unescapeXml(text: string): string {
    return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
        switch (e) {
            case 'lt':
                return '<';
            case 'gt':
                return '>';
            case 'amp':
                return '&';
            case 'quot':
                return '"';
            case 'apos':
                return "'";
            default:
                return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
        }
    });
}

function child(body: string, name: string): JUnitChild | undefined {
    const m = element(name).exec(body);
    return m ? { attrs: attributes(m[1]), body: content(m[2]) } : undefined;
}

/** Parses a JUnit XML document as mcp-check writes it. */
export function parseJUnit(xml: string): JUnitDocument {
    const root = new RegExp(String.raw`<testsuites${ATTRS}>`).exec(xml);
    if (!root) throw new Error('no <testsuites> element');
    const suites: JUnitSuite[] = [];
    for (const s of xml.matchAll(element('testsuite'))) {
        const body = s[2] ?? '';
        const properties: Record<string, string> = {};
        for (const p of body.matchAll(element('property'))) {
            const a = attributes(p[1]);
            properties[a.name!] = a.value ?? '';
        }
        const cases: JUnitCase[] = [];
        for (const c of body.matchAll(element('testcase'))) {
            const inner = c[2] ?? '';
            const sysOut = child(inner, 'system-out');
            const sysErr = child(inner, 'system-err');
            cases.push({
                attrs: attributes(c[1]),
                failure: child(inner, 'failure'),
                error: child(inner, 'error'),
                skipped: child(inner, 'skipped'),
                ...(sysOut ? { systemOut: sysOut.body } : {}),
                ...(sysErr ? { systemErr: sysErr.body } : {}),
            });
        }
        suites.push({ attrs: attributes(s[1]), properties, cases });
    }
    return { attrs: attributes(root[1]), suites };
}
