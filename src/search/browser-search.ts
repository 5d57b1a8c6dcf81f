// The search page's behaviour, loaded only when the reader starts searching (see SearchForm.astro).
// It runs Pagefind's JavaScript API (the index written by src/integrations/pagefind.ts) and
// draws its own small, accessible result list: Pagefind's prebuilt UI would need inline styles,
// which the site's Content Security Policy does not allow.
import { rewriteQuery, tokensMatchLiterally } from './bigram-tokens';
import {
  excerptAround,
  landingAnchor,
  parseExcerpt,
  plainText,
  rankByPhrases,
  sectionStart,
  type Anchor,
  type ExcerptPart,
  type WeightedLocation,
} from './result-ranking';
import { countByYear, moreCount, nextPage, yearChoices } from './result-pages';
import {
  moreLabel,
  resultStatus,
  yearLabel,
  yearOptionLabel,
  type PluralTemplates,
  type StatusTemplates,
} from './status-message';

/** The parts of Pagefind's browser API this page uses (pagefind.js ships no type declarations). */
interface PagefindApi {
  options(options: { baseUrl?: string; excerptLength?: number; noWorker?: boolean }): Promise<void>;
  init(): Promise<void>;
  preload(query: string, options?: { filters?: Record<string, string> }): Promise<void>;
  search(query: string, options?: { filters?: Record<string, string> }): Promise<PagefindSearch>;
  /** Every filter value the index knows, with its number of pages: `{ year: { '2008': 12 } }`. */
  filters(): Promise<FilterCounts>;
}
type FilterCounts = Record<string, Record<string, number>>;
interface PagefindSearch {
  /** Every result (their data loads lazily, one fragment each). */
  results: PagefindResult[];
  /** For each filter value, how many results adding it to the current filters would leave. */
  filters: FilterCounts;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
interface PagefindSubResult {
  url: string;
  anchor?: Anchor;
  excerpt: string;
  locations: number[];
}
interface PagefindData {
  url: string;
  content: string;
  excerpt: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
  anchors: Array<Anchor & { element: string }>;
  weighted_locations: WeightedLocation[];
  sub_results: PagefindSubResult[];
}

/** Everything the page says, from the dictionaries (filled in by SearchForm.astro). */
export interface SearchMessages extends StatusTemplates {
  loading: string;
  empty: string;
  failed: string;
  /** The "more results" button, `{count}` being how many it adds. */
  more: PluralTemplates;
  kinds: Record<string, string>;
  /** A result's year (`{year}`), and the year filter's options. */
  year: string;
  yearAll: string;
  yearAllCount: string;
  yearOption: string;
}

/** What a result shows: where it links, its title, kind and year, and a highlighted excerpt. */
interface ShownResult {
  href: string;
  title: string;
  kind: string | undefined;
  year: string | undefined;
  excerpt: ExcerptPart[];
}

/**
 * A search's results, all of them counted, shown a page at a time: `slice()` loads the data of the
 * results it returns (English), or cuts from results already loaded and checked (Chinese).
 */
interface Hits {
  /** How many results there are with the chosen filters (the status line's count). */
  total: number;
  /** How many results there are without the year filter: in all, and per year. */
  allYears: number;
  yearCounts: Record<string, number>;
  slice(from: number, to: number): Promise<ShownResult[]>;
}

/** How many of Pagefind's first results are loaded together and re-ranked (see rankByPhrases). */
const rankedLimit = 30;
const typingDelay = 150;

export async function runSearchPage(form: HTMLFormElement): Promise<void> {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const kindSelect = form.querySelector<HTMLSelectElement>('select[name="kind"]');
  const yearSelect = form.querySelector<HTMLSelectElement>('select[name="year"]');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const moreButton = document.getElementById('search-more');
  if (!input || !kindSelect || !yearSelect || !status || !list) return;
  if (!(moreButton instanceof HTMLButtonElement)) return;
  const base = form.dataset['base'] ?? '/';
  const index = form.dataset['index'] ?? `${base}pagefind/`;
  const lang = form.dataset['lang'] ?? document.documentElement.lang;
  const messages = JSON.parse(form.dataset['messages'] ?? '{}') as SearchMessages;

  // The address is the state: ?q=…&kind=…&year=… fills the form, so a search can be shared.
  // The year is kept aside until the index says which years there are (the page lists report years only).
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? input.value;
  kindSelect.value = params.get('kind') ?? kindSelect.value;
  let year = params.get('year') ?? yearSelect.value;
  if (year && ![...yearSelect.options].some((option) => option.value === year))
    yearSelect.add(new Option(year, year));
  yearSelect.value = year;
  /** Every year the index knows, with its number of pages (Pagefind's filters). */
  let knownYears: Record<string, number> = {};
  const showYears = (hits?: Hits) => {
    fillYearOptions(yearSelect, messages, lang, knownYears, hits, year);
  };

  let pagefind: Promise<PagefindApi> | undefined;
  const engine = () =>
    (pagefind ??= (async () => {
      const api = (await import(/* @vite-ignore */ `${index}pagefind.js`)) as PagefindApi;
      // No Web Worker: for an index this small, searching on the page is instant, and it saves a
      // 43 kB script (and a worker some in-app browsers handle badly) on a slow intranet.
      await api.options({ baseUrl: base, excerptLength: 24, noWorker: true });
      await api.init();
      knownYears = (await api.filters())['year'] ?? {};
      if (!input.value.trim()) showYears();
      return api;
    })());

  /** The search on the page: its key (query|kind|year), its results and how many are shown. */
  let current: { key: string; query: string; hits: Hits; shown: number } | undefined;
  const showStatus = () => {
    if (!current) return;
    const { hits, shown, query } = current;
    status.textContent = resultStatus(messages, query, hits.total, lang, shown);
    const more = moreCount(shown, hits.total);
    moreButton.hidden = more === 0;
    moreButton.textContent = more > 0 ? moreLabel(messages.more, more, lang) : '';
    // Which search the list shows, and how much of it (the browser tests wait for these).
    list.dataset['query'] = current.key;
    list.dataset['shown'] = String(shown);
  };

  let latest = 0;
  const run = async () => {
    const ticket = ++latest;
    const query = input.value.trim();
    year = yearSelect.value;
    const key = [query, kindSelect.value, year].join('|');
    syncAddress(query, kindSelect.value, year);
    current = undefined;
    moreButton.hidden = true;
    if (!query) {
      list.replaceChildren();
      status.textContent = messages.empty;
      showYears();
      list.dataset['query'] = key;
      list.dataset['shown'] = '0';
      return;
    }
    status.textContent = messages.loading;
    try {
      const hits = await search(await engine(), query, lang, {
        kind: kindSelect.value,
        year,
      });
      const { from, to } = nextPage(0, hits.total);
      const first = await hits.slice(from, to);
      if (ticket !== latest) return;
      list.replaceChildren(...first.map((result) => renderResult(result, messages)));
      current = { key, query, hits, shown: first.length };
      showYears(hits);
      showStatus();
    } catch (error) {
      if (ticket !== latest) return;
      console.error(error);
      status.textContent = messages.failed;
      list.dataset['query'] = key;
      list.dataset['shown'] = '0';
    }
  };

  /** Adds the next page of results; focus moves to the first one added, where reading goes on. */
  const more = async () => {
    const ticket = latest;
    const shown = current;
    if (!shown) return;
    const { from, to } = nextPage(shown.shown, shown.hits.total);
    if (to <= from) return;
    moreButton.disabled = true;
    try {
      const added = await shown.hits.slice(from, to);
      if (ticket !== latest || current !== shown) return;
      const items = added.map((result) => renderResult(result, messages));
      list.append(...items);
      shown.shown += added.length;
      showStatus();
      items[0]?.querySelector('a')?.focus();
    } catch (error) {
      if (ticket !== latest) return;
      console.error(error);
      status.textContent = messages.failed;
    } finally {
      moreButton.disabled = false;
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), typingDelay);
  };
  // While a Chinese input method is composing, the box holds pinyin, not the query: wait for the characters.
  input.addEventListener('input', (event) => {
    if (event instanceof InputEvent && event.isComposing) return;
    // Fetch the index chunks for what is typed so far while the typing pause runs.
    const { engineQuery } = rewriteQuery(input.value.trim(), lang);
    if (engineQuery)
      void engine()
        .then((api) => api.preload(engineQuery))
        .catch(() => undefined);
    later();
  });
  input.addEventListener('compositionend', later);
  kindSelect.addEventListener('change', () => void run());
  yearSelect.addEventListener('change', () => void run());
  moreButton.addEventListener('click', () => void more());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run();
  });
  // Start loading the index while the reader types their first word.
  void engine().catch(() => undefined);
  if (input.value.trim()) await run();
}

