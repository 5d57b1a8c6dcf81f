/** The kinds of search result, the values of the `kind` filter (labels are in the dictionaries). */
export const searchKinds = ['report', 'unit', 'photo', 'term'] as const;
export type SearchKind = (typeof searchKinds)[number];
