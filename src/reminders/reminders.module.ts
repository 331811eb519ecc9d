import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { DeliveryFailuresPagesController } from './delivery-failures.pages';
import { EmailOutbox } from './email-outbox.entity';
import { EmailOutboxService } from './email-outbox.service';
import { InboxPagesController, InboxPanel } from './inbox.pages';
import { OutboxSender } from './outbox-sender.service';
import { Reminder } from './reminder.entity';
import { ReminderScheduler } from './reminder.scheduler';
import { ReminderTickService } from './reminder-tick.service';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';

@Module({
  imports: [TypeOrmModule.forFeature([Reminder, EmailOutbox]), DeadlinesModule],
  controllers: [RemindersController, InboxPagesController, DeliveryFailuresPagesController],
  providers: [
    ReminderTickService,
    OutboxSender,
    EmailOutboxService,
    ReminderScheduler,
    RemindersService,
    InboxPanel,
  ],
  exports: [RemindersService, ReminderScheduler, EmailOutboxService],
})
export class RemindersModule {}
