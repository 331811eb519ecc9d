import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { SeriousIncidentsDemoSeeder } from '../serious-incidents/serious-incidents-demo.seeder';
import { SeriousIncidentsModule } from '../serious-incidents/serious-incidents.module';
import { RecommendationAction } from './recommendation-action.entity';
import { Recommendation } from './recommendation.entity';
import { RecommendationsController } from './recommendations.controller';
import { RecommendationsService } from './recommendations.service';
import { RecommendationPagesController } from './web/recommendation-pages.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature([Recommendation, RecommendationAction]),
    DeadlinesModule,
    SeriousIncidentsModule,
  ],
  controllers: [RecommendationsController, RecommendationPagesController],
  // The serious incident demo seeder lives here because its incidents carry recommendations too.
  providers: [RecommendationsService, SeriousIncidentsDemoSeeder],
  exports: [RecommendationsService],
})
export class RecommendationsModule {}
