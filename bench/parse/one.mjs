/**
 * One parse of one spec file by one candidate parser, in this (fresh) process:
 * `node bench/parse/one.mjs <candidate> <file> [--warm N]`. Prints JSON: how long loading the
 * candidate's code took and how long the parse took (the median of N runs after warm-up with
 * `--warm`). Loaded from the built project (`npm run build` first) and its node_modules.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

/** Each candidate loads its code and returns a function from text to data. */
export const CANDIDATES = {
    // The loader before this change: `yaml`, with the position index, always.
    'mcp-check, yaml only (before)': async () => {
        const { parseWithYaml } = await import('../../dist/src/load/parse.js');
        return (text, file) => parseWithYaml(text, file).data;
    },
    // The loader now: the fast parser, positions only when read.
    'mcp-check, fast path (now)': async () => {
        const { parseSpecYaml } = await import('../../dist/src/load/parse.js');
        return (text, file) => parseSpecYaml(text, file).data;
    },
    // The loader now, when a location is needed: the fast parse, then yaml's index.
    'mcp-check, fast path + one location': async () => {
        const { parseSpecYaml } = await import('../../dist/src/load/parse.js');
        return (text, file) => {
            const parsed = parseSpecYaml(text, file);
            if (parsed.positions.locate(['tests', 0]).line < 0) throw new Error('unreachable');
            return parsed.data;
        };
    },
    'yaml parseDocument + toJS': async () => {
        const { parseDocument } = await import('yaml');
        return (text) => parseDocument(text, { merge: true }).toJS();
    },
    'yaml parse': async () => {
        const { parse } = await import('yaml');
        return (text) => parse(text, { merge: true });
    },
    'yaml Parser + Composer': async () => {
        const { Composer, Parser } = await import('yaml');
        return (text) => {
            const composer = new Composer({ merge: true, keepSourceTokens: false });
            const [doc] = composer.compose(new Parser().parse(text));
            return doc.toJS();
        };
    },
    'js-yaml load': async () => {
        const { load } = await import('js-yaml');
        return (text) => load(text);
    },
    // The floor: the same data as JSON text.
    'JSON.parse (same data as JSON)': async () => (text) => JSON.parse(text),
};

/** The text a candidate is given: JSON.parse gets the spec's data as JSON. */
export async function textFor(candidate, file) {
    const text = readFileSync(file, 'utf8');
    if (!candidate.startsWith('JSON')) return text;
    const { parseDocument } = await import('yaml');
    return JSON.stringify(parseDocument(text).toJS());
}

async function main() {
    const [candidate, file, flag, count] = process.argv.slice(2);
    const text = await textFor(candidate, file);
    const started = performance.now();
    const parse = await CANDIDATES[candidate]();
    const loaded = performance.now();
    if (flag !== '--warm') {
        parse(text, file);
        process.stdout.write(JSON.stringify({ loadMs: loaded - started, parseMs: performance.now() - loaded }) + '\n');
        return;
    }
    const runs = Number(count);
    for (let i = 0; i < 5; i++) parse(text, file);
    const times = [];
    for (let i = 0; i < runs; i++) {
        const t = performance.now();
        parse(text, file);
        times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    process.stdout.write(JSON.stringify({ parseMs: times[Math.floor(runs / 2)] }) + '\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
