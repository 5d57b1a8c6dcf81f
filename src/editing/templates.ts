// What `npm run new` writes: every required field, sensible defaults, and comments telling the
// editor what each field is. One module, so a schema change means one edit here.
import { entryFile, entryFolder } from '../model/registry';
import { toFill } from '../model/unfinished';
import { unitKindChoices } from '../schemas/unit-kinds';
import { sourceFingerprint } from '../model/translation';

/** A file to create, relative to the project root, with its content (or a file to copy). */
export interface PlannedFile {
  path: string;
  content?: string;
  copyFrom?: string;
}

const quote = (text: string) => JSON.stringify(text); // a valid YAML double-quoted string

/** English files record the fingerprint of their Chinese source, so they start out current. */
function withTranslation(
  zhPath: string,
  zh: string,
  enPath: string,
  en: (hash: string) => string,
): PlannedFile[] {
  return [
    { path: zhPath, content: zh },
    { path: enPath, content: en(sourceFingerprint(zh)) },
  ];
}

export interface UnitOptions {
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  year: number;
  parent?: string | undefined;
  /** Report headings (ids) where the unit is named, when known (the import knows). */
  sections?: ReadonlyArray<string>;
  /** A figure id of the year for the text's example <Metric> (default `teams.total`). */
  exampleFigure?: string;
}

/** What one year's report says of a unit, one MDX file per language in that year's folder. */
export function unitFiles(o: UnitOptions): PlannedFile[] {
  const zhPath = entryFile('units', o.slug, 'zh-cn', o.year);
  const enPath = entryFile('units', o.slug, 'en', o.year);
  const zh = `---
# ${o.year} 年度总结对本单位的记述（中文）。英文版是 ${enPath}，两边的字段要一致。
# 文件夹就是年份：别的年份另写一个文件（npm run new -- unit ${o.slug} --year <年份>），文件名相同。
# 改完运行 npm run check；准备发布时把最后的 draft 改为 false。
name: ${quote(o.nameZh)}
# 类别：${unitKindChoices('zh')}（见 src/schemas/unit-kinds.ts）
kind: ${o.kind}
# 在 ${o.year} 年度总结“主要特色与明显亮点”一节受到表扬时写 true
highlighted: false
${o.parent ? '' : '# '}parent: ${o.parent ?? 'living-services-company'}   # 上级单位的文件名；没有上级就在行首加 #
# 本单位当年的做法：词汇表 src/content/glossary/ 中的文件名，如 [six-constants]
practices: []
# 当年获得的称号，如 ["公司优秀班组"]
awards: []
# ${o.year} 年度总结中提到本单位的标题 id，如 [highlights]
sections: [${(o.sections ?? []).join(', ')}]
# 草稿：true 时只在 npm run dev 预览中出现，不会发布
draft: true
# 正文引用年度总结原文时写 <ReportQuote year={${o.year}} unit="${o.slug}">原文</ReportQuote>（年份就是文件夹的年份）
---

${toFill.zh(`在这里写 ${o.year} 年度总结中${o.nameZh}的亮点。`)}\
数字不要手写，用 <Metric id="${o.exampleFigure ?? 'teams.total'}" /> 这样的写法引用数据。
`;
  return withTranslation(
    zhPath,
    zh,
    enPath,
    (hash) => `---
# What the ${o.year} report says of a unit (English), translated from ${zhPath}.
# The folder is the year: another year is another file with the same name.
# Keep the same fields as the Chinese file; run npm run check after editing.
name: ${quote(o.nameEn)}
# The kind: ${unitKindChoices('en')} (see src/schemas/unit-kinds.ts)
kind: ${o.kind}
highlighted: false
${o.parent ? '' : '# '}parent: ${o.parent ?? 'living-services-company'}   \
# the file name of the unit it belongs to; comment out if none
# Practices that year: file names from src/content/glossary/, e.g. [six-constants]
practices: []
awards: []
sections: [${(o.sections ?? []).join(', ')}]
# Only previewed with npm run dev while true; set to false to publish
draft: true
# Quote the report in the text as <ReportQuote year={${o.year}} unit="${o.slug}">text</ReportQuote> (the folder's year)
# The Chinese text this translation matches. After updating the translation, run:
#   npm run check -- --mark-translated ${enPath}
sourceHash: "${hash}"
---

${toFill.en(`write the ${o.year} highlights of the ${o.nameEn} here.`)} \
Do not type figures: write <Metric id="${o.exampleFigure ?? 'teams.total'}" /> and the site fills in the number.
`,
  );
}

/** How the 2007 report says its English was made: the example the scaffold gives. */
const translatedInFull =
  'Translated in full from the original published in the company magazine of Pingguo Aluminium Company.';

