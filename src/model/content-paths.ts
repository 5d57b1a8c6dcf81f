import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Where an image named by content (MDX `![…](…)`, `<img src>`, a YAML `image:` field) may live:
 * inside the content folder, named by a relative path. Anything else would publish a file from
 * elsewhere on the build machine, or an image from another site. Pure: it looks at the text only
 * (src/check/images.ts then looks at the file, and refuses symbolic links).
 */
export type ContentImagePath =
  | { ok: true; path: string }
  | {
      ok: false;
      construct: string;
      en: { message: string; fix: string };
      zh: { message: string; fix: string };
    };

const refused = (
  construct: string,
  en: [string, string],
  zh: [string, string],
): ContentImagePath => ({
  ok: false,
  construct,
  en: { message: en[0], fix: en[1] },
  zh: { message: zh[0], fix: zh[1] },
});

/** Resolves `reference`, written in `fromFile`, to a file inside `contentFolder` (both absolute), or says why not. */
export function resolveContentImage(
  reference: string,
  fromFile: string,
  contentFolder: string,
): ContentImagePath {
  const copyIn =
    'copy the image into the content folder, next to this file, and name it with a relative path such as ./lobby.jpg';
  const copyInZh = '把图片复制到内容文件夹里（放在这个文件旁边），用相对路径引用，如 ./lobby.jpg';
  if (/^[a-z][a-z0-9+.-]*:/i.test(reference) && !/^[a-z]:[\\/]/i.test(reference)) {
    return refused(
      reference.slice(0, reference.indexOf(':') + 1),
      [
        `names the image by the address ${reference.slice(0, 80)}; images must be files of the project`,
        copyIn,
      ],
      [`用地址 ${reference.slice(0, 80)} 引用图片；图片必须是项目里的文件`, copyInZh],
    );
  }
  if (
    reference.startsWith('//') ||
    isAbsolute(reference) ||
    /^[a-z]:[\\/]/i.test(reference) ||
    reference.startsWith('\\')
  ) {
    return refused(
      '(absolute path)',
      [
        `names the image by the absolute path ${reference.slice(0, 80)}, ` +
          `which points outside the project on other computers`,
        copyIn,
      ],
      [`用绝对路径 ${reference.slice(0, 80)} 引用图片；在别的电脑上这个路径不存在`, copyInZh],
    );
  }
  let decoded: string;
  try {
    decoded = decodeURI(reference);
  } catch {
    return refused(
      '(percent encoding)',
      [
        `names the image ${reference.slice(0, 80)} with a broken %-code ` +
          `(a % must be followed by two hexadecimal digits that spell a character)`,
        'write the file name as it is (Chinese characters and spaces are fine), e.g. ./大堂.jpg',
      ],
      [
        `图片路径 ${reference.slice(0, 80)} 中的 %编码不完整（% 后面应是能组成字符的两位十六进制数）`,
        '直接写文件名（可以用中文和空格），如 ./大堂.jpg',
      ],
    );
  }
  if (decoded.includes('\0'))
    return refused(
      '(file name)',
      ['names the image with an invisible NUL character', 'type the file name again'],
      ['图片路径里有看不见的空字符', '重新输入文件名'],
    );
  const path = resolve(dirname(fromFile), decoded);
  const inside = relative(contentFolder, path);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return refused(
      '..',
      [
        `names the image ${reference.slice(0, 80)}, which is outside the content folder (src/content/)`,
        copyIn,
      ],
      [`图片 ${reference.slice(0, 80)} 在内容文件夹（src/content/）之外`, copyInZh],
    );
  }
  return { ok: true, path };
}

/**
 * File names Windows reserves for devices, whatever the extension (`con.mdx` is the console): a
 * checkout of the project on Windows could neither create nor open such a file.
 */
const reservedWindowsNames = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** Whether `slug` (a file name without its extension) is reserved on Windows. */
export function isReservedWindowsName(slug: string): boolean {
  return reservedWindowsNames.test(slug);
}
