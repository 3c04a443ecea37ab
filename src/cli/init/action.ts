/**
 * `mcp-check init`: connect to a live server and write a starter spec that passes on it —
 * its tools listed, read-only tools called with expectations from their answers, the other
 * tools' calls written commented out (never sent).
 */
import { existsSync } from 'node:fs';
import { isRevision } from '../../connect/protocol.js';
import { writeOutputFile } from '../../output-file.js';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintTools } from '../../assert/lint/index.js';
import { UniversalMCPClient, type ListedTool } from '../../connect/client.js';
import { describeTarget, type ServerInfo } from '../../connect/types.js';
import { ConnectError, ExitCode, ServerGoneError, SpecErrors, UsageError } from '../../errors.js';
import { visibleText } from '../../report/safe-text.js';
import { parseSpec } from '../../load/load.js';
import { SCHEMA_URL } from '../../load/schema.js';
import { planCalls, type CallOutcome } from './plan-calls.js';
import { renderSpec, type StarterSpec } from './spec-text.js';
import { defaultServerName, targetFromFlags, type TargetFlags } from './target.js';

export interface InitCliOptions extends TargetFlags {
    /** `-o`: where to write; default `specs/<server>.yaml`. */
    output?: string;
    /** `--name`: the server's name in the spec. */
    name?: string;
    force?: boolean;
}

/** Writes the starter spec; 0 when written, 1 when the server cannot be reached, 2 on bad input. */
export async function initCommand(options: InitCliOptions): Promise<number> {
    const target = targetFromFlags(options);
    // Checked before connecting too, so a refused overwrite starts nothing.
    if (options.output !== undefined) refuseOverwrite(options.output, options.force);
    // The name is known before connecting only when given; messages need one either way.
    const connection = options.name ?? 'server';
    const mcp = new UniversalMCPClient();
    mcp.addServer(connection, target.config);
    try {
        const info = await mcp.connect(connection);
        const name = options.name ?? defaultServerName(info, target.config);
        const output = options.output ?? join('specs', `${fileSafe(name)}.yaml`);
        refuseOverwrite(output, options.force);
        const listed = info.capabilities.tools === undefined ? [] : await mcp.listTools(connection);
        const tools = uniqueByName(listed);
        const { calls, outcomes } = await planCalls(mcp, connection, tools);
        const spec: StarterSpec = {
            schemaUrl: schemaPath(output),
            header: header(info, target.config.transport === 'stdio' ? 'command' : options.start !== undefined ? 'url (and the --start command)' : 'url'),
            suiteName: `${info.name || name} contract`,
            serverName: name,
            // The revision found is written down, so the spec keeps checking the one that was seen.
            server: isRevision(info.protocolVersion) ? { ...target.entry, protocol: info.protocolVersion } : target.entry,
            tools: tools.map((t) => t.name),
            calls,
            // Lint sees the list as sent: duplicates are what one of its rules is about.
            lowered: loweredLintRules(listed),
        };
        const text = renderSpec(spec);
        checkLoads(text, output);
        await writeOutputFile(output, text, options.force ? 'w' : 'wx');
        process.stdout.write(visibleText(summary(output, name, describeTarget(target.config), spec, outcomes)));
        return ExitCode.passed;
    } catch (error) {
        if (error instanceof ConnectError || error instanceof ServerGoneError) {
            process.stderr.write(`mcp-check: ${error.message}\n`);
            return ExitCode.failed;
        }
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw overwriteError((error as NodeJS.ErrnoException).path ?? 'the output file');
        throw error;
    } finally {
        await mcp.close();
    }
}

/** The spec must load as written; if it does not, that is a bug here (not the user's), and nothing is written. */
function checkLoads(text: string, output: string): void {
    try {
        parseSpec(text, output, {});
    } catch (error) {
        const problems = error instanceof SpecErrors ? error.errors.map((e) => e.describe()).join('; ') : String(error);
        throw new Error(`the starter spec does not load: ${problems}`, { cause: error });
    }
}

function refuseOverwrite(output: string, force: boolean | undefined): void {
    if (!force && existsSync(output)) throw overwriteError(output);
}

function overwriteError(output: string): UsageError {
    return new UsageError(`${output} exists; mcp-check init does not overwrite it without --force (or choose another file with -o)`);
}

/**
 * The schema's published `$id` (an unpkg URL), not a relative path: a spec is committed and
 * shared, and a path into this machine's mcp-check install would not resolve for anyone else.
 */
/**
 * The schema this mcp-check ships, relative to the spec's folder as editors resolve `$schema`:
 * `../node_modules/mcp-check/schema/mcp-check.schema.json` when it is installed in the project.
 * The schema has no published URL; this path exists, and matches the version that wrote the spec.
 */
function schemaPath(output: string): string {
    return relative(dirname(resolve(output)), fileURLToPath(SCHEMA_URL)).split(sep).join('/');
}

function header(info: ServerInfo, given: string): string[] {
    return [
        `Starter spec written by mcp-check init for ${info.name || 'the server'} ${info.version} (protocol ${info.protocolVersion || 'unknown'}).`,
        `The server is written as the ${given} was given; the tools are those it listed.`,
        'Tools with readOnlyHint: true were called once, and each call expects what the server answered then:',
        'the tool error flag, the types of a few JSON keys, or the start of the text. Tighten them.',
        'Other tools were not called (they may change data): their calls are commented out below.',
    ];
}

/** Rules at `error` that the server breaks today would fail the starter spec; they start at `warn`, with the findings. */
function loweredLintRules(tools: readonly ListedTool[]): StarterSpec['lowered'] {
    return lintTools(tools, { enabled: true, rules: {} })
        .filter((result) => result.level === 'error' && result.findings.length > 0)
        .map((result) => ({
            rule: result.rule,
            notes: [
                `lowered from error by mcp-check init: the server breaks this rule today; set it back to error once fixed:`,
                ...result.findings.slice(0, 3).map((f) => `  ${f.message.replace(/\s+/g, ' ')}`),
                ...(result.findings.length > 3 ? [`  … and ${result.findings.length - 3} more`] : []),
            ],
        }));
}

/** Duplicate names would give duplicate calls; lint reports the duplicates. */
function uniqueByName(tools: readonly ListedTool[]): ListedTool[] {
    const seen = new Set<string>();
    return tools.filter((t) => !seen.has(t.name) && seen.add(t.name));
}

function fileSafe(name: string): string {
    return name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'server';
}

function summary(output: string, name: string, target: string, spec: StarterSpec, outcomes: CallOutcome[]): string {
    const lines = [`wrote ${output}: server "${name}" (${target}), ${spec.tools.length} tool${spec.tools.length === 1 ? '' : 's'} under tools.include`];
    const groups: [CallOutcome['kind'], string][] = [
        ['called', 'called once (readOnlyHint: true), expectations from the answer:'],
        ['commented', 'written commented out (the reason is in the comment above it):'],
        ['skipped', 'not called (no readOnlyHint: true), written commented out:'],
    ];
    for (const [kind, title] of groups) {
        const group = outcomes.filter((o) => o.kind === kind);
        if (group.length === 0) continue;
        lines.push(`  ${title}`, ...group.map((o) => `    ${o.tool}${kind === 'skipped' ? '' : ` (${o.detail})`}`));
    }
    for (const { rule } of spec.lowered) lines.push(`  lint rule ${rule} set to warn: the server breaks it (see the comment in the spec)`);
    lines.push(`run it: mcp-check ${output}`);
    return `${lines.join('\n')}\n`;
}
