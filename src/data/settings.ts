// Site settings that are not content of a year: who readers write to. Edit here; pages read them.
import type { Locale } from '../i18n/locales';

/** How readers reach the people who run the site. Leave a channel out rather than guess it. */
export interface SiteContact {
  /** Who answers, in each language. */
  name: Record<Locale, string>;
  /** An e-mail address, shown as a mailto: link. */
  email?: string;
  /** A telephone number as dialled inside the company. */
  phone?: string;
}

export const siteSettings: { contact: SiteContact } = {
  // The editors named in README.md. Their e-mail address and telephone number are not in the
  // source material: add them here (`email: '…'`, `phone: '…'`) and the accessibility page shows them.
  contact: {
    name: {
      'zh-cn': '平果铝业公司宣传部门（本站编辑）',
      en: 'the publicity office of Pingguo Aluminium Company, who edit this site',
    },
  },
};
