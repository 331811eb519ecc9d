import { BadRequestException, Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, AuthenticatedUser, CurrentUser, Permission } from '../identity/permissions';
import { BankHoliday } from './bank-holidays';
import { AddBankHolidayDto, BankHolidaysQuery, WorkingDaysQuery } from './calendar.dto';
import { CalendarService } from './calendar.service';
import { IsoDate, parseIsoDate } from './iso-date';
import { TimeSource } from './time-source';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly time: TimeSource,
  ) {}

  /** England and Wales bank holidays of a year, sorted by date. */
  @Get('bank-holidays')
  @Permission(...ALL_ROLES)
  bankHolidays(@Query() query: BankHolidaysQuery): Promise<BankHoliday[]> {
    return this.calendar.bankHolidays(query.year ?? parseIsoDate(this.time.today()).year);
  }

  /** The working day `add` working days after `from` (before it when negative). */
  @Get('working-days')
  @Permission(...ALL_ROLES)
  async workingDays(
    @Query() query: WorkingDaysQuery,
  ): Promise<{ from: IsoDate; add: number; date: IsoDate }> {
    const calendar = await this.calendar.calendar();
    try {
      return { from: query.from, add: query.add, date: calendar.addWorkingDays(query.from, query.add) };
    } catch (error) {
      if (error instanceof RangeError) throw new BadRequestException([`add: ${error.message}`]);
      throw error;
    }
  }

  /** Adds a proclaimed bank holiday (or moves one); every running clock it affects is recomputed. */
  @Post('bank-holidays')
  @Permission('system-admin')
  async addBankHoliday(@Body() body: AddBankHolidayDto, @CurrentUser() user: AuthenticatedUser) {
    const { change, recomputedClocks } = await this.calendar.addChange(
      { date: body.date, name: body.name, ...(body.replaces ? { replaces: body.replaces } : {}) },
      user,
    );
    return {
      id: change.id,
      createdAt: change.createdAt,
      updatedAt: change.updatedAt,
      version: change.version,
      date: change.date,
      name: change.name,
      ...(change.replaces ? { replaces: change.replaces } : {}),
      recomputedClocks,
    };
  }
}
