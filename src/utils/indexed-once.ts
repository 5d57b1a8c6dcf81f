/**
 * Derived lookups made once per array of entries: every page's route data asks for a year's units,
 * a unit's history or a locale's entries, and scanning every entry for each of ~1,700 routes made
 * the route data quadratic in the size of the yearbook. A loaded site's arrays are never changed
 * (src/data/site.ts), so the array itself is the key; one whose length changed since (a test
 * adding an entry, say) is indexed again all the same.
 */
export type IndexCache<V> = WeakMap<ReadonlyArray<unknown>, { size: number; value: V }>;

/** A cache for {@link indexedOnce}: one per kind of index. */
export function indexCache<V>(): IndexCache<V> {
  return new WeakMap();
}

/** `make(entries)`, or what it returned for this array before (same length). */
export function indexedOnce<E, V>(
  cache: IndexCache<V>,
  entries: ReadonlyArray<E>,
  make: (entries: ReadonlyArray<E>) => V,
): V {
  const known = cache.get(entries);
  if (known?.size === entries.length) return known.value;
  const value = make(entries);
  cache.set(entries, { size: entries.length, value });
  return value;
}
