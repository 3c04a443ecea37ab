import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deserializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import { parseMessage } from '../../src/connect/json-rpc-message.js';

/** Lines as servers send them, each judged the same as by the SDK's `deserializeMessage`. */
const LINES = [
    '{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"hi"}]}}',
    '{"jsonrpc":"2.0","id":"a","result":{}}',
    '{"jsonrpc":"2.0","id":2,"result":{"_meta":{"progressToken":2}}}',
    '{"jsonrpc":"2.0","id":3,"error":{"code":-32602,"message":"bad","data":{"x":1}}}',
    '{"jsonrpc":"2.0","error":{"code":-32700,"message":"parse error"}}',
    '{"jsonrpc":"2.0","id":4,"error":{"code":-32602,"message":"bad","extra":true}}',
    '{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":1,"progress":1}}',
    '{"jsonrpc":"2.0","method":"notifications/initialized"}',
    '{"jsonrpc":"2.0","id":5,"method":"ping"}',
    '{"jsonrpc":"2.0","id":6,"method":"sampling/createMessage","params":{"_meta":{"progressToken":"t"},"messages":[]}}',
];

/** Lines that are JSON but not JSON-RPC: each must be refused, as the SDK refuses it. */
const REFUSED = [
    '{"jsonrpc":"2.0","id":1,"result":{},"extra":1}',
    '{"jsonrpc":"1.0","id":1,"result":{}}',
    '{"jsonrpc":"2.0","id":1.5,"result":{}}',
    '{"jsonrpc":"2.0","result":{}}',
    '{"jsonrpc":"2.0","id":1,"result":[1]}',
    '{"jsonrpc":"2.0","id":1,"error":{"code":"x","message":"bad"}}',
    '{"jsonrpc":"2.0","method":"x","params":[1]}',
    '{"jsonrpc":"2.0","id":null,"method":"x"}',
    '{"level":"info","msg":"server started"}',
    '[1,2]',
    '"text"',
];

describe('parseMessage', () => {
    for (const line of LINES) {
        it(`reads ${line} as the SDK does`, () => {
            assert.deepEqual(parseMessage(line), deserializeMessage(line));
        });
    }

    for (const line of REFUSED) {
        it(`refuses ${line} with a ZodError, as the SDK does`, () => {
            assert.throws(() => deserializeMessage(line), { name: 'ZodError' });
            assert.throws(() => parseMessage(line), { name: 'ZodError' });
        });
    }

    it('throws a SyntaxError for a line that is not JSON', () => {
        assert.throws(() => parseMessage('Server listening on stdio'), SyntaxError);
    });
});
