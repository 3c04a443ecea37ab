// Shared by the build-time compilers of this folder.

/**
 * Ajv's standalone ESM output still `require`s its runtime helpers; the package is ESM, so each
 * becomes an import. Returns the import lines and the code that uses them.
 */
export function importsForRequires(code) {
    const imports = [];
    const body = code.replace(/require\("([^"]+)"\)/g, (_match, specifier) => {
        const name = `runtime${imports.length}`;
        imports.push(`import ${name} from ${JSON.stringify(`${specifier}.js`)};`);
        return name;
    });
    return { imports, body };
}
