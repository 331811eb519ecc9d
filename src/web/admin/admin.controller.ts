import { Get, Render } from '@nestjs/common';
import { AuthenticatedUser, CurrentUser, Permission, Role } from '../../identity/permissions';
import { NavItem } from '../shell/contributions';
import { WebController } from '../shell/web-controller';
import { WebRegistry } from '../shell/web-registry.service';

/** Roles with at least one administration page: the navigation link shows for them. */
export const ADMINISTERING_ROLES: Role[] = ['system-admin', 'cdop-admin', 'partnership-manager'];

@NavItem({ text: 'Administration', href: '/admin', roles: ADMINISTERING_ROLES, order: 90 })
@Permission(...ADMINISTERING_ROLES)
@WebController('admin')
export class AdminController {
  constructor(private readonly registry: WebRegistry) {}

  @Get()
  @Render('admin/index.njk')
  index(@CurrentUser() user: AuthenticatedUser) {
    return { sections: this.registry.adminSectionsFor(user) };
  }
}