/**
 * Runs a query, filtered by kind and year, and counts all its results. When Pagefind's matches are
 * the hits (English, or Chinese pairs such as 班组), its result list is the true count, its filters
 * count the years, and a result's data loads only when it is shown (the first ones together, to be
 * re-ranked as before). Longer Chinese phrases are rewritten to several pair tokens, so every
 * candidate is loaded and checked for the literal phrase (an out-of-order query has all the pairs
 * on a page, but is not a hit) and re-ranked; the year filter and its counts then come from those
 * checked results.
 */
async function search(
  api: PagefindApi,
  query: string,
  lang: string,
  selected: { kind: string; year: string },
): Promise<Hits> {
  const { engineQuery, phrases } = rewriteQuery(query, lang);
  const filters: Record<string, string> = {};
  if (selected.kind) filters['kind'] = selected.kind;
  const allYears = await api.search(engineQuery, { filters });
  const candidates = (results: PagefindResult[]) =>
    Promise.all(
      results.map(async (result) => {
        const entry = await result.data();
        return {
          entry,
          score: result.score,
          text: plainText(entry.content),
          title: entry.meta.title ?? '',
        };
      }),
    );

  if (tokensMatchLiterally(phrases)) {
    const { results } = selected.year
      ? await api.search(engineQuery, { filters: { ...filters, year: selected.year } })
      : allYears;
    // The first candidates, loaded and re-ranked together (the query itself as a title first);
    // the rest keep Pagefind's order and load a page at a time.
    const headSize = phrases.length > 0 ? rankedLimit : 0;
    const head = rankByPhrases(await candidates(results.slice(0, headSize)), phrases);
    const dropped = Math.min(results.length, headSize) - head.length;
    return {
      total: results.length - dropped,
      allYears: allYears.results.length - (selected.year ? 0 : dropped),
      yearCounts: allYears.filters['year'] ?? {},
      slice: async (from, to) => {
        const tail = await candidates(
          results.slice(Math.max(from, head.length) + dropped, to + dropped),
        );
        return [...head.slice(from, to), ...tail].map(({ entry, text }) =>
          shown(entry, text, phrases),
        );
      },
    };
  }

  const ranked = rankByPhrases(await candidates(allYears.results), phrases);
  // A result without a year (a glossary term) is left out only when a year is chosen.
  const inYear = selected.year
    ? ranked.filter(({ entry }) => entry.filters['year']?.includes(selected.year))
    : ranked;
  return {
    total: inYear.length,
    allYears: ranked.length,
    yearCounts: countByYear(ranked.map(({ entry }) => entry.filters['year']?.[0])),
    slice: (from, to) =>
      Promise.resolve(inYear.slice(from, to).map(({ entry, text }) => shown(entry, text, phrases))),
  };
}

