/**
 * The published package works for a stranger: `npm pack`, install the tarball into an empty
 * project, run `npx mcp-check` on a spec there, and import the programmatic API.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/files.js';

const npm = (args: string[], cwd: string) =>
    execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the npm package', () => {
    let project = '';

    before(async () => {
        const packDir = await tempDir();
        const tarball = npm(['pack', '--ignore-scripts', '--pack-destination', packDir], ROOT).trim().split('\n').pop()!;
        project = await tempDir();
        writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
        npm(['install', join(packDir, tarball)], project);
        cpSync(join(ROOT, 'fixtures/weather-server.js'), join(project, 'weather-server.js'));
        cpSync(join(ROOT, 'fixtures/lib'), join(project, 'lib'), { recursive: true });
        writeFileSync(
            join(project, 'weather.yaml'),
            [
                'servers:',
                '  weather: { command: node, args: [weather-server.js] }',
                'tests:',
                '  - server: weather',
                '    calls:',
                '      - { name: alerts, tool: get_alerts, args: { state: CA }, expect: { text: { contains: Heat } } }',
                '',
            ].join('\n'),
        );
    });

    it('runs a spec with npx mcp-check from an installed tarball', () => {
        const out = execFileSync('npx', ['--no-install', 'mcp-check', 'weather.yaml'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        assert.match(out, /✓ alerts/);
        assert.match(out, /0 failed, 0 errored/);
    });

    it('starts a spec with init whose $schema is the installed schema, and runs the README\'s CI command on it', () => {
        execFileSync('npx', ['--no-install', 'mcp-check', 'init', '-o', 'specs/weather.yaml', '--', 'node', 'weather-server.js'], { cwd: project, encoding: 'utf8' });
        const text = readFileSync(join(project, 'specs/weather.yaml'), 'utf8');
        assert.ok(text.startsWith('# yaml-language-server: $schema=../node_modules/mcp-check/schema/mcp-check.schema.json\n'), text.slice(0, 200));
        assert.ok(existsSync(join(project, 'node_modules/mcp-check/schema/mcp-check.schema.json')));
        // The command of the README's "In CI" and workflow examples, in a server's own repository.
        const out = execFileSync('npx', ['--no-install', 'mcp-check', 'specs/*.yaml', '--junit', 'reports/mcp-check.xml'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        assert.match(out, / 0 failed, 0 errored/);
        assert.ok(existsSync(join(project, 'reports/mcp-check.xml')));
    });

    it('exposes the programmatic API with its types', () => {
        const script = [
            "import { UniversalMCPClient, loadSpec, runSuite } from 'mcp-check';",
            "const result = await runSuite(await loadSpec('weather.yaml'));",
            'console.log(typeof UniversalMCPClient, result.totals.failed, result.totals.passed > 0);',
        ].join('\n');
        writeFileSync(join(project, 'api.mjs'), script);
        const out = execFileSync(process.execPath, ['api.mjs'], { cwd: project, encoding: 'utf8' });
        assert.equal(out.trim(), 'function 0 true');
        assert.ok(existsSync(join(project, 'node_modules/mcp-check/dist/src/index.d.ts')), 'type declarations are published');
    });
});
