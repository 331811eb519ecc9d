import { Injectable } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper';
import type { AuthenticatedUser, Role } from '../../identity/permissions';
import {
  ADMIN_SECTION,
  AdminSectionOptions,
  CASE_SEARCH,
  CaseSearchProvider,
  NAV_ITEM,
  NavItemOptions,
  WORK_QUEUE_PANEL,
  WorkQueuePanelProvider,
} from './contributions';

interface Contributions {
  nav: NavItemOptions[];
  adminSections: AdminSectionOptions[];
  panels: WorkQueuePanelProvider[];
  searches: CaseSearchProvider[];
}

const holdsAny = (user: AuthenticatedUser, roles: readonly Role[] | undefined) =>
  !roles || roles.length === 0 || user.roles.some((role) => roles.includes(role));

/**
 * Collects what each capability contributes to the shell (navigation links, admin sections, work-queue
 * panels, search providers) from decorators, so adding one never means editing the web module.
 */
@Injectable()
export class WebRegistry {
  private found?: Contributions;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  navigationFor(user: AuthenticatedUser | undefined, path: string) {
    if (!user) return [];
    return this.contributions()
      .nav.filter((item) => holdsAny(user, item.roles))
      .map((item) => ({
        text: item.text,
        href: item.href,
        current: item.href === '/' ? path === '/' : path === item.href || path.startsWith(`${item.href}/`),
      }));
  }

  adminSectionsFor(user: AuthenticatedUser): AdminSectionOptions[] {
    return this.contributions().adminSections.filter((section) => holdsAny(user, section.roles));
  }

  panelProvidersFor(role: Role): WorkQueuePanelProvider[] {
    return this.contributions().panels.filter((provider) => provider.roles.includes(role));
  }

  searchProviders(): CaseSearchProvider[] {
    return this.contributions().searches;
  }

  private contributions(): Contributions {
    this.found ??= this.discover();
    return this.found;
  }

  private discover(): Contributions {
    const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;
    const controllers = this.discovery.getControllers().filter((w) => w.metatype);
    const providers = this.discovery.getProviders().filter((w) => w.metatype && w.instance);
    const marked = (wrappers: InstanceWrapper[], key: string) =>
      wrappers.filter((w) => this.reflector.get(key, w.metatype as object as never) !== undefined);
    const meta = <T>(wrappers: InstanceWrapper[], key: string) =>
      marked(wrappers, key).map((w) => this.reflector.get<T>(key, w.metatype as object as never));
    // A link may sit on the controller class or on one of its page methods.
    const methodNav = controllers.flatMap((w) => {
      const prototype = (w.metatype as { prototype: object }).prototype;
      return Object.getOwnPropertyNames(prototype)
        .filter((name) => name !== 'constructor')
        .map((name) => Object.getOwnPropertyDescriptor(prototype, name)?.value as unknown)
        .filter((method): method is () => unknown => typeof method === 'function')
        .map((method) => this.reflector.get<NavItemOptions | undefined>(NAV_ITEM, method))
        .filter((item): item is NavItemOptions => item !== undefined);
    });
    return {
      nav: [...meta<NavItemOptions>(controllers, NAV_ITEM), ...methodNav].sort(byOrder),
      adminSections: meta<AdminSectionOptions>(controllers, ADMIN_SECTION).sort(byOrder),
      panels: marked(providers, WORK_QUEUE_PANEL)
        .map((w) => w.instance as WorkQueuePanelProvider)
        .sort(byOrder),
      searches: marked(providers, CASE_SEARCH).map((w) => w.instance as CaseSearchProvider),
    };
  }
}
