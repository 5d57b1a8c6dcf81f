declare namespace App {
  interface Locals {
    /** The report year of the page being rendered; `<Metric>` in MDX reads its figures from it. */
    reportYear?: number;
  }
}
