/**
 * Layout hints a caller can give when detection is unsure (CLI flags, API fields). Every field is
 * optional; a given one overrides detection. Columns are letters ("C") or 1-based numbers.
 */
export interface LayoutHints {
  readonly sheet?: string;
  /** 1-based row of the header. */
  readonly headerRow?: number;
  readonly questionColumn?: string;
  readonly answerColumn?: string;
  readonly commentColumn?: string;
  /** The column holding the buyer's question ids ("AC-01"), when detection picks a row counter ("#"). */
  readonly idColumn?: string;
}
