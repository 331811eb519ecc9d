import { Get, Injectable, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ALL_ROLES, AuthenticatedUser, CurrentUser, Permission } from '../identity/permissions';
import {
  NavItem,
  WorkQueuePanel,
  WorkQueuePanelProvider,
  WorkQueuePanelView,
} from '../web/shell/contributions';
import { WebController } from '../web/shell/web-controller';
import type { ReminderKind } from './reminder-schedule';
import { RemindersService } from './reminders.service';

const KINDS: Record<ReminderKind, string> = {
  'due-soon': 'Coming up',
  'due-today': 'Due today',
  overdue: 'Overdue',
  escalation: 'Overdue: escalated to you',
};

/** A person's reminders: what they owe and when, read or not, with a link to each case. */
@NavItem({ text: 'Inbox', href: '/inbox', order: 10 })
@Permission(...ALL_ROLES)
@WebController('inbox')
export class InboxPagesController {
  constructor(private readonly reminders: RemindersService) {}

  @Get()
  async inbox(@CurrentUser() user: AuthenticatedUser, @Res() res: Response) {
    const inbox = await this.reminders.inbox(user);
    res.render('reminders/inbox.njk', {
      pageTitle: 'Inbox',
      unread: inbox.unread,
      reminders: inbox.reminders.map((r) => ({ ...r, kindText: KINDS[r.kind] })),
      upcoming: inbox.upcoming,
    });
  }

  @Post(':id/read')
  async markRead(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    await this.reminders.markRead(user, id);
    res.redirect(303, '/inbox');
  }
}

/** The unread count on "My work", for everyone. */
@WorkQueuePanel()
@Injectable()
export class InboxPanel implements WorkQueuePanelProvider {
  readonly roles = ALL_ROLES;
  readonly order = 10;

  constructor(private readonly reminders: RemindersService) {}

  async panel(user: AuthenticatedUser): Promise<WorkQueuePanelView> {
    const unread = await this.reminders.unreadCount(user);
    return {
      title: 'Inbox',
      items: [
        {
          text: unread === 1 ? 'unread reminder' : 'unread reminders',
          count: unread,
          href: '/inbox',
          urgent: true,
        },
      ],
    };
  }
}
