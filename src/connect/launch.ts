/**
 * Starting server processes, free of the SDK: the CLI starts stdio servers before the SDK
 * and the runner have loaded, so that servers boot while the rest of mcp-check loads. That is
 * also why the inherited environment is computed here rather than by the SDK's stdio client,
 * whose module loads the SDK's whole schema layer.
 */
import { ServerProcess } from './process.js';
import type { StdioServerConfig } from './types.js';

// Only variables that are safe to pass on: the SDK's policy (sudo's list).
const INHERITED = process.platform === 'win32'
    ? ['APPDATA', 'HOMEDRIVE', 'HOMEPATH', 'LOCALAPPDATA', 'PATH', 'PROCESSOR_ARCHITECTURE', 'SYSTEMDRIVE', 'SYSTEMROOT', 'TEMP', 'USERNAME', 'USERPROFILE', 'PROGRAMFILES']
    : ['HOME', 'LOGNAME', 'PATH', 'SHELL', 'TERM', 'USER'];

/** The inherited variables of this process, with `extra` on top. */
export function serverEnvironment(extra: Record<string, string> = {}): Record<string, string> {
    const env: Record<string, string> = {};
    for (const key of INHERITED) {
        const value = process.env[key];
        // A value starting with `()` is an exported shell function: never pass one on.
        if (value !== undefined && !value.startsWith('()')) env[key] = value;
    }
    return { ...env, ...extra };
}

/** Starts a stdio server's process; its transport adopts it later (see `ProcessStdioTransport`). */
export function launchStdioServer(config: StdioServerConfig): ServerProcess {
    return new ServerProcess({ command: config.command, args: config.args, env: serverEnvironment(config.env), cwd: config.cwd });
}
