/**
 * The common case of spec parsing, without positions: `js-yaml` turns a plain spec into data
 * about four times faster than `yaml` does in a fresh process (figures in bench/README.md,
 * "Spec parser"). It only answers for documents where both libraries are known to agree; for
 * anything else it answers nothing and the caller parses with `yaml`, as before, so every
 * error message and every value stays the one `yaml` gives.
 *
 * Answered: one document of at most 512 KB whose root is a mapping, without directives, tags,
 * anchors, aliases, merge keys (`<<`) or keys that are not strings (`200:`, `~:`, `[a]:`),
 * which `js-yaml` parses without an error. Plain scalars resolve by YAML 1.2's core schema,
 * with `yaml`'s own rules where the two differ (an integer too large for a double is
 * `Infinity`, not text).
 */
import { CORE_SCHEMA, EVENT_ID, NOT_RESOLVED, SCALAR_STYLE, constructFromEvents, defineScalarTag, getScalarValue, parseEvents, type Event, type ScalarEvent } from 'js-yaml';

/** Spec data parsed the fast way, or `undefined` when `yaml` must parse the text. */
export function parseCommonYaml(source: string): { data: Record<string, unknown> } | undefined {
    if (source.length > MAX_LENGTH) return undefined;
    let events: Event[];
    try {
        events = parseEvents(source, {});
    } catch {
        return undefined;
    }
    if (!isCommonCase(events, source)) return undefined;
    try {
        const [data] = constructFromEvents(events, { source, schema: SCHEMA });
        return { data: data as Record<string, unknown> };
    } catch {
        return undefined; // e.g. a duplicate key: `yaml` words the error
    }
}

// `js-yaml` lists a text's events before building its data, about 16 bytes of them per byte of
// text, all alive at once: a 1 MB spec (10,000 calls) would raise the run's peak memory by
// 20 MB. Larger specs are parsed by `yaml` in pieces (yaml-stream.ts), which holds little.
const MAX_LENGTH = 512 * 1024;

// `yaml`'s core schema numbers, exactly: its patterns, and no finiteness check (js-yaml reads
// `1e999` as text; `yaml` as Infinity).
const INT = /^[-+]?[0-9]+$/;
const INT_OCT = /^0o[0-7]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

const intTag = defineScalarTag<number>('tag:yaml.org,2002:int', {
    implicit: true,
    implicitFirstChars: ['-', '+', ...'0123456789'],
    resolve: (text) => {
        if (INT.test(text)) return parseInt(text, 10);
        if (INT_OCT.test(text)) return parseInt(text.slice(2), 8);
        if (INT_HEX.test(text)) return parseInt(text.slice(2), 16);
        return NOT_RESOLVED;
    },
    identify: () => false,
});

const floatTag = defineScalarTag<number>('tag:yaml.org,2002:float', {
    implicit: true,
    implicitFirstChars: ['-', '+', '.', ...'0123456789'],
    resolve: (text) => {
        if (FLOAT_NAN.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity;
        return FLOAT.test(text) ? parseFloat(text) : NOT_RESOLVED;
    },
    identify: () => false,
});

const SCHEMA = CORE_SCHEMA.withTags(intTag, floatTag);

// A plain key the core schema reads as something other than a string (null, a boolean, a
// number), or that `yaml` treats specially (`<<` merges, `__proto__`). The two libraries
// turn such keys into property names differently (`~:` is "" in one, "null" in the other).
const SPECIAL_KEY = /^(?:|~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|<<|__proto__)$/;

// Whether the events are of the kind this module answers for (see the file comment).
function isCommonCase(events: readonly Event[], source: string): boolean {
    const first = events[0];
    if (first?.type !== EVENT_ID.DOCUMENT || first.directives.length > 0 || events[1]?.type !== EVENT_ID.MAPPING) return false;
    // For each open collection: a mapping's count of keys and values so far, or -1 (sequence, document).
    const open: number[] = [];
    for (let i = 0; i < events.length; i++) {
        const event = events[i] as Event;
        if (event.type === EVENT_ID.POP) {
            open.pop();
            continue;
        }
        if (event.type === EVENT_ID.DOCUMENT) {
            if (i > 0) return false; // a second document
            open.push(-1);
            continue;
        }
        if (event.type === EVENT_ID.ALIAS || event.anchorStart !== -1 || event.tagStart !== -1) return false;
        const top = open.length - 1;
        const count = open[top] as number;
        const isKey = count >= 0 && count % 2 === 0;
        if (count >= 0) open[top] = count + 1;
        if (event.type === EVENT_ID.SCALAR) {
            if (isKey && !isPlainStringKey(event, source)) return false;
        } else {
            if (isKey) return false; // a collection as a key
            open.push(event.type === EVENT_ID.MAPPING ? 0 : -1);
        }
    }
    return true;
}

// A key both libraries read as the same string. `yaml` also rejects an implicit key whose `:`
// is more than 1024 characters from its start, which `js-yaml` accepts.
function isPlainStringKey(key: ScalarEvent, source: string): boolean {
    const colon = source.indexOf(':', key.valueEnd);
    if (colon - key.valueStart > MAX_KEY_SPAN) return false;
    return key.style !== SCALAR_STYLE.PLAIN || !SPECIAL_KEY.test(getScalarValue(source, key));
}

// Below `yaml`'s 1024, leaving room for quotes and spaces before the `:`.
const MAX_KEY_SPAN = 1000;
