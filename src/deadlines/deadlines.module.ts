import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module';
import { ClockDefault } from './clock-default.entity';
import { ClockDefaultsPagesController } from './clock-defaults.pages';
import { ClockDefaultsService } from './clock-defaults.service';
import { ClockHistory } from './clock-history.entity';
import { Clock } from './clock.entity';
import { DeadlinesController } from './deadlines.controller';
import { DeadlinesService } from './deadlines.service';

@Module({
  imports: [TypeOrmModule.forFeature([Clock, ClockHistory, ClockDefault]), CalendarModule],
  controllers: [DeadlinesController, ClockDefaultsPagesController],
  providers: [DeadlinesService, ClockDefaultsService],
  exports: [DeadlinesService, CalendarModule],
})
export class DeadlinesModule {}
