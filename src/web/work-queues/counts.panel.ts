import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TimeSource } from '../../calendar/time-source';
import { AccessService } from '../../identity/access.service';
import type { AuthenticatedUser, Role } from '../../identity/permissions';
import { WorkQueuePanelProvider, WorkQueuePanelView } from '../shell/contributions';

/**
 * A panel of counts over the organisations the user may see, hidden when they see none. A capability
 * extends it (with @WorkQueuePanel() and @Injectable()) and gives only its roles, order and `build`.
 */
@Injectable()
export abstract class CountsPanel implements WorkQueuePanelProvider {
  abstract readonly roles: readonly Role[];
  abstract readonly order: number;

  constructor(
    @InjectDataSource() protected readonly dataSource: DataSource,
    private readonly access: AccessService,
    protected readonly time: TimeSource,
  ) {}

  async panel(user: AuthenticatedUser, role: Role): Promise<WorkQueuePanelView | null> {
    const visible = await this.access.visibleOrganisationIds(user);
    return visible.length ? this.build(visible, role) : null;
  }

  protected abstract build(visible: string[], role: Role): Promise<WorkQueuePanelView>;
}