export function reportFiles(year: number): PlannedFile[] {
  const zh = `---
# ${year} 年度总结（中文）。英文版是 src/content/reports/en/${year}.mdx。
# 数字写在 src/content/metrics/${year}.yaml，正文中用 <Metric id="teams.total" /> 这样的写法引用，不要手写。
year: ${year}
title: "平果铝业公司${year}年度班组建设和“五好”科(部)室创建工作总结"
slogan: ${quote(toFill.zh('本年度的口号'))}
author: ${quote(toFill.zh('作者姓名'))}
authorRole: ${quote(toFill.zh('作者职务'))}
publisher: "平果铝业公司"
summary: ${quote(toFill.zh('一两句话概括本年度总结的内容'))}
# 正文出自哪里（刊物名称、期号，是否删改），显示在年度总结末尾
provenance:
  source: ${quote(toFill.zh('正文出自哪里，如“内容依据平果铝业公司内部刊物所载原文整理，未作删改。”'))}
# 草稿：true 时只在 npm run dev 预览中出现；内容齐全后改为 false 再发布
draft: true
---

## 一、基本做法和验收情况 {#basics}

${toFill.zh('在这里写正文。')}标题末尾花括号里的 #basics 是这一节固定的网页锚点，中英文版本要相同。

## 二、取得的成效 {#results}

${toFill.zh('在这里写正文。')}
`;
  return [
    ...withTranslation(
      entryFile('reports', String(year), 'zh-cn'),
      zh,
      entryFile('reports', String(year), 'en'),
      (hash) => `---
# The ${year} report (English), translated from src/content/reports/zh-cn/${year}.mdx.
year: ${year}
title: "Pingguo Aluminium Company: ${year} Summary of Team Building and the \\"Five-Good\\" Office Campaign"
slogan: ${quote(toFill.en("the year's slogan"))}
author: ${quote(toFill.en("the author's name"))}
authorRole: ${quote(toFill.en("the author's role"))}
publisher: "Pingguo Aluminium Company"
summary: ${quote(toFill.en('one or two sentences summarising the report'))}
# Where the text comes from (source) and how this English was made (translation), shown at the end of the report
provenance:
  translation: ${quote(toFill.en(`how the English was made, e.g. "${translatedInFull}"`))}
draft: true
# After updating the translation: npm run check -- --mark-translated src/content/reports/en/${year}.mdx
sourceHash: "${hash}"
---

## 1. Approach and Inspection Results {#basics}

${toFill.en('write the text here.')} \
The #basics in braces after each heading is the section's fixed address: the same in both languages.

## 2. Results {#results}

${toFill.en('write the text here.')}
`,
    ),
    {
      path: entryFile('metrics', String(year)),
      content: `# ${year} 年的数字 The figures of ${year}: write only what the report gives.
# 每个数字：id（同一 id 每年是同一个量）、label、kind（count 计数要写 counter 量词，或 percent 百分比），
# 以及 value（报告给出的数；没有给出写 not reported，绝不写 0）、share（占比）或 difference（差）三者之一。
# Each figure: id (one id = one measure in every year), label, kind (count with its counter word, or
# percent), and one of value (as the report gives it, or not reported — never 0), share or difference.
# 指南 Guide: docs/editing.zh-CN.md / docs/editing.en.md. 查看 See: npm run figures -- ${year}
year: ${year}
figures:
  - id: teams.total
    label: { zh: 班组总数, en: Work teams }
    kind: count
    counter: { zh: 个, en: teams }
    value: not reported
    section: basics
  - id: teams.excellent
    label: { zh: 优秀班组数, en: Excellent teams }
    kind: count
    counter: { zh: 个, en: teams }
    value: not reported
    partOf: teams.total
    section: basics
  - id: teams.excellentRate
    label: { zh: 优秀班组占班组总数的比例, en: Excellent teams as a share of all teams }
    kind: percent
    share: { part: teams.excellent, of: teams.total }
    section: basics
charts:
  - id: teams
    kind: parts
    whole: teams.total
    title: { zh: 图1　班组情况, en: Figure 1. Work teams }
    bars:
      - { figure: teams.excellent, label: { zh: 优秀班组, en: Excellent } }
cards:
  - figure: teams.total
  - figure: teams.excellent
`,
    },
    {
      path: entryFile('timelines', String(year)),
      content: `# ${year} 年的工作进程，按时间先后。The year's campaign steps, in order.
# quarter: 季度 1–4；month: 月份（报告写明时才写）。Add month only where the report names one.
# 文字中的数字写成 {metric:id}，如 {metric:teams.total}。Quote figures as {metric:id}.
year: ${year}
steps:
  - quarter: 1
    section: basics
    text:
      zh: ${quote(toFill.zh('第一季度的工作（按年度总结改写）'))}
      en: ${quote(toFill.en('work in the first quarter (rewrite from the report)'))}
`,
    },
  ];
}

export interface TermOptions {
  slug: string;
  zh: string;
  en: string;
}

