import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { compileSchema } from '../../src/assert/json-schema.js';
import { ServerGoneError } from '../../src/errors.js';
import { judgeInvalid, judgeValid, type CallOutcome } from '../../src/probe/judge.js';
import { selectTools } from '../../src/probe/select.js';

const result = (r: CallToolResult): CallOutcome => ({ kind: 'result', result: r });
const error = (e: unknown): CallOutcome => ({ kind: 'error', error: e });
const OUTPUT = compileSchema({ type: 'object', properties: { ratio: { type: 'number' } }, required: ['ratio'] });

describe('judging valid arguments', () => {
    it('passes a result, and a tool error (valid arguments may still be refused for other reasons)', () => {
        assert.deepEqual(judgeValid(result({ content: [], structuredContent: { ratio: 2 } }), OUTPUT), { kind: 'pass' });
        assert.deepEqual(judgeValid(result({ content: [{ type: 'text', text: 'unknown state' }], isError: true }), OUTPUT), { kind: 'pass' });
    });

    it('fails a JSON-RPC error', () => {
        assert.deepEqual(judgeValid(error(new McpError(ErrorCode.InternalError, 'boom')), undefined), {
            kind: 'fail',
            message: 'answered with JSON-RPC error -32603: boom',
            actual: undefined,
        });
    });

    it('fails structuredContent that violates the outputSchema, with the Ajv errors', () => {
        const judgement = judgeValid(result({ content: [], structuredContent: { ratio: null } }), OUTPUT);
        assert.equal(judgement.kind, 'fail');
        assert.deepEqual(judgement.kind === 'fail' && judgement.details, ['/ratio: must be number']);
    });

    it('fails an input validation error reported as a tool error (the SDK’s McpServer does that)', () => {
        const judgement = judgeValid(result({ content: [{ type: 'text', text: 'MCP error -32602: Input validation error: …' }], isError: true }), undefined);
        assert.equal(judgement.kind, 'fail');
    });

    it('stops on a timeout (this check) and on a dead server (every check)', () => {
        assert.deepEqual(judgeValid(error(new McpError(ErrorCode.RequestTimeout, 'Request timed out', { timeout: 500 })), undefined), {
            kind: 'stop',
            scope: 'check',
            message: 'no answer within 500 ms',
        });
        assert.equal((judgeValid(error(new ServerGoneError('fx', 'exited')), undefined) as { scope?: string }).scope, 'server');
    });
});

describe('judging invalid arguments', () => {
    it('passes -32602 and isError', () => {
        assert.deepEqual(judgeInvalid(error(new McpError(ErrorCode.InvalidParams, 'bad'))), { kind: 'pass' });
        assert.deepEqual(judgeInvalid(result({ content: [], isError: true })), { kind: 'pass' });
    });

    it('fails acceptance and any other JSON-RPC error', () => {
        assert.equal(judgeInvalid(result({ content: [{ type: 'text', text: 'ok' }] })).kind, 'fail');
        const other = judgeInvalid(error(new McpError(ErrorCode.InternalError, 'TypeError: x is undefined')));
        assert.equal(other.kind === 'fail' && other.message, 'answered with JSON-RPC error -32603 (TypeError: x is undefined), not -32602 Invalid params or an isError result');
    });
});

describe('selecting tools', () => {
    const listed = [
        { name: 'read', raw: { name: 'read', annotations: { readOnlyHint: true } } },
        { name: 'sloppy', raw: { name: 'sloppy', annotations: { readOnlyHint: 'yes' } } },
        { name: 'write', raw: { name: 'write' } },
        { name: 'read', raw: { name: 'read' } },
    ];

    it('takes readOnlyHint: true only (the boolean), the first of duplicate names, and opted-in tools', () => {
        const selection = selectTools(listed, { tools: ['write'] });
        assert.deepEqual(selection.probe.map((p) => [p.listed.name, p.selectedBy]), [
            ['read', 'readOnlyHint'],
            ['write', 'listed'],
        ]);
        assert.deepEqual(selection.skipped.map((s) => s.tool), ['sloppy']);
    });

    it('never widens the selection through `only`', () => {
        const selection = selectTools(listed, { only: ['write', 'missing'] });
        assert.deepEqual(selection.probe, []);
        assert.deepEqual(selection.skipped.map((s) => s.tool), ['write']);
        assert.deepEqual(selection.notListed, ['missing']);
    });
});
