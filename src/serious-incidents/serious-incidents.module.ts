import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module';
import { IncidentChild } from './incident-child.entity';
import { IncidentOpening } from './incident-opening.service';
import { SeriousIncident } from './serious-incident.entity';
import { SeriousIncidentReferralService } from './serious-incident-referral.service';

@Module({
  imports: [TypeOrmModule.forFeature([SeriousIncident, IncidentChild]), CalendarModule],
  providers: [IncidentOpening, SeriousIncidentReferralService],
  exports: [SeriousIncidentReferralService],
})
export class SeriousIncidentsModule {}
