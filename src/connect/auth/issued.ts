/**
 * Tokens issued while mcp-check runs. They are unknown when the spec is loaded, so the
 * redaction set cannot list them up front; redactors consult this list as well.
 */
const issued = new Set<string>();

/** Adds a token (or any value the authorization server handed out) to what reports redact. */
export function rememberIssued(value: string | undefined): void {
    if (value) issued.add(value);
}

/** Every value issued so far, oldest first. */
export function issuedSecrets(): readonly string[] {
    return [...issued];
}

/** How many values were issued so far: a cheap way for a redactor to see that it must refresh. */
export function issuedCount(): number {
    return issued.size;
}
