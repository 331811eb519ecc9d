import { Get, Logger, Render } from '@nestjs/common';
import { ALL_ROLES, AuthenticatedUser, CurrentUser, Permission, Role } from '../../identity/permissions';
import { NavItem, WorkQueuePanelView } from '../shell/contributions';
import { ROLE_LABELS } from '../shell/roles';
import { WebController } from '../shell/web-controller';
import { WebRegistry } from '../shell/web-registry.service';

interface PanelOutcome {
  panel?: WorkQueuePanelView;
  failed?: true;
}

/** "My work": for each role the user holds, the panels capabilities contribute for that role. */
@NavItem({ text: 'My work', href: '/', order: 0 })
@Permission(...ALL_ROLES)
@WebController()
export class HomeController {
  private readonly logger = new Logger('MyWork');

  constructor(private readonly registry: WebRegistry) {}

  @Get()
  @Render('home.njk')
  async home(@CurrentUser() user: AuthenticatedUser) {
    const roles = ALL_ROLES.filter((role) => user.roles.includes(role));
    const queues = await Promise.all(
      roles.map(async (role) => ({
        role,
        label: ROLE_LABELS[role],
        panels: (await this.panelsFor(user, role)).filter((outcome) => outcome.panel || outcome.failed),
      })),
    );
    return { pageTitle: 'My work', queues };
  }

  /** One broken panel must not take the whole page down: it says so and the others still show. */
  private panelsFor(user: AuthenticatedUser, role: Role): Promise<PanelOutcome[]> {
    return Promise.all(
      this.registry.panelProvidersFor(role).map(async (provider) => {
        try {
          const panel = await provider.panel(user, role);
          return panel ? { panel } : {};
        } catch (error) {
          this.logger.error(
            { provider: provider.constructor.name, errorName: (error as Error).name },
            'work-queue panel failed',
          );
          return { failed: true as const };
        }
      }),
    );
  }
}
