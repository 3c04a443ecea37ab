/**
 * JSONPath queries (jsonpath-plus, in its safe evaluation mode). A definite path such as
 * `$.title` yields its single value; a path that can select several nodes (`[*]`, `..`,
 * filters, unions, slices) yields the list of them, so matchers like `length` work on it.
 */
import { JSONPath } from 'jsonpath-plus';
import type { Subject } from './matchers/index.js';

const INDEFINITE = /\*|\.\.|\?\(|\[[^\]]*[,:][^\]]*\]/;

/** Runs a JSONPath over `root`; `present: false` when it matched nothing. */
export function queryJson(root: unknown, path: string): Subject {
    const found = JSONPath({ path, json: root as object, wrap: true, eval: 'safe' }) as unknown[] | undefined;
    const values = found ?? [];
    // Quoted keys may hold `*`, `:` or `,` and still name exactly one node.
    const unquoted = path.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
    if (INDEFINITE.test(unquoted)) return values.length ? { present: true, value: values } : { present: false };
    return values.length ? { present: true, value: values[0] } : { present: false };
}
