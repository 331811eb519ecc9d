import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module';
import { CalendarModule } from './calendar/calendar.module';
import { ChildDeathsModule } from './child-deaths/child-deaths.module';
import { CommonModule } from './common/common.module';
import { ConfigModule } from './config/config.module';
import { Environment } from './config/environment';
import { typeOrmOptions } from './database/typeorm-options';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { IdentityModule } from './identity/identity.module';
import { LoggingModule } from './logging/logging.module';
import { NcmdModule } from './ncmd/ncmd.module';
import { RecommendationsModule } from './recommendations/recommendations.module';
import { RemindersModule } from './reminders/reminders.module';
import { ReportsModule } from './reports/reports.module';
import { SeriousIncidentsModule } from './serious-incidents/serious-incidents.module';
import { WebModule } from './web/web.module';

@Module({})
export class AppModule {
  static forRoot(environment: Environment, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(environment),
        LoggingModule,
        TypeOrmModule.forRoot({ ...typeOrmOptions(databaseUrl), autoLoadEntities: true }),
        ScheduleModule.forRoot(),
        CommonModule,
        HealthModule,
        AuditModule,
        IdentityModule,
        CalendarModule,
        DeadlinesModule,
        RemindersModule,
        DemoModule,
        SeriousIncidentsModule,
        RecommendationsModule,
        ChildDeathsModule,
        ReportsModule,
        NcmdModule,
        WebModule,
      ],
    };
  }
}
