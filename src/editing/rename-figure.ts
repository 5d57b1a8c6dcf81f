// Renaming a figure's id in the texts that use it: the figures file (its declaration, what other
// figures, charts and cards say of it, `{metric:id}` in captions and notes), and `<Metric id="…">`
// and `{metric:id}` in reports, unit pages and the timeline. An id is not meaning: an English text
// that was up to date with its Chinese before the same edit to both is still up to date after it,
// so its `sourceHash` is stamped again; one that was already stale stays stale. Pure.
import { sourceFingerprint, splitFrontmatter, withSourceHash } from '../model/translation';

const escape = (id: string) => id.replace(/\./g, '\\.');
/** The id as a whole token: not the start of a longer id (teams.total vs teams.totalStaff). */
const token = (id: string) => `${escape(id)}(?![A-Za-z0-9]|\\.[A-Za-z])`;

/** `<Metric id="old"` and `{metric:old}` / `{metric:old:bare}` in any text. */
export function renameInText(text: string, from: string, to: string): string {
  return text
    .replace(new RegExp(`(<Metric\\b[^>]*?\\bid=["'])${token(from)}(?=["'])`, 'g'), `$1${to}`)
    .replace(new RegExp(`(\\{metric:)${token(from)}(?=[:}])`, 'g'), `$1${to}`);
}

/** The figures file: the declaration, what refers to it (share, difference, partOf, target, charts, cards). */
export function renameInFiguresFile(text: string, from: string, to: string): string {
  const keys = '(?:id|part|of|from|minus|partOf|for|whole|figure)';
  return renameInText(text, from, to).replace(
    new RegExp(`(\\b${keys}\\s*:\\s*["']?)${token(from)}(?=["']?\\s*(?:[,}#\\n]|$))`, 'gm'),
    `$1${to}`,
  );
}

/** The fingerprint an English file records, if any. */
export function recordedHash(translation: string): string | undefined {
  const frontmatter = splitFrontmatter(translation).frontmatter ?? '';
  return /^sourceHash:\s*["']?([0-9a-f]{12})["']?\s*$/m.exec(frontmatter)?.[1];
}

/**
 * The same edit made to a Chinese text and its English translation: the English keeps being up
 * to date (its hash re-stamped) only when it was up to date before.
 */
export function editPair(
  zh: string,
  en: string,
  edit: (text: string) => string,
): { zh: string; en: string; restamped: boolean } {
  const upToDate = recordedHash(en) === sourceFingerprint(zh);
  const zhAfter = edit(zh);
  let enAfter = edit(en);
  const restamped = upToDate && zhAfter !== zh;
  if (restamped) enAfter = restamp(enAfter, sourceFingerprint(zhAfter));
  return { zh: zhAfter, en: enAfter, restamped };
}

/** The translation with its recorded fingerprint replaced, in the line's own quoting. */
function restamp(translation: string, hash: string): string {
  const line = /^sourceHash:[ \t]*(["']?)[0-9a-f]{12}\1[ \t]*$/m;
  // Unquoted, a fingerprint of digits only (or like 12e34…) would be read as a number.
  const needsQuotes = /^[0-9]+(?:e[0-9]+)?$/.test(hash);
  if (!line.test(translation)) return withSourceHash(translation, hash);
  return translation.replace(line, (_, q: string) => {
    const quote = q || (needsQuotes ? '"' : '');
    return `sourceHash: ${quote}${hash}${quote}`;
  });
}
