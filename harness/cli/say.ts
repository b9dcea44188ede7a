/** The CLI's own lines go to stderr, prefixed, so stdout stays the data (catalog, comparisons). */
export const say = (line: string) => console.error(`s2s-conformance: ${line}`);
