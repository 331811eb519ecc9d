import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { AdministrationPanel } from './admin/administration.panel';
import { AdminController } from './admin/admin.controller';
import { AdminAuditController } from './admin/audit.controller';
import { AdminOrganisationsController } from './admin/organisations.controller';
import { UserListService } from './admin/user-list.service';
import { AdminUsersController } from './admin/users.controller';
import { CasePages } from './case/case-pages.service';
import { FormDrafts } from './forms/form-drafts.service';
import { SearchController } from './search/search.controller';
import { CsrfMiddleware } from './security/csrf.middleware';
import { CsrfService } from './security/csrf.service';
import { WebSecrets } from './security/web-secrets.service';
import { PageLocalsInterceptor } from './shell/page-locals.interceptor';
import { WebRegistry } from './shell/web-registry.service';
import { AccountController } from './sign-in/account.controller';
import { SignInController } from './sign-in/sign-in.controller';
import { WebSessions } from './sign-in/web-sessions.service';
import { ClockQueue } from './work-queues/clock-queue.service';
import { ClocksPanel } from './work-queues/clocks.panel';
import { DeadlinesPagesController } from './work-queues/deadlines.controller';
import { HomeController } from './work-queues/home.controller';

/**
 * The portal's web pages: the GOV.UK shell, sign-in, "My work", search and administration. Global so
 * any capability's page controller can use @WebController(), FormDrafts and CasePages.
 */
@Global()
@Module({
  imports: [DiscoveryModule, DeadlinesModule],
  controllers: [
    HomeController,
    DeadlinesPagesController,
    SignInController,
    AccountController,
    SearchController,
    AdminController,
    AdminUsersController,
    AdminOrganisationsController,
    AdminAuditController,
  ],
  providers: [
    WebSecrets,
    CsrfService,
    WebRegistry,
    PageLocalsInterceptor,
    WebSessions,
    FormDrafts,
    CasePages,
    UserListService,
    AdministrationPanel,
    ClockQueue,
    ClocksPanel,
  ],
  exports: [CsrfService, WebRegistry, PageLocalsInterceptor, FormDrafts, CasePages],
})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CsrfMiddleware).forRoutes('{*path}');
  }
}
