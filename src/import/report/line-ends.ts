// Every way a document can end a line inside a paragraph's text: CR (what `&#13;` in a Word run is),
// CRLF, LF, vertical tab and form feed (Word's manual line and page breaks when text is pasted),
// NEL, and Unicode's line and paragraph separators. Left in the text, any of them could start a new
// line of the MDX draft, where a line beginning "1." or "#" becomes a list item or a heading.

/** A line end of any kind (CRLF as one). */
export const lineEnd = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;

/** The text with every kind of line end written as LF. */
export function normaliseLineEnds(text: string): string {
  return text.replace(new RegExp(lineEnd.source, 'g'), '\n');
}
