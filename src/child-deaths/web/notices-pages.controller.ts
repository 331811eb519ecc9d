import { Get, Injectable, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuthenticatedUser, CurrentUser, Permission, Role } from '../../identity/permissions';
import { WorkQueuePanel, WorkQueuePanelProvider, WorkQueuePanelView } from '../../web/shell/contributions';
import { WebController } from '../../web/shell/web-controller';
import { idPipe, PRACTITIONERS } from '../ids';
import { NoticesService } from '../notices.service';

/** The child death notices addressed to the signed-in person: deaths notified, invitations, forms, actions. */
@Permission(...PRACTITIONERS)
@WebController('child-death-notices')
export class NoticesPagesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  async index(@CurrentUser() user: AuthenticatedUser, @Res() res: Response) {
    res.render('child-deaths/notices.njk', {
      pageTitle: 'Child death notices',
      notices: await this.notices.mine(user),
    });
  }

  @Post(':noticeId/read')
  async read(
    @Param('noticeId', idPipe('notice')) noticeId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const notice = await this.notices.markRead(user, noticeId);
    res.redirect(303, notice.link);
  }

  @Get(':noticeId/invitation.ics')
  async invitation(
    @Param('noticeId', idPipe('notice')) noticeId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const notice = await this.notices.one(user, noticeId);
    if (!notice.attachment) return res.redirect(303, '/child-death-notices');
    res
      .type(notice.attachment.contentType)
      .attachment(notice.attachment.filename)
      .send(notice.attachment.content);
  }
}

/** Unread child death notices on "My work". */
@WorkQueuePanel()
@Injectable()
export class NoticesPanel implements WorkQueuePanelProvider {
  readonly roles: Role[] = PRACTITIONERS;
  readonly order = 5;

  constructor(private readonly notices: NoticesService) {}

  async panel(user: AuthenticatedUser): Promise<WorkQueuePanelView | null> {
    const all = await this.notices.mine(user);
    if (!all.length) return null;
    return {
      title: 'Child death notices',
      items: [
        {
          text: 'unread',
          count: all.filter((n) => !n.readAt).length,
          href: '/child-death-notices',
          urgent: true,
        },
      ],
    };
  }
}
