import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BankHolidayChange } from './bank-holiday-change.entity';
import { BankHolidayPagesController } from './bank-holidays.pages';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { TimeSource } from './time-source';

// Global: every capability asks TimeSource for "now" and "today in London", and counts working days.
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([BankHolidayChange])],
  controllers: [CalendarController, BankHolidayPagesController],
  providers: [CalendarService, TimeSource],
  exports: [CalendarService, TimeSource],
})
export class CalendarModule {}
