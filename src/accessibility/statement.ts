// The accessibility statement (/accessibility/, /en/accessibility/): what the site was tested for,
// how, what is known not to work, and whom to tell. The tests it names are in tests/e2e/
// (large-text, phone, a11y); change this text when they change. The contact comes from the site
// settings (src/data/settings.ts), never from here.
import type { Locale } from '../i18n/locales';

export interface StatementSection {
  id: string;
  heading: string;
  intro?: string;
  items: string[];
}

export interface Statement {
  title: string;
  intro: string;
  sections: StatementSection[];
  contactHeading: string;
  /** The sentence before the contact: who answers follows it. */
  contactLead: string;
  emailLabel: string;
  phoneLabel: string;
  /** Said when the settings give no e-mail or telephone yet. */
  contactNoChannel: string;
}

export const statements: Record<Locale, Statement> = {
  'zh-cn': {
    title: '无障碍说明',
    intro:
      '本站希望每位职工都能顺利阅读：用手机读的，把字调大的年长读者，以及用读屏软件或键盘上网的读者。' +
      '本页说明我们检查了什么、怎样检查的、还有哪些不足，以及遇到问题时找谁。',
    sections: [
      {
        id: 'tested',
        heading: '我们检查了什么',
        items: [
          '字调大也能读：把浏览器或微信的字号调到 200%，再按 WCAG 1.4.12 加大行距、段距、字距和词距，' +
            '在 320、360 和 390 像素宽的手机上，每一类页面都不需要左右滚动，文字不被截断，也不互相重叠。',
          '大字模式：每页页头都有“标准 / 大字”按钮。大字模式把文字放大四分之一，加大行距，' +
            '正文与背景的对比度不低于 7:1；选择保存在本机，下次打开仍然有效。',
          '无障碍标准：每一类页面的中英文版都用 axe 按 WCAG 2.2 AA 自动检查，没有发现问题。',
          '手机：在手机上，页头的链接收进菜单按钮；链接和按钮的点按区域不小于 24×24 像素。',
          '键盘：用 Tab 键可以到达每个链接、按钮和输入框，当前位置有清楚的焦点框；页首有“跳到正文”链接。',
          '读屏软件：每幅图表都有文字说明和数据表，图标按钮、搜索框、年份和语言切换都有文字名称。',
        ],
      },
      {
        id: 'how',
        heading: '怎样检查',
        items: [
          '每次修改网站后，自动测试会在 Chromium 浏览器中打开每一类页面的中英文版，' +
            '分别用标准字号、200% 字号和大字模式，在三种手机宽度下测量页面宽度、文字框的位置和点按区域，' +
            '并运行 axe 检查。',
          '我们还在手机宽度下查看了标准和大字两种模式的页面截图。',
        ],
      },
      {
        id: 'limits',
        heading: '已知不足',
        items: [
          '图表图片里的文字不随字号放大。请阅读每幅图表下面的文字说明和数据表，它们会随字号放大。',
          'PDF 版是固定版式的 A4 文档，不随字号变化；需要大字时请阅读网页版。',
          '大字按钮和站内搜索需要浏览器允许 JavaScript；不允许时，网页仍以标准字号完整显示。',
          '本站还没有请使用读屏软件的读者实际试用过，读屏方面的检查都是自动进行的。',
        ],
      },
    ],
    contactHeading: '遇到问题找谁',
    contactLead: '如果本站有您读不了或用不了的地方，请告诉',
    emailLabel: '电子邮件',
    phoneLabel: '电话',
    contactNoChannel: '可以通过公司内部的日常渠道联系他们。',
  },
  en: {
    title: 'Accessibility',
    intro:
      'This site is meant to be read by every employee: on a phone, with the text turned up by older readers, ' +
      'and with a screen reader or a keyboard. This page says what we tested, how, what is known not to ' +
      'work yet, and whom to tell when something does not work for you.',
    sections: [
      {
        id: 'tested',
        heading: 'What we tested',
        items: [
          'Large text: with the browser’s or WeChat’s text size at 200% and the extra line, paragraph, letter ' +
            'and word spacing of WCAG 1.4.12, every kind of page at 320, 360 and 390 px wide needs no sideways ' +
            'scrolling, and no text is cut off or drawn over other text.',
          'Large mode: the “Standard / Large” buttons in the header of every page make the text a quarter ' +
            'larger, add space between lines and give body text a contrast of at least 7:1. The choice is ' +
            'kept on your device.',
          'Standards: every kind of page, in both languages, is checked with axe against WCAG 2.2 AA, with ' +
            'no problems found.',
          'Phones: on a phone the header’s links fold into a menu button, and links and buttons are at least ' +
            '24 × 24 px to tap.',
          'Keyboard: the Tab key reaches every link, button and field, with a clear focus outline, and a ' +
            '“Skip to main content” link comes first.',
          'Screen readers: every chart has a text summary and a data table; icon buttons, the search box and ' +
            'the year and language switches have names.',
        ],
      },
      {
        id: 'how',
        heading: 'How we tested',
        items: [
          'After every change, automated tests open every kind of page in both languages in the Chromium ' +
            'browser, at the standard text size, at 200% and in large mode, at three phone widths. They ' +
            'measure the page width, where the text boxes lie and the size of every tap target, and run axe.',
          'We also looked at screenshots of the pages at phone width in standard and large mode.',
        ],
      },
      {
        id: 'limits',
        heading: 'Known limits',
        items: [
          'Text inside the chart pictures does not grow with the text size. The summary and the data table ' +
            'under each chart do: read those instead.',
          'The PDF edition is a fixed A4 layout and does not follow the text size; read the web pages for ' +
            'large text.',
          'The text-size buttons and search need JavaScript. Without it, every page still shows in full at ' +
            'the standard size.',
          'No screen-reader user has tried the site yet: the screen-reader checks are automated.',
        ],
      },
    ],
    contactHeading: 'Whom to contact',
    contactLead: 'If anything on this site does not work for you, please tell',
    emailLabel: 'E-mail',
    phoneLabel: 'Telephone',
    contactNoChannel: 'You can reach them through the company’s usual internal channels.',
  },
};
