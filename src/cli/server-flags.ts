/**
 * Flags shared by `list`, `call` and `init`. Kept free of heavy imports: command files load
 * this at startup, and `--help` must stay instant.
 */

/** Where the servers come from: a spec file or an MCP client configuration file. */
export interface ServerSourceFlags {
    spec?: string;
    config?: string;
}

