/** Spec lines shared by tests that run the weather fixture. */

/**
 * A `get_alerts` call to the weather fixture named `alerts for <place>`, expecting a heat
 * advisory (the fixture has one for CA, none for NY), as lines under a test entry's `calls:`.
 * `block` writes the `expect` as a block mapping instead of a flow one.
 */
export function alertsCall(state: 'CA' | 'NY', block = false): string[] {
    return [
        `      - name: alerts for ${state === 'CA' ? 'California' : 'New York'}`,
        '        tool: get_alerts',
        `        args: { state: ${state} }`,
        ...(block ? ['        expect:', '          text: { contains: Heat Advisory }'] : ['        expect: { text: { contains: Heat Advisory } }']),
    ];
}
