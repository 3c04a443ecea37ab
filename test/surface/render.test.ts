/** Console, Markdown and JSON output: deterministic, and safe with hostile server text. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffSurfaces } from '../../src/surface/diff.js';
import { renderConsole } from '../../src/surface/render-console.js';
import { code, renderMarkdown, text } from '../../src/surface/render-markdown.js';
import { buildDiffReport, DIFF_FORMAT, renderJson } from '../../src/surface/report.js';
import { server, surface, tool } from './helpers.js';

const POISONED = 'Adds. <img src=x onerror=alert(1)> | **click** [here](https://evil.example)\n\u001b[31mred';
const before = surface({ s: server({ tools: { add: tool({ description: 'Adds.' }), gone: tool() } }) });
const after = surface({ s: server({ server: { name: 'fixture', version: '1.1.0' }, tools: { add: tool({ description: POISONED }), new_one: tool() } }) });
const report = buildDiffReport({ old: 'old.json', new: 'new.yaml' }, diffSurfaces(before, after), { failOn: 'breaking', semver: true });

test('the report fails on breaking changes and says why semver fails', () => {
    assert.equal(report.failed, true);
    assert.deepEqual(report.counts, { breaking: 1, nonBreaking: 1, info: 2 });
    assert.equal(report.servers[0]!.semver?.suggested, '2.0.0');
});

test('console: sections by level, old and new text of info changes, control characters escaped', () => {
    const out = renderConsole(report, false);
    assert.match(out, /Breaking changes \(1\)\n {4}✗ \/tools\/gone: tool "gone" removed/);
    assert.match(out, /Non-breaking changes \(1\)\n {4}\+ \/tools\/new_one: tool "new_one" added/);
    assert.match(out, /Info \(2\): descriptions and annotations/);
    assert.match(out, / {8}- Adds\.\n {8}\+ Adds\. <img/);
    assert.ok(!out.includes('\u001b'), 'no raw escape character reaches the terminal');
    assert.ok(out.includes('\\u001b[31mred'));
    assert.match(out, /Semver ✗ 1\.0\.0 → 1\.1\.0: breaking changes need a major bump; suggested next version 2\.0\.0/);
    assert.match(out, /1 breaking, 1 non-breaking, 2 info: fails \(--fail-on breaking, --semver\)\n$/);
});

test('Markdown: server text cannot inject HTML, links, emphasis or table cells', () => {
    const md = renderMarkdown(report);
    assert.ok(md.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!md.includes('<img'));
    assert.ok(md.includes('\\| \\*\\*click\\*\\* \\[here\\]'));
    assert.ok(md.includes('<br>'), 'a newline in a description does not end the table row');
    assert.match(md, /#### 💥 Breaking changes \(1\)\n\n\| Pointer \| Change \|\n\|---\|---\|\n\| `\/tools\/gone` \| tool "gone" removed \|/);
});

test('Markdown code spans survive backticks and pipes', () => {
    assert.equal(code('a`b|c'), '``a`b\\|c``');
    assert.equal(code('`x`'), '`` `x` ``');
    assert.equal(text('a_b*c'), 'a\\_b\\*c');
});

test('JSON: format marker, verdict, changes per server', () => {
    const json = JSON.parse(renderJson(report)) as Record<string, unknown>;
    assert.equal(json.format, DIFF_FORMAT);
    assert.equal(json.failed, true);
    const [s] = json.servers as { changes: { pointer: string; level: string }[]; semver: { ok: boolean } }[];
    assert.deepEqual(
        s!.changes.map((c) => [c.pointer, c.level]),
        [
            ['/server/version', 'info'],
            ['/tools/add/description', 'info'],
            ['/tools/gone', 'breaking'],
            ['/tools/new_one', 'non-breaking'],
        ],
    );
    assert.equal(s!.semver.ok, false);
});

test('the same diff renders to the same bytes every time', () => {
    const again = buildDiffReport({ old: 'old.json', new: 'new.yaml' }, diffSurfaces(before, after), { failOn: 'breaking', semver: true });
    assert.equal(renderJson(again), renderJson(report));
    assert.equal(renderMarkdown(again), renderMarkdown(report));
});
