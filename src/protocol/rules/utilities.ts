/**
 * Rules about the optional utilities a server declares: argument completion and logging. Each
 * is skipped on a server that does not declare the capability.
 */
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import type { ServerNotice } from '../../connect/client.js';
import { isJsonObject } from '../../connect/json-rpc-message.js';
import { describeExchange, errorOf, preview, resultOf, type ProbeContext } from '../context.js';
import { found, type ProtocolRule } from '../types.js';

/** The most values one completion may hold. */
const MAX_COMPLETION_VALUES = 100;

export const completion: ProtocolRule = {
    id: 'completion',
    check: async (probe) => {
        if (!probe.declares('completions')) return { skip: 'the server does not declare completions' };
        const target = await promptWithArgument(probe);
        if (!target) return { skip: 'no listed prompt has an argument to complete' };
        const asked = await probe.request('completion/complete', { ref: { type: 'ref/prompt', name: target.prompt }, argument: { name: target.argument, value: '' } });
        const unknown = await probe.request('completion/complete', { ref: { type: 'ref/prompt', name: 'mcp-check-no-such-prompt' }, argument: { name: target.argument, value: '' } });
        return found([
            completionProblem(`completion/complete of argument ${JSON.stringify(target.argument)} of prompt ${JSON.stringify(target.prompt)}`, asked),
            errorOf(unknown)?.code !== ErrorCode.InvalidParams && `completion/complete for a prompt that does not exist was answered with ${describeExchange(unknown)}, not -32602 (Invalid params)`,
        ]);
    },
};

async function promptWithArgument(probe: ProbeContext): Promise<{ prompt: string; argument: string } | undefined> {
    const walk = (await probe.lists()).find((w) => w.method === 'prompts/list');
    for (const page of walk?.pages ?? []) {
        for (const prompt of Array.isArray(page.prompts) ? page.prompts : []) {
            const argument = isJsonObject(prompt) && Array.isArray(prompt.arguments) ? prompt.arguments.find((a) => isJsonObject(a) && typeof a.name === 'string') : undefined;
            if (isJsonObject(prompt) && typeof prompt.name === 'string' && isJsonObject(argument)) return { prompt: prompt.name, argument: String(argument.name) };
        }
    }
    return undefined;
}

function completionProblem(what: string, exchange: Awaited<ReturnType<ProbeContext['request']>>): string | undefined {
    const result = resultOf(exchange);
    const body = isJsonObject(result) ? result.completion : undefined;
    if (!isJsonObject(body)) return `${what} was answered with ${describeExchange(exchange)}, not a result with a completion`;
    const { values, total, hasMore } = body;
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) return `${what} answered completion.values ${preview(values)}, not a list of strings`;
    if (values.length > MAX_COMPLETION_VALUES) return `${what} answered ${values.length} values, more than ${MAX_COMPLETION_VALUES}`;
    if (total !== undefined && !Number.isInteger(total)) return `${what} answered completion.total ${preview(total)}, not an integer`;
    if (hasMore !== undefined && typeof hasMore !== 'boolean') return `${what} answered completion.hasMore ${preview(hasMore)}, not a boolean`;
    return undefined;
}

export const loggingLevel: ProtocolRule = {
    id: 'logging-level',
    check: async (probe) => {
        if (!probe.declares('logging')) return { skip: 'the server does not declare logging' };
        // `emergency` keeps the server quiet for the rest of the checks.
        const set = await probe.request('logging/setLevel', { level: 'emergency' });
        // The levels of the log messages that come while the next request is answered.
        const below = new Set<string>();
        const watch = ({ method, params }: ServerNotice) => {
            if (method === 'notifications/message' && params.level !== 'emergency') below.add(String(params.level));
        };
        await probe.request('ping', {}, { onNotification: watch });
        const unknown = await probe.request('logging/setLevel', { level: 'mcp-check-no-such-level' });
        const result = resultOf(set);
        const empty = isJsonObject(result) && Object.keys(result).every((key) => key === '_meta');
        // The revisions require the answer, and only recommend -32602 for a level they do not define.
        const required = found([!empty && `logging/setLevel to "emergency" was answered with ${describeExchange(set)}, not an empty result`]);
        const recommended = found(
            [
                errorOf(unknown)?.code !== ErrorCode.InvalidParams && `logging/setLevel to "mcp-check-no-such-level" was answered with ${describeExchange(unknown)}, not -32602 (Invalid params)`,
                below.size > 0 && `after logging/setLevel to "emergency", the server sent log messages at level ${[...below].join(', ')} while answering ping: only messages at or above the level set are sent`,
            ],
            true,
        );
        return { findings: [...required.findings, ...recommended.findings] };
    },
};

export const progress: ProtocolRule = {
    id: 'progress',
    check: async (probe) => {
        // Late in the catalog: the notifications judged are those every earlier rule's requests brought.
        const { seen, problems } = probe.progress();
        if (seen === 0) return { skip: 'the server sent no progress notifications during the checks' };
        return found([...new Set(problems)]);
    },
};
