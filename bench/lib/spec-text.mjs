/**
 * The YAML text of the bench's generated specs, shared by `bench/run.mjs` (which runs them)
 * and `bench/parse/run.mjs` (which only parses them), so both measure the same text.
 */

/** A JSON string is a valid YAML double-quoted scalar. */
export const q = (s) => JSON.stringify(s);

/** One stdio server entry under `servers:`. */
export function serverYaml(name, command, args, protocol) {
    return `  ${name}:\n    command: ${q(command)}\n    args: [${args.map(q).join(', ')}]\n${protocolYaml(protocol)}`;
}

/** One HTTP server entry under `servers:`. */
export function urlServerYaml(name, url, protocol) {
    return `  ${name}:\n    url: ${q(url)}\n${protocolYaml(protocol)}`;
}

function protocolYaml(protocol) {
    return protocol ? `    protocol: ${q(protocol)}\n` : '';
}

/** `count` entries of a test's `calls:`, each `echo {text: hi}` expecting `hi`. */
export function echoCallsYaml(count, prefix = 'echo') {
    let out = '';
    for (let i = 1; i <= count; i++) {
        out += `      - name: ${q(`${prefix} ${i}`)}\n        tool: echo\n        args: { text: hi }\n        expect: { text: hi }\n`;
    }
    return out;
}
