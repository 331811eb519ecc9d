import { Module } from '@nestjs/common';
import { ChildDeathsModule } from '../child-deaths/child-deaths.module';
import { NcmdExportController } from './ncmd-export.controller';
import { NcmdExportPagesController } from './ncmd-export.pages';
import { NcmdExportService } from './ncmd-export.service';
import { PseudonymSecret } from './pseudonym-secret.service';

@Module({
  imports: [ChildDeathsModule],
  controllers: [NcmdExportController, NcmdExportPagesController],
  providers: [NcmdExportService, PseudonymSecret],
  exports: [NcmdExportService],
})
export class NcmdModule {}
