import { access, constants, lstat, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import sharp from 'sharp';
import { resolveContentImage } from '../model/content-paths';
import { relativeFile, type CheckProblem } from '../utils/problems';
import { largestRenditionWidth } from '../model/renditions';

/** What a photo must be for the gallery's pipeline (issue 4): the lead tunes these at merge. */
export interface ImageRules {
  /** The widest rendition the site makes: a smaller original would be blown up. */
  minLongSide: number;
  /** Larger originals take too long and too much memory to process on the build machine. */
  maxMegapixels: number;
  /** Formats sharp reads, as sharp names them. */
  formats: ReadonlyArray<string>;
  /** Photos are opaque: transparency turns black or white in JPEG renditions. */
  allowAlpha: boolean;
}

export const photoRules: ImageRules = {
  minLongSide: largestRenditionWidth,
  maxMegapixels: 50,
  formats: ['jpeg', 'png', 'webp'],
  allowAlpha: false,
};
/** Images inside report or unit text (Markdown `![…](…)`): smaller is fine, but not an SVG. */
export const inlineImageRules: ImageRules = {
  minLongSide: 320,
  maxMegapixels: 50,
  formats: ['jpeg', 'png', 'webp'],
  allowAlpha: true,
};

const formatNames = 'JPEG (.jpg)';

type Metadata = Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;

/**
 * Every problem of one image file, without throwing: missing, unreadable, not an image, wrong
 * format, corrupt or truncated, too large to process, too small for the largest rendition, CMYK,
 * transparent. `entryFile` is the content file that uses the image, `field` the field naming it.
 */
export async function imageProblems(
  entryFile: string,
  field: string,
  imagePath: string,
  shownPath: string,
  rules: ImageRules,
  line?: number,
): Promise<CheckProblem[]> {
  const problem = (
    message: string,
    fix: string,
    zhMessage: string,
    zhFix: string,
  ): CheckProblem => ({
    file: entryFile,
    ...(line === undefined ? {} : { line }),
    field,
    message: `${message} (${shownPath})`,
    fix,
    zh: { message: `${zhMessage}（${shownPath}）`, fix: zhFix },
  });
  try {
    if ((await lstat(imagePath)).isSymbolicLink()) {
      return [
        problem(
          'is a symbolic link (a shortcut to a file elsewhere); ' +
            'the site publishes only files that are really in the project',
          'copy the image itself into the content folder in place of the link',
          '是符号链接（指向别处文件的快捷方式）；网站只发布真正在项目里的文件',
          '把图片文件本身复制到内容文件夹里，替换这个链接',
        ),
      ];
    }
  } catch {
    // does not exist: reported just below
  }
  try {
    if (!(await stat(imagePath)).isFile()) throw new Error('not a file');
  } catch {
    return [
      problem(
        'names an image file that does not exist',
        'check the path (it is relative to the content file) and that the image was copied into the project',
        '指向的图片文件不存在',
        '检查路径（相对于这个内容文件）以及图片是否已复制到项目里',
      ),
    ];
  }
  try {
    await access(imagePath, constants.R_OK);
  } catch {
    return [
      problem(
        'names an image file that cannot be read',
        'give the file read permission, or copy it again',
        '图片文件无法读取',
        '给文件加上读取权限，或重新复制一份',
      ),
    ];
  }
  if (extname(imagePath).toLowerCase() === '.svg') {
    return [
      problem(
        'is an SVG drawing, not a photo',
        `export the picture as ${formatNames} and use that file`,
        '是 SVG 矢量图，不是照片',
        '把图片导出为 JPEG（.jpg）格式后再使用',
      ),
    ];
  }
  let metadata: Metadata;
  try {
    // Only the header is read here; the pixel limit is ours (maxMegapixels, below), so that an
    // oversized photo is called oversized, not damaged.
    metadata = await sharp(imagePath, { limitInputPixels: false }).metadata();
  } catch {
    return [
      problem(
        'is not a readable image (damaged, or not an image at all)',
        `open it in an image viewer; if it does not show, copy it again from the original, saved as ${formatNames}`,
        '不是可读取的图片（文件损坏，或根本不是图片）',
        '用看图软件打开试试；打不开就从原始文件重新复制，保存为 JPEG（.jpg）',
      ),
    ];
  }
  const problems: CheckProblem[] = [];
  const format = metadata.format ?? 'unknown';
  if (!rules.formats.includes(format)) {
    problems.push(
      problem(
        `is in ${format.toUpperCase()} format, which the site does not publish`,
        `save it as ${formatNames}`,
        `是 ${format.toUpperCase()} 格式，网站不发布这种格式`,
        '另存为 JPEG（.jpg）格式',
      ),
    );
    return problems;
  }
  const width = metadata.autoOrient?.width ?? metadata.width ?? 0;
  const height = metadata.autoOrient?.height ?? metadata.height ?? 0;
  const megapixels = (width * height) / 1_000_000;
  if (megapixels > rules.maxMegapixels) {
    problems.push(
      problem(
        `is ${width}×${height} (${megapixels.toFixed(0)} megapixels), ` +
          `more than the ${rules.maxMegapixels} megapixels the build can process`,
        'resize it to at most 6000 pixels on the long side (any photo editor, or "resize" in Windows Photos)',
        `尺寸 ${width}×${height}（${megapixels.toFixed(0)} 百万像素），超过构建能处理的 ${rules.maxMegapixels} 百万像素`,
        '把长边缩小到 6000 像素以内（任何修图软件都可以，Windows“照片”里的“调整大小”也行）',
      ),
    );
    return problems; // Decoding it to look for damage would be exactly the cost we warn about.
  }
  try {
    // Decoding the whole file is the only way to find a truncated or damaged JPEG; shrink-on-load
    // keeps it cheap.
    await sharp(imagePath, { failOn: 'truncated' })
      .resize(256, 256, { fit: 'inside' })
      .raw()
      .toBuffer();
  } catch {
    problems.push(
      problem(
        'is damaged or incomplete (the file ends too early or has broken data)',
        'copy the photo again from the original (the copy may have been interrupted)',
        '文件损坏或不完整（文件提前结束或数据有误）',
        '从原始照片重新复制一份（可能复制时中断了）',
      ),
    );
    return problems;
  }
  if (Math.max(width, height) < rules.minLongSide) {
    problems.push(
      problem(
        `is only ${width}×${height} pixels; ` +
          `the site's largest rendition needs at least ${rules.minLongSide} pixels on the long side`,
        'use the original photo from the camera, not a thumbnail or a picture saved from a chat',
        `只有 ${width}×${height} 像素；网站最大的版本需要长边至少 ${rules.minLongSide} 像素`,
        '请使用相机拍出的原图，不要用缩略图或从聊天软件里保存的图片',
      ),
    );
  }
  if (metadata.space === 'cmyk') {
    problems.push(
      problem(
        'uses CMYK colours (a print file); browsers show its colours wrongly',
        'export it again as an sRGB JPEG (in Photoshop: Edit → Convert to Profile → sRGB)',
        '使用 CMYK 颜色（印刷用文件），浏览器显示会偏色',
        '重新导出为 sRGB 的 JPEG（Photoshop：编辑 → 转换为配置文件 → sRGB）',
      ),
    );
  }
  if (metadata.hasAlpha && !rules.allowAlpha) {
    problems.push(
      problem(
        'has transparent areas, which a photo cannot have (they turn black or white on the site)',
        `save it as ${formatNames}, which has no transparency`,
        '带有透明区域，照片不能透明（在网站上会变成黑色或白色）',
        '另存为 JPEG（.jpg），JPEG 没有透明',
      ),
    );
  }
  return problems;
}

/**
 * Every problem of an image named by a content file (`reference` as written in `fromFile`): the
 * path must stay inside the content folder (./…, no `..` out of it, no absolute path, no URL, no
 * broken %-code) and must not lead through a symbolic link; then the file itself is checked.
 */
export async function referencedImageProblems(
  root: string,
  entryFile: string,
  fromFile: string,
  field: string,
  reference: string,
  rules: ImageRules,
  line?: number,
): Promise<CheckProblem[]> {
  const contentFolder = join(root, 'src', 'content');
  const resolved = resolveContentImage(reference, fromFile, contentFolder);
  if (!resolved.ok) {
    return [
      {
        file: entryFile,
        ...(line === undefined ? {} : { line }),
        field,
        message: resolved.en.message,
        fix: resolved.en.fix,
        zh: resolved.zh,
      },
    ];
  }
  try {
    // A linked folder on the way would also lead outside: compare the real paths.
    const real = relative(await realpath(contentFolder), await realpath(resolved.path));
    if (real.startsWith(`..${sep}`) || real === '..') {
      return [
        {
          file: entryFile,
          ...(line === undefined ? {} : { line }),
          field,
          message: `names the image ${reference}, which leads through a symbolic link to outside the content folder`,
          fix: 'copy the image itself into the content folder',
          zh: {
            message: `图片 ${reference} 经由符号链接指向内容文件夹之外`,
            fix: '把图片文件本身复制到内容文件夹里',
          },
        },
      ];
    }
  } catch {
    // missing file: imageProblems says so
  }
  return imageProblems(
    entryFile,
    field,
    resolved.path,
    relativeFile(root, resolved.path),
    rules,
    line,
  );
}
