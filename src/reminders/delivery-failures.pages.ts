import { Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Permission } from '../identity/permissions';
import { AdminSection } from '../web/shell/contributions';
import { WebController } from '../web/shell/web-controller';
import { MAX_SEND_ATTEMPTS } from './outbox-sender.service';
import { RemindersService } from './reminders.service';

/** Emails that could not be delivered, so an administrator can fix the address or the server. */
@AdminSection({
  title: 'Reminder delivery failures',
  href: '/admin/reminder-failures',
  description:
    'Reminder and meeting invitation emails the mail server refused: given up, or still being retried.',
  roles: ['system-admin'],
  order: 60,
})
@Permission('system-admin')
@WebController('admin/reminder-failures')
export class DeliveryFailuresPagesController {
  constructor(private readonly reminders: RemindersService) {}

  @Get()
  async index(@Res() res: Response) {
    res.render('reminders/delivery-failures.njk', {
      pageTitle: 'Reminder delivery failures',
      maxAttempts: MAX_SEND_ATTEMPTS,
      failures: await this.reminders.deliveryFailures(),
    });
  }
}
