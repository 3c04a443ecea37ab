/** Opening a URL in the user's default browser, through the platform's own opener. */
import { spawn } from 'node:child_process';

/** The opener command and its arguments for this platform. */
function opener(url: string): [string, string[]] {
    if (process.platform === 'darwin') return ['open', [url]];
    // `start` would read the URL's `&` as a command separator; the URL handler takes it whole.
    if (process.platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
    return ['xdg-open', [url]];
}

/** Asks the system to open `url`; resolves with why it could not (the opener is missing or failed), else undefined. */
export function openBrowser(url: string): Promise<string | undefined> {
    const [command, args] = opener(url);
    return new Promise((resolve) => {
        const child = spawn(command, args, { stdio: 'ignore', detached: true });
        child.once('error', (error: NodeJS.ErrnoException) => resolve(`${command}: ${error.code === 'ENOENT' ? 'not found' : error.message}`));
        child.once('exit', (code) => resolve(code === 0 ? undefined : `${command} exited with ${code}`));
        child.unref();
    });
}
