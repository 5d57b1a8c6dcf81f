/** A message in both languages: what is wrong or what happened, and what to do. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** Why a file of the folder is not imported: every reason says what to do instead. */
export type Refusal =
  | { kind: 'heic' }
  | { kind: 'mismatch'; claimed: string; actual: string; extension: string }
  | { kind: 'not-image'; claimed: string }
  | { kind: 'format'; actual: string }
  | { kind: 'image-problem'; zh: string; en: string }
  | { kind: 'too-large'; size: number; limit: number };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The refusal's text, in both languages. */
export function refusalText(refusal: Refusal): Bilingual {
  switch (refusal.kind) {
    case 'heic':
      return {
        zh: 'HEIC/HEIF 格式（iPhone 等手机的默认格式），浏览器大多不能显示：在手机或电脑上导出为 JPEG 再导入（iPhone：设置 → 相机 → 格式 → “兼容性最佳”，或用“照片”App 导出）',
        en:
          'is HEIC/HEIF (the default of iPhones and other phones), which most browsers cannot show: ' +
          'export as JPEG and import that (iPhone: Settings → Camera → Formats → "Most Compatible", or ' +
          'export from the Photos app)',
      };
    case 'mismatch':
      return {
        zh: `文件名说是 ${refusal.claimed}，内容却是 ${refusal.actual}：确认这是哪张照片，改用正确的扩展名（${refusal.extension}）或从原始照片重新导出为 JPEG`,
        en:
          `is named as ${refusal.claimed} but its content is ${refusal.actual}: check which photo it is, ` +
          `then give it the right extension (${refusal.extension}) or export it again as JPEG from the ` +
          `original`,
      };
    case 'not-image':
      return {
        zh: `文件名说是 ${refusal.claimed}，内容却不是图片（文件损坏，或者根本不是照片）：从原始照片重新复制一份`,
        en:
          `is named as ${refusal.claimed} but its content is no image (damaged, or not a photo at all): ` +
          `copy it again from the original`,
      };
    case 'format':
      return {
        zh: `是 ${refusal.actual} 格式，网站不发布这种格式：另存为 JPEG（.jpg）再导入`,
        en: `is ${refusal.actual}, a format the site does not publish: save it as JPEG (.jpg) and import that`,
      };
    case 'image-problem':
      return { zh: refusal.zh, en: refusal.en };
    case 'too-large':
      return {
        zh:
          `有 ${megabytes(refusal.size)}，导入只读不超过 ${megabytes(refusal.limit)} 的照片（手机照片约 3–8 MB），` +
          '没有读取它：如果它确实是照片，用相机或手机的原图，或另存为较小的 JPEG；不是照片就把它移出这个文件夹',
        en:
          `is ${megabytes(refusal.size)}; the import reads photos of at most ${megabytes(refusal.limit)} (a phone ` +
          'photo is 3–8 MB) and did not read it: if it is a photo, use the camera original or save a smaller ' +
          'JPEG; if it is not, move it out of this folder',
      };
  }
}

/** What the importer says about one photo's date, in both languages. */
export type DateNote =
  | { kind: 'exif'; date: string }
  | { kind: 'exif-mismatch'; date: string; event: string; eventDate: string }
  | { kind: 'exif-implausible'; date: string; latest: string }
  | { kind: 'name-hint'; date: string; source: 'wechat' | 'phone' }
  | { kind: 'none' };

/** The date note's text; `written` says whether the date went into the entry's `date:`. */
export function dateNoteText(note: DateNote): Bilingual {
  switch (note.kind) {
    case 'exif':
      return { zh: `${note.date}（EXIF 拍摄日期）`, en: `${note.date} (EXIF date taken)` };
    case 'exif-mismatch':
      return {
        zh: `EXIF 拍摄日期 ${note.date} 与活动 ${note.event} 的日期 ${note.eventDate} 不符，未写 date：相机时钟可能不准，或照片属于另一项活动，请核实`,
        en:
          `the EXIF date taken ${note.date} is not the date of event ${note.event} (${note.eventDate}); ` +
          `date left out: the camera's clock may be wrong, or the photo belongs to another event; check it`,
      };
    case 'exif-implausible':
      return {
        zh:
          `EXIF 拍摄日期 ${note.date} 不可能（早于 1990-01-01 或晚于 ${note.latest}），未写 date：相机的时钟没有设置` +
          '或设错了；知道拍摄日期的话请手动写上',
        en:
          `the EXIF date taken ${note.date} cannot be right (before 1990-01-01 or after ${note.latest}); ` +
          "date left out: the camera's clock was not set or was wrong; write the date by hand if you know it",
      };
    case 'name-hint':
      return note.source === 'wechat'
        ? {
            zh: `照片没有 EXIF 日期；文件名中的 ${note.date} 是微信保存图片的日期，不一定是拍摄日期，未写 date`,
            en:
              `no EXIF date; the ${note.date} in the file name is the day WeChat saved the picture, not ` +
              `necessarily the day it was taken; date left out`,
          }
        : {
            zh: `照片没有 EXIF 日期；文件名中有 ${note.date}（手机命名），仅供参考，未写 date`,
            en: `no EXIF date; the file name gives ${note.date} (a phone's naming), a hint only; date left out`,
          };
    case 'none':
      return {
        zh: '没有日期（EXIF 和文件名都没有）',
        en: 'no date (neither EXIF nor the file name gives one)',
      };
  }
}