/**
 * Fills the year filter: every year the index knows, newest first, each with how many results it
 * has for the search shown (or how many pages, before a search). Options are updated in place, so
 * a reader moving through them with the arrow keys keeps their place.
 */
function fillYearOptions(
  select: HTMLSelectElement,
  messages: SearchMessages,
  lang: string,
  known: Record<string, number>,
  hits: Hits | undefined,
  selected: string,
): void {
  const choices = yearChoices(known, hits?.yearCounts, selected);
  const all = select.querySelector<HTMLOptionElement>('option[value=""]') ?? new Option();
  all.value = '';
  all.textContent = hits
    ? yearOptionLabel(messages.yearAllCount, '', hits.allYears, lang)
    : messages.yearAll;
  const options = [all];
  for (const choice of choices) {
    const option =
      [...select.options].find((candidate) => candidate.value === choice.value) ?? new Option();
    option.value = choice.value;
    option.textContent = yearOptionLabel(messages.yearOption, choice.value, choice.count, lang);
    options.push(option);
  }
  // Only reorder when the years themselves changed (the first time the index is read).
  const same =
    options.length === select.options.length &&
    options.every((option, position) => select.options[position] === option);
  if (!same) select.replaceChildren(...options);
  select.value = selected;
}

function shown(entry: PagefindData, text: string, phrases: string[]): ShownResult {
  const anchor = landingAnchor(entry.anchors, entry.weighted_locations);
  // Pagefind's excerpt of the section the link lands on; for Chinese phrases, our own excerpt around
  // the phrase itself (Pagefind would centre on the index tokens, which readers never see).
  const section = anchor
    ? entry.sub_results
        .filter((sub) => sub.anchor && sub.anchor.location <= anchor.location)
        .sort((a, b) => (b.anchor?.location ?? 0) - (a.anchor?.location ?? 0))[0]
    : entry.sub_results.find((sub) => !sub.anchor);
  const excerpt =
    phrases.length > 0
      ? excerptAround(text, phrases, 40, sectionStart(text, entry.anchors, anchor))
      : parseExcerpt(section?.excerpt ?? entry.excerpt);
  const page = entry.url.split('#')[0] ?? entry.url;
  return {
    href: anchor && !entry.url.includes('#') ? `${page}#${anchor.id}` : entry.url,
    title: entry.meta.title ?? entry.url,
    kind: entry.filters['kind']?.[0],
    year: entry.filters['year']?.[0],
    excerpt,
  };
}

function renderResult(result: ShownResult, messages: SearchMessages): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = result.href;
  link.textContent = result.title;
  heading.append(link);
  const kind = document.createElement('p');
  kind.className = 'search-result__kind';
  // “Unit · 2008”: the kind, and the year the result is from (nothing for a glossary term).
  const parts = [
    ['search-result__type', result.kind ? messages.kinds[result.kind] : undefined],
    ['search-result__year', yearLabel(messages.year, result.year)],
  ].filter((part): part is [string, string] => Boolean(part[1]));
  parts.forEach(([className, text], position) => {
    const span = document.createElement('span');
    span.className = className;
    span.textContent = text;
    kind.append(...(position > 0 ? [' · '] : []), span);
  });
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  excerpt.append(
    ...result.excerpt.map((part) => {
      if (!part.marked) return document.createTextNode(part.text);
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      return mark;
    }),
  );
  item.append(heading, kind, excerpt);
  return item;
}

/** Keeps ?q=, ?kind= and ?year= in the address bar without adding a history entry per keystroke. */
function syncAddress(query: string, kind: string, year: string): void {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (kind) params.set('kind', kind);
  if (year) params.set('year', year);
  const search = params.toString();
  history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
}
