/**
 * Rules about tools, resources and prompts that do not exist or are asked for wrongly: each is
 * a JSON-RPC error of the right code, not a result. Both eras; gated on the capability.
 */
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { isJsonObject } from '../../connect/json-rpc-message.js';
import { isReadOnly } from '../../probe/select.js';
import { describeExchange, errorOf, resultOf, type ProbeContext } from '../context.js';
import { found, type ProtocolRule, type RuleOutcome } from '../types.js';

/** 2025 revisions name -32002 for a resource that is not found; 2026-07-28 made it -32602. */
const RESOURCE_NOT_FOUND_2025 = -32002;

export const unknownTool: ProtocolRule = {
    id: 'unknown-tool',
    check: async (probe) => {
        const skipped = undeclared(probe, 'tools');
        if (skipped) return skipped;
        const name = unusedName(probe.target.listedTools.map((tool) => tool.name), 'mcp-check-no-such-tool');
        const exchange = await probe.request('tools/call', { name, arguments: {} });
        const error = errorOf(exchange);
        const result = resultOf(exchange);
        const what = `tools/call of ${JSON.stringify(name)}, which is not listed,`;
        if (!error) {
            const toolError = isJsonObject(result) && result.isError === true ? ' (a tool error is for a tool that ran and failed)' : '';
            return found([`${what} was answered with ${describeExchange(exchange)}${toolError}, not a JSON-RPC error`]);
        }
        return found([error.code !== ErrorCode.InvalidParams && `${what} was answered with ${describeExchange(exchange)}, not -32602 (Invalid params)`], true);
    },
};

export const unknownResource: ProtocolRule = {
    id: 'unknown-resource',
    check: async (probe) => {
        const skipped = undeclared(probe, 'resources');
        if (skipped) return skipped;
        const uri = 'mcp-check://no-such-resource';
        const exchange = await probe.request('resources/read', { uri });
        const error = errorOf(exchange);
        const result = resultOf(exchange);
        const what = `resources/read of ${uri}, which does not exist,`;
        // 2025 revisions only recommend an error, and name -32002 for it.
        const modern = probe.era === 'modern';
        const codes: number[] = modern ? [ErrorCode.InvalidParams] : [ErrorCode.InvalidParams, RESOURCE_NOT_FOUND_2025];
        if (error) return found([!codes.includes(error.code) && `${what} was answered with ${describeExchange(exchange)}, not ${codes.join(' or ')}`], !modern);
        const empty = isJsonObject(result) && Array.isArray(result.contents) && result.contents.length === 0;
        return found([`${what} was answered with ${empty ? 'empty contents' : describeExchange(exchange)}, not a JSON-RPC error`], !modern);
    },
};

export const promptArguments: ProtocolRule = {
    id: 'prompt-arguments',
    check: async (probe) => {
        const skipped = undeclared(probe, 'prompts');
        if (skipped) return skipped;
        const walk = (await probe.lists()).find((w) => w.method === 'prompts/list');
        const prompts = (walk?.pages ?? []).flatMap((page) => (Array.isArray(page.prompts) ? page.prompts.filter(isJsonObject) : []));
        const prompt = prompts.find((p) => typeof p.name === 'string' && Array.isArray(p.arguments) && p.arguments.some((a) => isJsonObject(a) && a.required === true));
        if (!prompt) return { skip: 'no listed prompt has a required argument' };
        const exchange = await probe.request('prompts/get', { name: prompt.name, arguments: {} });
        return found([
            errorOf(exchange)?.code !== ErrorCode.InvalidParams &&
                `prompts/get of ${JSON.stringify(prompt.name)} without its required arguments was answered with ${describeExchange(exchange)}, not -32602 (Invalid params)`,
        ]);
    },
};

function undeclared(probe: ProbeContext, capability: 'tools' | 'resources' | 'prompts'): RuleOutcome | undefined {
    return probe.declares(capability) ? undefined : { skip: `the server does not declare ${capability}` };
}

/** `base`, or `base-2`, `base-3`, … : the first that names nothing listed. */
function unusedName(listed: readonly string[], base: string): string {
    let name = base;
    for (let n = 2; listed.includes(name); n++) name = `${base}-${n}`;
    return name;
}

export const malformedParams: ProtocolRule = {
    id: 'malformed-params',
    check: async (probe) => {
        const skipped = undeclared(probe, 'tools');
        if (skipped) return skipped;
        // Only a tool that promises to change nothing is sent arguments that should never run it.
        const tool = probe.target.listedTools.find(isReadOnly);
        if (!tool) return { skip: 'no listed tool is marked readOnlyHint: mcp-check does not send malformed arguments to a tool that may change something' };
        const exchange = await probe.request('tools/call', { name: tool.name, arguments: 'mcp-check: not an object' });
        return found([
            errorOf(exchange)?.code !== ErrorCode.InvalidParams &&
                `tools/call of ${JSON.stringify(tool.name)} with arguments that are a string, not an object, was answered with ${describeExchange(exchange)}, not -32602 (Invalid params)`,
        ]);
    },
};

/** Where icons may be: the items of every list. */
const ICON_LISTS: readonly { method: string; key: string }[] = [
    { method: 'tools/list', key: 'tools' },
    { method: 'resources/list', key: 'resources' },
    { method: 'resources/templates/list', key: 'resourceTemplates' },
    { method: 'prompts/list', key: 'prompts' },
];

export const icons: ProtocolRule = {
    id: 'icons',
    check: async (probe) => {
        const walks = await probe.lists();
        const findings: string[] = [];
        let seen = 0;
        for (const { method, key } of ICON_LISTS) {
            const items = (walks.find((w) => w.method === method)?.pages ?? []).flatMap((page) => (Array.isArray(page[key]) ? page[key].filter(isJsonObject) : []));
            for (const item of items) {
                if (!Array.isArray(item.icons)) continue;
                for (const icon of item.icons) {
                    seen++;
                    const src = isJsonObject(icon) ? icon.src : undefined;
                    const owner = `${key.replace(/s$/, '')} ${JSON.stringify(item.name ?? item.uri ?? item.uriTemplate)}`;
                    if (typeof src !== 'string' || !/^(https:|data:)/i.test(src)) findings.push(`an icon of ${owner} has src ${JSON.stringify(src)}, not an https: or data: URI`);
                }
            }
        }
        if (seen === 0) return { skip: 'no listed tool, resource, template or prompt has icons' };
        return found(findings);
    },
};
