import { Body, Get, Logger, Post, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuditService } from '../../audit/audit.service';
import { AuthenticatedUser, CurrentUser, Permission, Role } from '../../identity/permissions';
import { validateForm } from '../forms/form';
import { CaseSearchResult, NavItem } from '../shell/contributions';
import { WebController } from '../shell/web-controller';
import { WebRegistry } from '../shell/web-registry.service';
import { SearchForm } from './search.forms';

export const SEARCH_ROLES: Role[] = ['system-admin', 'cdop-admin', 'partnership-manager'];
const MAX_RESULTS = 50;

/**
 * Case search for administrators. The query is posted, not put in the address, so names and NHS numbers
 * stay out of browser history and server logs; the audit records that a search ran, never what for.
 */
@NavItem({ text: 'Search', href: '/search', roles: SEARCH_ROLES, order: 80 })
@Permission(...SEARCH_ROLES)
@WebController('search')
export class SearchController {
  private readonly logger = new Logger('Search');

  constructor(
    private readonly registry: WebRegistry,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Render('search/index.njk')
  page() {
    return { values: {}, searchable: this.registry.searchProviders().map((p) => p.kind) };
  }

  @Post()
  async search(
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const providers = this.registry.searchProviders();
    const searchable = providers.map((p) => p.kind);
    const outcome = await validateForm(SearchForm, body);
    if (!outcome.valid) return res.status(400).render('search/index.njk', { ...outcome, searchable });
    const query = outcome.value.q;
    const found = await Promise.all(
      providers.map(async (provider) => {
        try {
          return { kind: provider.kind, results: await provider.search(user, query) };
        } catch (error) {
          this.logger.error(
            { kind: provider.kind, errorName: (error as Error).name },
            'search provider failed',
          );
          return { kind: provider.kind, results: [] as CaseSearchResult[], failed: true };
        }
      }),
    );
    const results = found.flatMap((f) => f.results);
    await this.audit.record({
      action: 'search.run',
      actor: user,
      details: { kinds: searchable, resultCount: results.length },
    });
    res.render('search/index.njk', {
      values: { q: query },
      searchable,
      searched: true,
      results: results.slice(0, MAX_RESULTS),
      tooMany: results.length > MAX_RESULTS,
      failedKinds: found.filter((f) => f.failed).map((f) => f.kind),
    });
  }
}
