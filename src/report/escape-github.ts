/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`) are parsed from stdout
 * line by line, so a newline in a message or a `,` in a title would cut the command short or
 * forge another. These helpers escape at that boundary, the way the runner unescapes.
 */

/**
 * Escapes a command's message: `%`, CR and LF (`%` first, so the escapes stay literal), and
 * the `[` of a legacy `##[` command, which the runner looks for anywhere in a line.
 */
export function escapeData(text: string): string {
    return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A').replaceAll('##[', '##\\u005b');
}

/** Escapes a property value: as `escapeData`, plus `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
    return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** Properties of an annotation, in the order they are written. */
export interface AnnotationProperties {
    file?: string;
    line?: number;
    col?: number;
    title?: string;
}

/** Renders one workflow command line, e.g. `::error file=a.yaml,line=3,col=5,title=t::message`. */
export function workflowCommand(command: 'error' | 'warning' | 'notice', properties: AnnotationProperties, message: string): string {
    const props = Object.entries(properties)
        .filter(([, value]) => value !== undefined && value !== '')
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',');
    return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}
