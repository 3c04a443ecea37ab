/**
 * A line from a server as a JSON-RPC message. The SDK's `deserializeMessage` runs a zod union
 * over every message; almost every one is a plain response or notification, which a few
 * checks confirm. Those checks accept only what the schema would return unchanged; anything
 * else goes through the schema, so odd messages are judged (and rejected) exactly as before.
 */
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** Parses one line; throws a SyntaxError for non-JSON and a ZodError for JSON that is not JSON-RPC. */
export function parseMessage(line: string): JSONRPCMessage {
    return toMessage(JSON.parse(line));
}

/** Checks parsed JSON as a JSON-RPC message; throws a ZodError when it is not one. */
export function toMessage(value: unknown): JSONRPCMessage {
    return isPlainMessage(value) ? value : JSONRPCMessageSchema.parse(value);
}

/** A response with an object result, an error response, a request or a notification, with no key the schema would drop or check deeper. */
function isPlainMessage(value: unknown): value is JSONRPCMessage {
    if (!isJsonObject(value) || value.jsonrpc !== '2.0') return false;
    let keys = 1;
    if ('id' in value) {
        if (!isRequestId(value.id)) return false;
        keys++;
    }
    if (typeof value.method === 'string') {
        keys++;
        if ('params' in value) {
            if (!isJsonObject(value.params) || '_meta' in value.params) return false;
            keys++;
        }
    } else if ('result' in value) {
        if (!('id' in value) || !isJsonObject(value.result) || !hasPlainMeta(value.result)) return false;
        keys++;
    } else if ('error' in value) {
        if (!isPlainError(value.error)) return false;
        keys++;
    } else {
        return false;
    }
    // The schemas are strict: one more key and the message is not JSON-RPC.
    return Object.keys(value).length === keys;
}

function isPlainError(error: unknown): boolean {
    if (!isJsonObject(error) || !Number.isInteger(error.code) || typeof error.message !== 'string') return false;
    return Object.keys(error).length === ('data' in error ? 3 : 2);
}

function isRequestId(id: unknown): boolean {
    return typeof id === 'string' || Number.isInteger(id);
}

/**
 * No `_meta`, or one the schema returns unchanged: it only checks `progressToken` and the
 * related-task key. Every 2026-07-28 result has a `_meta` (the server's info), so this keeps
 * that era on the quick path.
 */
export function hasPlainMeta(value: Record<string, unknown>): boolean {
    if (!('_meta' in value)) return true;
    const meta = value._meta;
    return isJsonObject(meta) && !('progressToken' in meta) && !('io.modelcontextprotocol/related-task' in meta);
}

/** A JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
