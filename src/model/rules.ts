import { defaultLocale, locales } from '../i18n/locales';
import type { MetricsData } from '../figures/declarations';
import { findPhotoDateProblems } from './photos';
import { findContentProblems, type CheckedEntry } from './integrity';
import { figureFilesProblems, metricTable, yearFigures } from '../figures/compute';
import { checkProse, contentTexts } from '../figures/prose-check';
import type { ModelEntry } from './entries';
import { parseEntryId } from './entry-ids';
import { bilingual, problemAt, type CheckProblem } from '../utils/problems';
import { contentModel, modelOf, type CollectionModel } from './registry';
import { provenanceProblems, unfinishedTextProblems } from './unfinished-rule';

/**
 * The rules that run across entries: what no schema can see from one file. ONE function,
 * `checkSite()`, runs them all; `npm run check` (src/check/run.ts) and the build's loader
 * (`loadSite()` in src/data/site.ts) both call it with every entry, drafts included, and print
 * the same bilingual problems. A rule added to `siteRules` is enforced in both places.
 */
export interface SiteRule {
  id: string;
  /** What the rule makes sure of, for the report of the rules and the tests. */
  description: string;
  /** `entries`: those that passed their schema; `all`: every entry, for what only needs to exist. */
  check(entries: ReadonlyArray<ModelEntry>, all: ReadonlyArray<ModelEntry>): CheckProblem[];
}

const isDraft = (entry: ModelEntry | undefined) => entry?.data.draft === true;
const ofCollection = (entries: ReadonlyArray<ModelEntry>, collection: string) =>
  entries.filter((entry) => entry.collection === collection);
const byKey = (entries: ReadonlyArray<ModelEntry>) =>
  new Map(entries.map((entry) => [`${entry.collection}:${entry.id}`, entry]));

const yearFolderCollections = (Object.entries(contentModel) as Array<[string, CollectionModel]>)
  .filter(([, model]) => model.yearFolders)
  .map(([name]) => name);

/** A year written in a field, if it is one. */
const yearIn = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** The event a photo names, in the default language (the one every event must exist in). */
function eventOf(photo: ModelEntry, known: ReadonlyMap<string, ModelEntry>) {
  const event = photo.data.event;
  return typeof event === 'string' ? known.get(`events:${defaultLocale}/${event}`) : undefined;
}

/**
 * The report year an entry belongs to: its year folder (units), its `year` (reports, events,
 * photos), or its event's year (a photo without one). Undefined for what belongs to no year.
 */
export function entryYear(
  entry: ModelEntry,
  known: ReadonlyMap<string, ModelEntry>,
): number | undefined {
  if (modelOf(entry.collection)?.yearFolders) return entry.folderYear;
  const own = yearIn(entry.data.year);
  if (own !== undefined || entry.collection !== 'photos') return own;
  return yearIn(eventOf(entry, known)?.data.year);
}

/** Counterparts and references, as src/model/integrity.ts finds them (shared with its unit tests). */
function integrityProblems(entries: ReadonlyArray<ModelEntry>): CheckProblem[] {
  const localized: Record<string, CheckedEntry[]> = {};
  const shared: Record<string, CheckedEntry[]> = {};
  const known = byKey(entries);
  for (const [collection, model] of Object.entries(contentModel) as Array<
    [string, CollectionModel]
  >) {
    (model.layout === 'localized' ? localized : shared)[collection] = ofCollection(
      entries,
      collection,
    ).map((entry) => {
      const year = entryYear(entry, known);
      return {
        id: entry.id,
        filePath: entry.file,
        ...(year === undefined ? {} : { year }),
        references: entry.references,
      };
    });
  }
  return findContentProblems({ localized, shared, yearFolders: yearFolderCollections }).map(
    bilingual,
  );
}
const isCounterpartProblem = (problem: CheckProblem) =>
  problem.field === '(counterpart)' || problem.field === '(file location)';

