// Room on the left of a plot for its row labels: long variant names must not run off the page.

/** About 6.5 px per character of a 11 px label, at least 130 px and at most 300 px. */
export const labelWidthPx = (labels: readonly string[]): number => Math.min(300, Math.max(130, 16 + 6.5 * Math.max(0, ...labels.map((l) => l.length))));
