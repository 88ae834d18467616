// How a journey map is cut into printed pages: the paper sizes offered, their printable width, and
// which stages go on each page so every stage column keeps its on-screen width (no shrinking).

export const PRINT_PAPERS = ['a4', 'a3'] as const;
export type PrintPaper = (typeof PRINT_PAPERS)[number];

/** Printable width of a landscape page with 8 mm margins, in CSS px (96 per inch): 281 mm and 404 mm. */
export const PRINTABLE_WIDTH: Record<PrintPaper, number> = { a4: 1060, a3: 1520 };

/** The printed lane label column and stage column, in CSS px: the stage column is the screen's at 100 %. */
export const PRINT_LANE_HEAD = 170;
export const PRINT_COLUMN = 220;

/** How many stage columns fit beside the lane labels on one page; at least one. */
export function stagesPerPage(paper: PrintPaper): number {
  return Math.max(1, Math.floor((PRINTABLE_WIDTH[paper] - PRINT_LANE_HEAD) / PRINT_COLUMN));
}

/**
 * The stages in page-sized runs, in order. As few pages as the width allows, and balanced (7 stages
 * at 4 a page give 4 + 3, not 4 + 4 + ...; 9 give 3 + 3 + 3 rather than 4 + 4 + 1), so no page
 * carries a lone stage when the others could share.
 */
export function chunkStages<T>(stages: readonly T[], perPage: number): T[][] {
  if (stages.length === 0) return [];
  const size = Math.max(1, Math.trunc(perPage));
  const pages = Math.ceil(stages.length / size);
  const base = Math.floor(stages.length / pages);
  const longer = stages.length % pages;
  const chunks: T[][] = [];
  let start = 0;
  for (let i = 0; i < pages; i++) {
    const end = start + base + (i < longer ? 1 : 0);
    chunks.push(stages.slice(start, end));
    start = end;
  }
  return chunks;
}
