/** A date a photo's file name carries, and which kind of name said so. */
export interface NameDate {
  /** YYYY-MM-DD */
  date: string;
  /** `wechat`: the day WeChat saved the file, not necessarily the day it was taken. */
  source: 'wechat' | 'phone';
}

function validDay(year: string, month: string, day: string): string | undefined {
  const text = `${year}-${month}-${day}`;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(text)
    ? text
    : undefined;
}

/**
 * The date in a file name such as `微信图片_20090120193512.jpg` (WeChat) or
 * `IMG_20090120_193512.jpg` (Android cameras): a hint for photos whose EXIF has no date.
 */
export function dateFromFileName(name: string): NameDate | undefined {
  const wechat = /^(?:微信图片|mmexport)_?(\d{4})(\d{2})(\d{2})\d{0,6}(?:_\d+)?\./i.exec(name);
  if (wechat) {
    const date = validDay(wechat[1] ?? '', wechat[2] ?? '', wechat[3] ?? '');
    if (date) return { date, source: 'wechat' };
  }
  const phone = /^(?:IMG|PXL|VID)_(\d{4})(\d{2})(\d{2})_\d{6}/i.exec(name);
  if (phone) {
    const date = validDay(phone[1] ?? '', phone[2] ?? '', phone[3] ?? '');
    if (date) return { date, source: 'phone' };
  }
  return undefined;
}
