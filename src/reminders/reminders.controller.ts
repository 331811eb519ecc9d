import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, AuthenticatedUser, CurrentUser, Permission } from '../identity/permissions';
import { DeliveryFailureView, Inbox, RemindersService, ReminderView } from './reminders.service';

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('api/reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  /** My reminders (read and unread, newest first) and the deadlines that will remind me next. */
  @Get()
  @Permission(...ALL_ROLES)
  inbox(@CurrentUser() user: AuthenticatedUser): Promise<Inbox> {
    return this.reminders.inbox(user);
  }

  /** Emails that could not be delivered: given up, or still being retried. */
  @Get('failures')
  @Permission('system-admin')
  failures(): Promise<DeliveryFailureView[]> {
    return this.reminders.deliveryFailures();
  }

  @Post(':id/read')
  @HttpCode(200)
  @Permission(...ALL_ROLES)
  markRead(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ReminderView> {
    return this.reminders.markRead(user, id);
  }
}
