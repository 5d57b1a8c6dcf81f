// The search page's behaviour, loaded only when the reader starts searching (see SearchForm.astro).
// It runs Pagefind's JavaScript API (the index written by src/search/pagefind-integration.ts) and
// draws its own small, accessible result list: Pagefind's prebuilt UI would need inline styles,
// which the site's Content Security Policy does not allow.
import { rewriteQuery } from './bigram-tokens';
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
import { resultStatus, type StatusTemplates } from './status-message';

/** The parts of Pagefind's browser API this page uses (pagefind.js ships no type declarations). */
interface PagefindApi {
  options(options: { baseUrl?: string; excerptLength?: number; noWorker?: boolean }): Promise<void>;
  init(): Promise<void>;
  preload(query: string, options?: { filters?: Record<string, string> }): Promise<void>;
  search(
    query: string,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: PagefindResult[] }>;
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
  kinds: Record<string, string>;
}

/** What a result shows: where it links, its title, kind and year, and a highlighted excerpt. */
interface ShownResult {
  href: string;
  title: string;
  kind: string | undefined;
  year: string | undefined;
  excerpt: ExcerptPart[];
}

/** How many results to fetch the text of (Chinese results are checked for the literal phrase). */
const candidateLimit = 30;
const shownLimit = 20;
const typingDelay = 150;

export async function runSearchPage(form: HTMLFormElement): Promise<void> {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const kindSelect = form.querySelector<HTMLSelectElement>('select[name="kind"]');
  const yearSelect = form.querySelector<HTMLSelectElement>('select[name="year"]');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  if (!input || !kindSelect || !yearSelect || !status || !list) return;
  const base = form.dataset['base'] ?? '/';
  const index = form.dataset['index'] ?? `${base}pagefind/`;
  const lang = form.dataset['lang'] ?? document.documentElement.lang;
  const messages = JSON.parse(form.dataset['messages'] ?? '{}') as SearchMessages;

  // The address is the state: ?q=…&kind=…&year=… fills the form, so a search can be shared.
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? input.value;
  kindSelect.value = params.get('kind') ?? kindSelect.value;
  yearSelect.value = params.get('year') ?? yearSelect.value;

  let pagefind: Promise<PagefindApi> | undefined;
  const engine = () =>
    (pagefind ??= (async () => {
      const api = (await import(/* @vite-ignore */ `${index}pagefind.js`)) as PagefindApi;
      // No Web Worker: for an index this small, searching on the page is instant, and it saves a
      // 43 kB script (and a worker some in-app browsers handle badly) on a slow intranet.
      await api.options({ baseUrl: base, excerptLength: 24, noWorker: true });
      await api.init();
      return api;
    })());

  let latest = 0;
  const run = async () => {
    const ticket = ++latest;
    const query = input.value.trim();
    syncAddress(query, kindSelect.value, yearSelect.value);
    if (!query) {
      list.replaceChildren();
      status.textContent = messages.empty;
      list.dataset['query'] = ['', kindSelect.value, yearSelect.value].join('|');
      return;
    }
    status.textContent = messages.loading;
    try {
      const results = await search(await engine(), query, lang, {
        kind: kindSelect.value,
        year: yearSelect.value,
      });
      if (ticket !== latest) return;
      list.replaceChildren(...results.map((result) => renderResult(result, messages)));
      status.textContent = resultStatus(messages, query, results.length, lang);
      // Which search the list shows (the browser tests wait for it).
      list.dataset['query'] = [query, kindSelect.value, yearSelect.value].join('|');
    } catch (error) {
      if (ticket !== latest) return;
      console.error(error);
      status.textContent = messages.failed;
      list.dataset['query'] = [query, kindSelect.value, yearSelect.value].join('|');
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
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run();
  });
  // Start loading the index while the reader types their first word.
  void engine().catch(() => undefined);
  if (input.value.trim()) await run();
}

/** Runs a query: rewritten for Chinese, filtered, checked for the literal phrase and re-ranked. */
async function search(
  api: PagefindApi,
  query: string,
  lang: string,
  selected: { kind: string; year: string },
): Promise<ShownResult[]> {
  const { engineQuery, phrases } = rewriteQuery(query, lang);
  const filters: Record<string, string> = {};
  if (selected.kind) filters['kind'] = selected.kind;
  if (selected.year) filters['year'] = selected.year;
  const response = await api.search(engineQuery, { filters });
  const data = await Promise.all(
    response.results
      .slice(0, phrases.length > 0 ? candidateLimit : shownLimit)
      .map((result) => result.data()),
  );
  const candidates = data.map((entry, index) => ({
    entry,
    score: response.results[index]?.score ?? 0,
    text: plainText(entry.content),
    title: entry.meta.title ?? '',
  }));
  return rankByPhrases(candidates, phrases)
    .slice(0, shownLimit)
    .map(({ entry, text }) => shown(entry, text, phrases));
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
  kind.textContent = [result.kind ? messages.kinds[result.kind] : undefined, result.year]
    .filter(Boolean)
    .join(' · ');
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
