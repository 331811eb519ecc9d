import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WorkQueuePanel, WorkQueuePanelProvider, WorkQueuePanelView } from '../shell/contributions';

/** The system administrator's "My work" panel: people and organisations at a glance. */
@WorkQueuePanel()
@Injectable()
export class AdministrationPanel implements WorkQueuePanelProvider {
  readonly roles = ['system-admin'] as const;
  readonly order = 10;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async panel(): Promise<WorkQueuePanelView> {
    const [counts]: { active: number; inactive: number; organisations: number }[] =
      await this.dataSource.query(
        `SELECT (SELECT count(*) FROM app_user WHERE active)::int AS active,
              (SELECT count(*) FROM app_user WHERE NOT active)::int AS inactive,
              (SELECT count(*) FROM organisation)::int AS organisations`,
      );
    return {
      title: 'People and organisations',
      items: [
        { text: 'active users', count: counts.active, href: '/admin/users?status=active' },
        { text: 'deactivated users', count: counts.inactive, href: '/admin/users?status=inactive' },
        { text: 'organisations', count: counts.organisations, href: '/admin/organisations' },
      ],
      link: { text: 'Invite a user', href: '/admin/users/new' },
    };
  }
}