/** Heading ids a report's MDX gives its headings: `## 一、基本做法和验收情况 {#basics}`. */
export function reportHeadingIds(body: string): string[] {
  return [...body.matchAll(/^#{1,6}[ \t].*\{#([a-z0-9-]+)\}[ \t]*$/gm)].map(
    (match) => match[1] ?? '',
  );
}

export const siteRules: ReadonlyArray<SiteRule> = [
  {
    id: 'counterparts',
    description:
      'every entry of a localized collection exists in every language, in a language folder',
    check: (_entries, all) => integrityProblems(all).filter(isCounterpartProblem),
  },
  {
    id: 'references',
    description:
      'every entry a field or an MDX component names exists (in every language it is needed)',
    check: (_entries, all) =>
      integrityProblems(all).filter((problem) => !isCounterpartProblem(problem)),
  },
  {
    id: 'drafts',
    description:
      'a published entry neither names a draft nor has a draft as its other-language version',
    check(entries, all) {
      const known = byKey(all);
      const problems: CheckProblem[] = [];
      for (const entry of entries.filter((e) => !isDraft(e))) {
        for (const ref of entry.references) {
          const target = modelOf(ref.collection);
          const localized = target?.layout === 'localized';
          const year = target?.yearFolders ? (ref.year ?? entryYear(entry, known)) : undefined;
          const id =
            localized && !ref.id.includes('/')
              ? `${entry.locale ?? defaultLocale}/${year === undefined ? '' : `${year}/`}${ref.id}`
              : ref.id;
          const named = known.get(`${ref.collection}:${id}`);
          if (!named || !isDraft(named)) continue;
          problems.push(
            problemAt(
              entry.file,
              ref.line,
              ref.field,
              [
                `refers to "${ref.id}", which is still a draft and will not be published`,
                `publish ${named.file} (draft: false), or remove the reference until it is`,
              ],
              [
                `引用的“${ref.id}”还是草稿，不会发布`,
                `把 ${named.file} 改为 draft: false 发布，或者先删掉这个引用`,
              ],
            ),
          );
        }
        if (!entry.locale) continue;
        for (const locale of locales.filter((l) => l !== entry.locale)) {
          const counterpart = known.get(
            `${entry.collection}:${locale}/${parseEntryId(entry.id, entry.collection).sharedId}`,
          );
          if (!counterpart || !isDraft(counterpart)) continue;
          problems.push(
            problemAt(
              counterpart.file,
              counterpart.lineOf(['draft']),
              'draft',
              [
                `is true, but ${entry.file} is published: the two languages would not match`,
                'set draft to the same value in both language files',
              ],
              [
                `是 true，但 ${entry.file} 已发布：两种语言的网站会不一致`,
                '两个语言文件的 draft 要设成一样',
              ],
            ),
          );
        }
      }
      return problems;
    },
  },
  {
    id: 'duplicate-names',
    description:
      "no two entries of a collection share a naming field (a unit's name, a term's zh or en)",
    check(entries) {
      const problems: CheckProblem[] = [];
      for (const [collection, model] of Object.entries(contentModel) as Array<
        [string, CollectionModel]
      >) {
        for (const field of model.namingFields) {
          const seen = new Map<string, ModelEntry>();
          for (const entry of ofCollection(entries, collection)) {
            const value = entry.data[field];
            if (typeof value !== 'string') continue;
            // A unit keeps its name from year to year: one year's entries must not share one.
            const key = `${entry.locale ?? ''}\0${entry.folderYear ?? ''}\0${value.trim().toLowerCase()}`;
            const first = seen.get(key);
            if (!first) {
              seen.set(key, entry);
              continue;
            }
            problems.push(
              problemAt(
                entry.file,
                entry.lineOf([field]),
                field,
                [
                  `is "${value}", the same as in ${first.file}: two entries for one thing`,
                  `keep one of the two files (their page addresses are "${first.slug}" and "${entry.slug}") ` +
                    `and delete or rename the other`,
                ],
                [
                  `是“${value}”，与 ${first.file} 重复：同一事物有两个条目`,
                  `两个文件（网页地址“${first.slug}”和“${entry.slug}”）只保留一个，删除或改写另一个`,
                ],
              ),
            );
          }
        }
      }
      return problems;
    },
  },
  {
    id: 'year-matches-file-name',
    description: 'a report, figures or timeline file is named by its year (2007.mdx, 2007.yaml)',
    check: (entries) =>
      entries.flatMap((entry) => {
        const model = modelOf(entry.collection);
        const year = entry.data.year;
        if (!model?.namedByYear || typeof year !== 'number' || String(year) === entry.slug)
          return [];
        return [
          problemAt(
            entry.file,
            entry.lineOf(['year']),
            'year',
            [
              `is ${year}, but the file is named ${entry.slug}`,
              `make them agree: the file of the ${year} entry is named ${year}${model.extension}`,
            ],
            [
              `是 ${year}，但文件名是 ${entry.slug}`,
              `两者要一致：${year} 年的文件名是 ${year}${model.extension}`,
            ],
          ),
        ];
      }),
  },
  {
    id: 'a-report-exists',
    description: 'there is at least one report: the home page shows the newest',
    check: (_entries, all) =>
      all.some((entry) => entry.collection === 'reports')
        ? []
        : [
            problemAt(
              contentModel.reports.folder,
              undefined,
              '(collection)',
              [
                'has no report, and the home page shows the newest one',
                'add one: npm run new -- report <year>',
              ],
              [
                '没有任何年度总结，而首页要显示最新的一份',
                '新建一份：npm run new -- report <年份>',
              ],
            ),
          ],
  },
  {
    id: 'report-years-have-figures',
    description:
      "every report year has its figures file (the report's key figures and charts need it)",
    check(entries, all) {
      // A figures file that failed its schema still counts by its name: the check has said what is wrong in it.
      const years = new Set(ofCollection(all, 'metrics').map((entry) => Number(entry.slug)));
      return ofCollection(entries, 'reports')
        .filter((entry) => entry.locale === defaultLocale && !years.has(Number(entry.data.year)))
        .map((entry) =>
          problemAt(
            entry.file,
            entry.lineOf(['year']),
            'year',
            [
              `is ${String(entry.data.year)}, ` +
                `but there is no ${contentModel.metrics.folder}/${String(entry.data.year)}.yaml: ` +
                `the report's figures and charts need it`,
              `add the figures file: npm run new -- report ${String(entry.data.year)} writes one to fill in`,
            ],
            [
              `是 ${String(entry.data.year)}，` +
                `但没有 ${contentModel.metrics.folder}/${String(entry.data.year)}.yaml：年度总结的数字和图表需要它`,
              `补上数字文件：npm run new -- report ${String(entry.data.year)} 会生成一份待填写的`,
            ],
          ),
        );
    },
  },
  {
    id: 'year-folders',
    description:
      'an entry of a year-folder collection (units) is in a year folder: <locale>/<year>/<slug>',
    check: (_entries, all) =>
      all
        .filter((entry) => modelOf(entry.collection)?.yearFolders && entry.folderYear === undefined)
        .map((entry) => {
          const folder = modelOf(entry.collection)?.folder ?? '';
          const where = `${folder}/${entry.locale ?? '<locale>'}/<year>/${entry.slug}.mdx`;
          const whereZh = `${folder}/${entry.locale ?? '<语言>'}/<年份>/${entry.slug}.mdx`;
          return problemAt(
            entry.file,
            undefined,
            '(file location)',
            [
              "is not in a year folder: each file holds what one year's report says, " +
                'and its folder is that year',
              `move it to ${where} ` +
                `(e.g. ${folder}/${entry.locale ?? 'zh-cn'}/2007/${entry.slug}.mdx), in both languages`,
            ],
            [
              '不在年份文件夹里：每个文件写一年的年度总结对它的记述，所在文件夹就是那一年',
              `把它移到 ${whereZh}（如 ${folder}/${entry.locale ?? 'zh-cn'}/2007/${entry.slug}.mdx），两种语言都要移`,
            ],
          );
        }),
  },
  {
    id: 'unit-years-have-reports',
    description:
      "a unit's year folder has a report of that year in the unit's language (its page quotes and links that report)",
    check(entries, all) {
      const reports = new Set(ofCollection(all, 'reports').map((entry) => entry.id));
      return ofCollection(entries, 'units')
        .filter(
          (entry) =>
            entry.folderYear !== undefined && !reports.has(`${entry.locale}/${entry.folderYear}`),
        )
        .map((entry) =>
          problemAt(
            entry.file,
            undefined,
            '(year folder)',
            [
              `is in the ${entry.folderYear} folder, but there is no ${entry.folderYear} report in ${entry.locale}`,
              `move it to the folder of a year with a report (src/content/reports/${entry.locale}/), ` +
                `or add that report first: npm run new -- report ${entry.folderYear}`,
            ],
            [
              `在 ${entry.folderYear} 文件夹里，但没有 ${entry.folderYear} 年的 ${entry.locale} 年度总结`,
              `移到有年度总结的年份的文件夹（src/content/reports/${entry.locale}/），` +
                `或先添加该年度总结：npm run new -- report ${entry.folderYear}`,
            ],
          ),
        );
    },
  },
  {
    id: 'unit-sections',
    description: "a unit's sections are heading ids of the report of its year (its folder)",
    check(entries) {
      const reports = new Map(
        ofCollection(entries, 'reports').map((entry) => [entry.id, reportHeadingIds(entry.body)]),
      );
      const problems: CheckProblem[] = [];
      for (const unit of ofCollection(entries, 'units')) {
        const sections = (unit.data.sections as string[] | undefined) ?? [];
        const year = unit.folderYear;
        const headings = reports.get(`${unit.locale}/${year}`);
        if (year === undefined || !headings) continue; // year-folders, unit-years-have-reports say so
        sections.forEach((section, index) => {
          if (headings.includes(section)) return;
          problems.push(
            problemAt(
              unit.file,
              unit.lineOf(['sections', index]),
              `sections.${index}`,
              [
                `names "${section}", which is not a heading id of the ${year} report (known: ${headings.join(', ')})`,
                'use one of those ids: they are written after the headings of the report, as {#basics}',
              ],
              [
                `写的“${section}”不是 ${year} 年度总结中的标题 id（现有：${headings.join('、')}）`,
                '改用其中之一：它们写在年度总结各标题后面，如 {#basics}',
              ],
            ),
          );
        });
      }
      return problems;
    },
  },
  {
    id: 'unit-quotes-own-year',
    description: "a unit file quotes its own year's report (<ReportQuote year> is its folder)",
    check: (entries) =>
      ofCollection(entries, 'units').flatMap((unit) =>
        unit.references
          .filter(
            (ref) =>
              ref.field === '<ReportQuote year>' &&
              unit.folderYear !== undefined &&
              Number(ref.id) !== unit.folderYear,
          )
          .map((ref) =>
            problemAt(
              unit.file,
              ref.line,
              ref.field,
              [
                `quotes the ${ref.id} report, but the file is in the ${unit.folderYear} folder: ` +
                  "each year's file quotes that year's report",
                `write year={${unit.folderYear}}, or move the quote into ` +
                  `${unit.file.replace(`/${unit.folderYear}/`, `/${ref.id}/`)}`,
              ],
              [
                `引用的是 ${ref.id} 年度总结，但文件在 ${unit.folderYear} 文件夹里：每年的文件引用当年的年度总结`,
                `改为 year={${unit.folderYear}}，或把这段引文移到 ` +
                  `${unit.file.replace(`/${unit.folderYear}/`, `/${ref.id}/`)}`,
              ],
            ),
          ),
      ),
  },
  {
    id: 'figure-files',
    description:
      "each year's figures file is consistent in itself and with the other years " +
      '(ids, kinds, counter words, derived figures, targets, charts)',
    check: (entries) =>
      figureFilesProblems(
        ofCollection(entries, 'metrics').map((entry) => ({
          file: entry.file,
          slug: entry.slug,
          data: entry.data as unknown as MetricsData,
          lineOf: entry.lineOf,
        })),
      ).map(bilingual),
  },
  {
    id: 'prose-figures',
    description:
      'every figure a text quotes (<Metric id>, {metric:id}) exists in its year, ' +
      'and hand-typed counts and percentages in any text that reaches a page ' +
      "agree with the year's figures",
    check(entries) {
      const tables = new Map(
        ofCollection(entries, 'metrics').map((entry) => [
          entry.data.year as number,
          metricTable(yearFigures(entry.data as unknown as MetricsData)),
        ]),
      );
      const texts = contentTexts(
        entries.map((entry) => ({
          collection: entry.collection,
          file: entry.file,
          source: entry.text,
          // A unit's figures are its year folder's.
          data:
            entry.folderYear === undefined ? entry.data : { ...entry.data, year: entry.folderYear },
          lineOf: entry.lineOf,
        })),
        [...tables.keys()],
      );
      return checkProse(texts, tables).map(bilingual);
    },
  },
  {
    id: 'photo-dates',
    description: "a photo's date, when given, is its event's date in every language",
    check(entries) {
      const photos = ofCollection(entries, 'photos').map((entry) => ({
        id: entry.id,
        filePath: entry.file,
        line: entry.lineOf(['date']),
        data: entry.data as { order: number; event?: string; date?: Date; featured: boolean },
      }));
      const events = ofCollection(entries, 'events').map((entry) => ({
        slug: entry.slug,
        date: entry.data.date as Date,
        file: entry.file,
      }));
      return findPhotoDateProblems(photos, events).map(bilingual);
    },
  },
  {
    id: 'event-years',
    description: "an event's year has a report, and is the same in every language",
    check(entries, all) {
      const reportYears = new Set(
        ofCollection(all, 'reports').map((entry) => yearIn(entry.data.year) ?? Number(entry.slug)),
      );
      const known = byKey(entries);
      const problems: CheckProblem[] = [];
      for (const event of ofCollection(entries, 'events')) {
        const year = yearIn(event.data.year);
        if (year === undefined) continue;
        if (!reportYears.has(year)) {
          problems.push(
            problemAt(
              event.file,
              event.lineOf(['year']),
              'year',
              [
                `is ${year}, but there is no ${year} report: the gallery shows an event under its report year`,
                `write the year of the report the event belongs to (a Spring Festival event of January 2008 ` +
                  `belongs to 2007), or add that report: npm run new -- report ${year}`,
              ],
              [
                `是 ${year}，但没有 ${year} 年的年度总结：图片库按年度总结的年份列出活动`,
                `写活动所属年度总结的年份（2008年1月的迎新春活动属于2007年度），或先添加该年度总结：npm run new -- report ${year}`,
              ],
            ),
          );
        }
        if (event.locale === defaultLocale) continue;
        const source = known.get(`events:${defaultLocale}/${event.slug}`);
        const sourceYear = yearIn(source?.data.year);
        if (source && sourceYear !== undefined && sourceYear !== year) {
          problems.push(
            problemAt(
              event.file,
              event.lineOf(['year']),
              'year',
              [
                `is ${year}, but ${source.file} says ${sourceYear}: one event has one year`,
                'write the same year in both language files',
              ],
              [
                `是 ${year}，但 ${source.file} 写的是 ${sourceYear}：同一活动只属于一个年份`,
                '两个语言文件写同一个年份',
              ],
            ),
          );
        }
      }
      return problems;
    },
  },
  {
    id: 'photo-years',
    description:
      "every photo belongs to a year with a report: its own year, equal to its event's, or its event's",
    check(entries, all) {
      const reportYears = new Set(
        ofCollection(all, 'reports').map((entry) => yearIn(entry.data.year) ?? Number(entry.slug)),
      );
      const known = byKey(all);
      const problems: CheckProblem[] = [];
      for (const photo of ofCollection(entries, 'photos')) {
        const own = yearIn(photo.data.year);
        const event = eventOf(photo, known);
        const eventYear = yearIn(event?.data.year);
        if (own === undefined && photo.data.event === undefined) {
          const latest = Math.max(...reportYears);
          problems.push(
            problemAt(
              photo.file,
              photo.lineOf(['order']),
              'year',
              [
                'is missing, and the photo has no event: the gallery, search and the PDF edition ' +
                  'need to know which report year it belongs to',
                `add \`year: ${Number.isFinite(latest) ? latest : 2008}\` (the report year), ` +
                  'or name its event (`event: …`)',
              ],
              [
                '没有写，而这张图片也没有所属活动：图片库、搜索和 PDF 版都要知道它属于哪一年度',
                `加上 \`year: ${Number.isFinite(latest) ? latest : 2008}\`（所属年度总结的年份），或写明所属活动（\`event: …\`）`,
              ],
            ),
          );
          continue;
        }
        if (own !== undefined && eventYear !== undefined && own !== eventYear) {
          problems.push(
            problemAt(
              photo.file,
              photo.lineOf(['year']),
              'year',
              [
                `is ${own}, but its event "${String(photo.data.event)}" (${event?.file ?? ''}) belongs to ${eventYear}`,
                `write year: ${eventYear}, or leave year out (a photo of an event has the event's year)`,
              ],
              [
                `是 ${own}，但它的活动“${String(photo.data.event)}”（${event?.file ?? ''}）属于 ${eventYear} 年度`,
                `改为 year: ${eventYear}，或删掉 year（有活动的图片就是活动的年份）`,
              ],
            ),
          );
          continue;
        }
        if (own !== undefined && !reportYears.has(own)) {
          problems.push(
            problemAt(
              photo.file,
              photo.lineOf(['year']),
              'year',
              [
                `is ${own}, but there is no ${own} report`,
                `write the year of the report the photo belongs to, or add that report: npm run new -- report ${own}`,
              ],
              [
                `是 ${own}，但没有 ${own} 年的年度总结`,
                `写图片所属年度总结的年份，或先添加该年度总结：npm run new -- report ${own}`,
              ],
            ),
          );
        }
      }
      return problems;
    },
  },
  {
    id: 'unfinished-text',
    description:
      'nothing unfinished is published: no marker the tools write (待填写, TO FILL IN, TO TRANSLATE, ' +
      'the needs-translation line) and no English text that is still Chinese, outside draft years',
    check: (entries, all) => unfinishedTextProblems(entries, all, entryYear),
  },
  {
    id: 'report-provenance',
    description:
      'a published report says where its text comes from (provenance.source) and, in English, ' +
      'how its English was made (provenance.translation)',
    check: (entries, all) => provenanceProblems(entries, all, entryYear),
  },
];

/** Every cross-entry problem of the site's content, by every rule. */
export function checkSite(entries: ReadonlyArray<ModelEntry>): CheckProblem[] {
  const valid = entries.filter((entry) => entry.valid);
  // Two rules may see one mistake (a figures file's year is also checked with the other years):
  // say it once.
  const seen = new Set<string>();
  return siteRules
    .flatMap((rule) => rule.check(valid, entries))
    .filter((problem) => {
      const key = `${problem.file}:${problem.line ?? ''}:${problem.field}:${problem.message}`;
      return !seen.has(key) && Boolean(seen.add(key));
    });
}
