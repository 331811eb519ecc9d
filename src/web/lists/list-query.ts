/**
 * Server-side lists (work queues, admin lists): paging, sorting and filtering read from the query
 * string, checked against what the list allows, and the links that keep them when moving between pages.
 */
export type Direction = 'asc' | 'desc';

export interface ListSpec<S extends string, F extends string> {
  sorts: readonly S[];
  defaultSort: S;
  defaultDirection: Direction;
  filters: readonly F[];
  pageSize?: number;
}

export interface ListQuery<S extends string = string, F extends string = string> {
  page: number;
  pageSize: number;
  offset: number;
  sort: S;
  direction: Direction;
  /** Only filters the list declares, trimmed, and only when not empty. */
  filters: Partial<Record<F, string>>;
}

const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE = 10_000;

export function parseListQuery<S extends string, F extends string>(
  query: Record<string, unknown>,
  spec: ListSpec<S, F>,
): ListQuery<S, F> {
  const pageSize = spec.pageSize ?? DEFAULT_PAGE_SIZE;
  const pageText = typeof query.page === 'string' ? query.page : '';
  const page = /^\d{1,5}$/.test(pageText) ? Math.min(Math.max(Number(pageText), 1), MAX_PAGE) : 1;
  const sort = spec.sorts.includes(query.sort as S) ? (query.sort as S) : spec.defaultSort;
  const direction =
    query.direction === 'asc' || query.direction === 'desc' ? query.direction : spec.defaultDirection;
  const filters: Partial<Record<F, string>> = {};
  for (const name of spec.filters) {
    const value = query[name];
    if (typeof value === 'string' && value.trim() !== '') filters[name] = value.trim().slice(0, 200);
  }
  return { page, pageSize, offset: (page - 1) * pageSize, sort, direction, filters };
}

/** The address of the list with some of its settings changed; empty settings are left out. */
export function listHref(
  basePath: string,
  query: ListQuery,
  changes: Partial<{ page: number; sort: string; direction: Direction }> = {},
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query.filters)) if (value) params.set(name, value as string);
  const sort = changes.sort ?? query.sort;
  const direction = changes.direction ?? query.direction;
  params.set('sort', sort);
  params.set('direction', direction);
  const page = changes.page ?? query.page;
  if (page > 1) params.set('page', String(page));
  return `${basePath}?${params.toString()}`;
}

/** Parameters for govukPagination, or undefined when everything fits on one page. */
export function paginationFor(basePath: string, query: ListQuery, total: number) {
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  if (pages === 1) return undefined;
  const shown = [...new Set([1, query.page - 1, query.page, query.page + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = [];
  shown.forEach((n, i) => {
    if (i > 0 && n - shown[i - 1] > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: listHref(basePath, query, { page: n }), current: n === query.page });
  });
  return {
    previous: query.page > 1 ? { href: listHref(basePath, query, { page: query.page - 1 }) } : undefined,
    next: query.page < pages ? { href: listHref(basePath, query, { page: query.page + 1 }) } : undefined,
    items,
  };
}

export interface Column<S extends string = string> {
  text: string;
  /** Columns with a sort key are links that sort by them (and reverse when already sorted). */
  sort?: S;
  format?: 'numeric';
}

/** Table headings for govukTable, with sort links and aria-sort on the sorted column. */
export function sortableHead(basePath: string, query: ListQuery, columns: Column[]) {
  return columns.map((column) => {
    if (!column.sort) return { text: column.text, format: column.format };
    const sorted = query.sort === column.sort;
    const direction: Direction = sorted && query.direction === 'asc' ? 'desc' : 'asc';
    const href = listHref(basePath, query, { sort: column.sort, direction, page: 1 });
    return {
      html: `<a class="govuk-link app-sort-link" href="${escapeHtml(href)}">${escapeHtml(column.text)}</a>`,
      format: column.format,
      attributes: { 'aria-sort': sorted ? (query.direction === 'asc' ? 'ascending' : 'descending') : 'none' },
    };
  });
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
