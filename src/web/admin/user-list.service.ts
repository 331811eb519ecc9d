import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ROLE_NAMES } from '../../config/environment';
import { User } from '../../identity/user.entity';
import { ListQuery, ListSpec } from '../lists/list-query';

export type UserSort = 'name' | 'email' | 'createdAt';
export type UserFilter = 'q' | 'role' | 'status' | 'organisationId';

export const USER_LIST: ListSpec<UserSort, UserFilter> = {
  sorts: ['name', 'email', 'createdAt'],
  defaultSort: 'name',
  defaultDirection: 'asc',
  filters: ['q', 'role', 'status', 'organisationId'],
};

const SORT_COLUMNS: Record<UserSort, string> = {
  name: 'lower(u.name)',
  email: 'lower(u.email)',
  createdAt: 'u.created_at',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The administrators' user list: filtered, sorted and paged in PostgreSQL. */
@Injectable()
export class UserListService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(query: ListQuery<UserSort, UserFilter>): Promise<{ users: User[]; total: number }> {
    const q = this.dataSource.getRepository(User).createQueryBuilder('u');
    const { q: text, role, status, organisationId } = query.filters;
    if (text) {
      const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q.andWhere('(lower(u.name) LIKE :pattern OR lower(u.email) LIKE :pattern)', { pattern });
    }
    if (role && (ROLE_NAMES as readonly string[]).includes(role))
      q.andWhere(':role = ANY(u.roles)', { role });
    if (status === 'active' || status === 'inactive')
      q.andWhere('u.active = :active', { active: status === 'active' });
    if (organisationId && UUID.test(organisationId)) {
      q.andWhere(':organisationId = ANY(u.organisation_ids)', { organisationId });
    }
    const direction = query.direction === 'asc' ? 'ASC' : 'DESC';
    q.orderBy(SORT_COLUMNS[query.sort], direction).addOrderBy('u.id', 'ASC');
    const [users, total] = await q.skip(query.offset).take(query.pageSize).getManyAndCount();
    return { users, total };
  }
}