export function termFiles(o: TermOptions): PlannedFile[] {
  return [
    {
      path: entryFile('glossary', o.slug),
      content: `# 词汇表条目：中英文写在同一个文件里。Glossary term: both languages in one file.
zh: ${quote(o.zh)}
# 全站统一使用的英文译名 The English rendering used everywhere on the site
en: ${quote(o.en)}
explanation:
  zh: ${quote(toFill.zh(`用一两句话解释“${o.zh}”`))}
  en: ${quote(toFill.en(`explain ${o.en} in a sentence or two`))}
# 复合词的各个部分（没有就保留 []）The parts of a compound term, if any:
#   - zh: "常组织"
#     en: "constant organising"
items: []
# 相关词条的文件名 Related terms (their file names), e.g. [six-constants]
related: []
`,
    },
  ];
}

export interface EventOptions {
  slug: string;
  /** The report year the event belongs to. */
  year: number;
  date: string;
  time?: string | undefined;
  titleZh: string;
  titleEn: string;
}

/** A gallery event, one YAML file per language (`src/content/events/<locale>/<slug>.yaml`). */
export function eventFiles(o: EventOptions): PlannedFile[] {
  const when = `date: ${o.date}${o.time ? `\ntime: ${quote(o.time)}` : ''}`;
  return [
    {
      path: entryFile('events', o.slug, 'zh-cn'),
      content: `# 活动（中文）。英文版是 src/content/events/en/${o.slug}.yaml。
title: ${quote(o.titleZh)}
# 活动所属的年度总结的年份（2008年1月的迎新春活动属于2007年度）：图片库按它分组
year: ${o.year}
# 日期 YYYY-MM-DD；time 是时间，如 '14:00'，或 afternoon / evening（原文没写就删掉这一行）
${when}
# 地点（原文没写就删掉这一行）
place: ${quote(toFill.zh('地点'))}
description: ${quote(toFill.zh('一句话介绍这次活动，只写原文说的'))}
`,
    },
    {
      path: entryFile('events', o.slug, 'en'),
      content: `# An event (English), translated from src/content/events/zh-cn/${o.slug}.yaml.
title: ${quote(o.titleEn)}
# The report year the event belongs to (the gallery groups by it)
year: ${o.year}
${when}
place: ${quote(toFill.en('the place'))}
description: ${quote(toFill.en('one sentence about the event, no more than the source says'))}
`,
    },
  ];
}

export interface PhotoOptions {
  slug: string;
  image: string;
  extension: string;
  event?: string | undefined;
  unit?: string | undefined;
  /** Position in the gallery. */
  order: number;
  /** The report year, written when the photo has no event (else it has its event's). */
  year: number;
}

/** A gallery photo: one file with both languages (`src/content/photos/<slug>.yaml`), the image beside it. */
export function photoFiles(o: PhotoOptions): PlannedFile[] {
  return [
    { path: `${entryFolder('photos')}/${o.slug}${o.extension}`, copyFrom: o.image },
    {
      path: entryFile('photos', o.slug),
      content: `# 一张照片：中英文写在同一个文件里。One photo: both languages in this file.
# 照片文件就在旁边 The image is next to this file:
image: ./${o.slug}${o.extension}
# 在图库中的顺序 Position in the gallery
order: ${o.order}
# 所属年度总结的年份；有活动时就是活动的年份，可以不写 The report year (its event's, if it has one)
${o.event ? '# ' : ''}year: ${o.year}
# 活动的文件名（原文没说是哪项活动就在行首加 #）The event's file name (comment out if not stated)
${o.event ? '' : '# '}event: ${o.event ?? 'bonfire-party'}
# 表演单位的文件名（不知道就在行首加 #）The performing unit, if known
${o.unit ? '' : '# '}unit: ${o.unit ?? 'living-services-company'}
# 在 PDF 版中展示并作为活动封面时写 true  true to show it in the PDF edition and as its event's cover
featured: false
# 示例（占位）图片写 true，真实照片写 false  true only for a labelled stand-in, not the real photograph
sample: false
# 图注照抄自刊物时写明出处；自己写的图注就保留行首的 #  Where the caption is quoted from (keep the # for your own)
# captionSource: { zh: 平果铝业公司内刊, en: the company magazine of Pingguo Aluminium Company }
caption:
  zh: ${quote(toFill.zh('照片说明'))}
  en: ${quote(toFill.en('the caption'))}
# 替代文字：给看不到图的读者描述照片内容（必填，不能是文件名）
# Alt text: what the photo shows, for readers who cannot see it (required; not the file name)
alt:
  zh: ${quote(toFill.zh('描述照片内容'))}
  en: ${quote(toFill.en('what the photo shows'))}
credit:
  zh: ${quote(toFill.zh('摄影：姓名'))}
  en: ${quote(toFill.en('Photo: name'))}
`,
    },
  ];
}
