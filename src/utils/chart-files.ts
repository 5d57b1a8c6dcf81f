import { htmlLang, type Locale } from '../i18n/locales';

/** Site path of a chart's SVG file: `/charts/2007/team-grades.zh-CN.svg`. */
export function chartPath(year: number, id: string, locale: Locale): string {
  return `/charts/${year}/${id}.${htmlLang[locale]}.svg`;
}

/** Site path of a chart's narrow (phone) variant, next to it: `/charts/2007/team-grades.zh-CN.narrow.svg`. */
export function narrowChartPath(path: string): string {
  return path.replace(/\.svg$/, '.narrow.svg');
}
