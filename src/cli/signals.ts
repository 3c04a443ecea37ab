/**
 * Ctrl-C and SIGTERM stop the run gracefully: calls are cancelled, servers stopped, reports
 * written. A second signal means "now": the process exits and its exit hook kills the servers.
 */

export interface SignalWatch {
    signal: AbortSignal;
    /** The first signal received, if any. */
    readonly received: 'SIGINT' | 'SIGTERM' | undefined;
    dispose(): void;
}

/** Turns SIGINT/SIGTERM into an AbortSignal for the run. */
export function watchSignals(): SignalWatch {
    const controller = new AbortController();
    let received: 'SIGINT' | 'SIGTERM' | undefined;
    const handler = (sig: 'SIGINT' | 'SIGTERM') => {
        if (received) process.exit(sig === 'SIGINT' ? 130 : 143);
        received = sig;
        process.stderr.write(`\nmcp-check: ${sig} received, stopping servers and writing reports (again to force)\n`);
        controller.abort(new Error(`interrupted by ${sig}`));
    };
    const onInt = () => handler('SIGINT');
    const onTerm = () => handler('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    return {
        signal: controller.signal,
        get received() {
            return received;
        },
        dispose() {
            process.off('SIGINT', onInt);
            process.off('SIGTERM', onTerm);
        },
    };
}
