import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BankHolidayChange } from './bank-holiday-change.entity';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { TimeSource } from './time-source';

@Module({
  imports: [TypeOrmModule.forFeature([BankHolidayChange])],
  controllers: [CalendarController],
  providers: [CalendarService, TimeSource],
  exports: [CalendarService, TimeSource],
})
export class CalendarModule {}
