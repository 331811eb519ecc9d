import { listHref, paginationFor, parseListQuery, sortableHead } from './list-query';

const spec = {
  sorts: ['name', 'createdAt'] as const,
  defaultSort: 'name' as const,
  defaultDirection: 'asc' as const,
  filters: ['role', 'status'] as const,
  pageSize: 10,
};

describe('server-side lists', () => {
  it('reads page, sort, direction and the declared filters from the query string', () => {
    const query = parseListQuery(
      { page: '3', sort: 'createdAt', direction: 'desc', role: ' dcs ', other: 'x', status: '' },
      spec,
    );
    expect(query).toEqual({
      page: 3,
      pageSize: 10,
      offset: 20,
      sort: 'createdAt',
      direction: 'desc',
      filters: { role: 'dcs' },
    });
  });

  it('falls back to the defaults for anything it does not allow', () => {
    const query = parseListQuery({ page: '-1', sort: 'password', direction: 'sideways' }, spec);
    expect(query).toMatchObject({ page: 1, offset: 0, sort: 'name', direction: 'asc' });
    expect(parseListQuery({ page: ['2'] }, spec).page).toBe(1);
  });

  it('keeps the filters and sort in the links between pages', () => {
    const query = parseListQuery({ role: 'dcs', sort: 'createdAt', direction: 'desc', page: '2' }, spec);
    expect(listHref('/admin/users', query, { page: 3 })).toBe(
      '/admin/users?role=dcs&sort=createdAt&direction=desc&page=3',
    );
  });

  it('offers previous, next and the pages around the current one', () => {
    const query = parseListQuery({ page: '5' }, spec);
    const pagination = paginationFor('/l', query, 95);
    expect(pagination?.previous?.href).toContain('page=4');
    expect(pagination?.next?.href).toContain('page=6');
    expect(pagination?.items.map((i) => ('number' in i ? i.number : '…'))).toEqual([
      1,
      '…',
      4,
      5,
      6,
      '…',
      10,
    ]);
    expect(paginationFor('/l', parseListQuery({}, spec), 10)).toBeUndefined();
  });

  it('makes the sorted column reverse on the next click and tells screen readers how it is sorted', () => {
    const query = parseListQuery({ sort: 'name', direction: 'asc' }, spec);
    const [name, created, plain] = sortableHead('/l', query, [
      { text: 'Name', sort: 'name' },
      { text: 'Created <date>', sort: 'createdAt' },
      { text: 'Roles' },
    ]);
    expect(name.attributes).toEqual({ 'aria-sort': 'ascending' });
    expect(name.html).toContain('direction=desc');
    expect(created.html).toContain('Created &lt;date&gt;');
    expect(plain).toEqual({ text: 'Roles', format: undefined });
  });
});
